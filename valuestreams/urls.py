from django.urls import path

from . import views

app_name = "valuestreams"

V = "o/<slug:slug>/value-streams/"
M = V + "<id:pk>/"
S = M + "steps/<id:step>/"

urlpatterns = [
    path(V, views.map_list, name="map_list"),
    path(V + "new/", views.map_create, name="map_create"),
    path(M, views.map_detail, name="map_detail"),
    path(M + "edit/", views.map_edit, name="map_edit"),
    path(M + "future/", views.future_make, name="future_make"),
    path(M + "compare/", views.map_compare, name="map_compare"),
    path(M + "pdf/", views.map_pdf, name="map_pdf"),
    path(M + "steps/new/", views.step_add, name="step_add"),
    path(S, views.step_edit, name="step_edit"),
    path(S + "move/", views.step_move, name="step_move"),
    path(S + "delete/", views.step_delete, name="step_delete"),
    path(S + "pain-points/", views.pain_point_add, name="pain_point_add"),
    path(M + "pain-points/<id:pain>/delete/", views.pain_point_delete, name="pain_point_delete"),
    path(M + "pain-points/<id:pain>/send/", views.pain_point_send, name="pain_point_send"),
]
