from django.urls import path

from .views import bodies

app_name = "consultation"

C = "o/<slug:slug>/consultation/"
B = C + "<id:pk>/"

urlpatterns = [
    path(C, bodies.body_list, name="body_list"),
    path(C + "new/", bodies.body_create, name="body_create"),
    path(B, bodies.body_detail, name="body_detail"),
    path(B + "edit/", bodies.body_edit, name="body_edit"),
    path(B + "delete/", bodies.body_delete, name="body_delete"),
]
