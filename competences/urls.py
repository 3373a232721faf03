from django.urls import path

from .views import coverage, frameworks, ratings

app_name = "competences"

C = "o/<slug:slug>/competences/"
F = C + "<id:fw>/"
# A school community's frameworks, on the community's pages.
S = C + "frameworks/"

urlpatterns = [
    path(C, frameworks.index, name="index"),
    path(C + "import/", frameworks.import_framework, name="import"),
    path(S, frameworks.community, name="community"),
    path(S + "import/", frameworks.community_import, name="community_import"),
    path(S + "<id:fw>/", frameworks.community_framework, name="community_framework"),
    path(S + "<id:fw>/export.xlsx", frameworks.community_export, name="community_export"),
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
