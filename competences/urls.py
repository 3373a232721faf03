from django.urls import path

from .views import coverage, frameworks, ratings

app_name = "competences"

C = "o/<slug:slug>/competences/"
F = C + "<id:fw>/"

urlpatterns = [
    path(C, frameworks.index, name="index"),
    path(C + "import/", frameworks.import_framework, name="import"),
    path(F, frameworks.framework, name="framework"),
    path(F + "export.xlsx", frameworks.export, name="export"),
    path(F + "mine/", ratings.mine, name="mine"),
    path(F + "people/", coverage.people, name="people"),
    path(F + "people/<id:pk>/", ratings.person, name="person"),
    path(F + "teams/<id:pk>/", coverage.team_matrix, name="team_matrix"),
    path(F + "teams/<id:team>/<id:competence>/propose/", coverage.propose, name="propose"),
    path(F + "school/", coverage.school, name="school"),
    path(F + "rules/", coverage.rules, name="rules"),
    path(F + "rules/<id:pk>/delete/", coverage.rule_delete, name="rule_delete"),
]
