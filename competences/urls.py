from django.urls import path

from .views import frameworks

app_name = "competences"

C = "o/<slug:slug>/competences/"
F = C + "<id:fw>/"

urlpatterns = [
    path(C, frameworks.index, name="index"),
    path(F, frameworks.framework, name="framework"),
]
