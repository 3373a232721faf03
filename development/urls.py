from django.urls import path

from . import views

app_name = "development"

P = "o/<slug:slug>/ontwikkeling/punten/"

urlpatterns = [
    path(P, views.point_list, name="point_list"),
    path(P + "<id:pk>/beslissen/", views.point_decide, name="point_decide"),
]
