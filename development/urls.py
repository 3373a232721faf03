from django.urls import path

from . import views

app_name = "development"

P = "o/<slug:slug>/ontwikkeling/punten/"
PLAN = "o/<slug:slug>/ontwikkeling/plan/"

urlpatterns = [
    path(P, views.point_list, name="point_list"),
    path(P + "<id:pk>/beslissen/", views.point_decide, name="point_decide"),
    path(PLAN, views.plan, name="plan"),
    path(PLAN + "doelen/nieuw/", views.goal_create, name="goal_create"),
    path(PLAN + "doelen/<id:pk>/status/", views.goal_status, name="goal_status"),
]
