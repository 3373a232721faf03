from django.urls import path

from .views import frameworks, ratings

app_name = "competences"

C = "o/<slug:slug>/competences/"
F = C + "<id:fw>/"

urlpatterns = [
    path(C, frameworks.index, name="index"),
    path(F, frameworks.framework, name="framework"),
    path(F + "mine/", ratings.mine, name="mine"),
    path(F + "people/<id:pk>/", ratings.person, name="person"),
]
