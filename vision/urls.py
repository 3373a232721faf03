from django.urls import path

from .views import manage, public

app_name = "vision"

V = "o/<slug:slug>/vision/"

urlpatterns = [
    path(V, manage.process_list, name="process_list"),
    path(V + "new/", manage.process_create, name="process_create"),
    path(V + "<id:pk>/", manage.process_detail, name="process_detail"),
    path(V + "<id:pk>/advance/", manage.phase_advance, name="phase_advance"),
    path(V + "<id:pk>/groups/new/", manage.group_add, name="group_add"),
    path(V + "<id:pk>/cluster/", manage.cluster, name="cluster"),
    path(V + "<id:pk>/themes/new/", manage.theme_create, name="theme_create"),
    path(V + "<id:pk>/publish/", manage.publish, name="publish"),
    path(V + "<id:pk>/results/", manage.results, name="results"),
    path("v/<str:token>/", public.contribute, name="contribute"),
    path("v/<str:token>/thanks/", public.thanks, name="thanks"),
    path("v/<str:token>/points/", public.prioritise, name="prioritise"),
    path("v/<str:token>/points/total/", public.points_total, name="points_total"),
    path("v/<str:token>/points/thanks/", public.points_thanks, name="points_thanks"),
]
