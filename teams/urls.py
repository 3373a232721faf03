from django.urls import path

from .views import appreciation, charters, decisions, goals, islands

app_name = "teams"

D = "o/<slug:slug>/decisions/"

urlpatterns = [
    path("o/<slug:slug>/teams/<id:pk>/charter/", charters.charter, name="charter"),
    path("o/<slug:slug>/teams/<id:pk>/charter/edit/", charters.charter_edit, name="charter_edit"),
    path("o/<slug:slug>/teams/<id:pk>/goals/new/", goals.goal_add, name="goal_add"),
    path("o/<slug:slug>/goals/", goals.school_goals, name="school_goals"),
    path("o/<slug:slug>/goals/<id:pk>/edit/", goals.goal_edit, name="goal_edit"),
    path("o/<slug:slug>/goals/<id:pk>/delete/", goals.goal_delete, name="goal_delete"),
    path(
        "o/<slug:slug>/goals/<id:pk>/point/",
        goals.goal_point_propose,
        name="goal_point_propose",
    ),
    path(
        "o/<slug:slug>/goals/<id:pk>/measurements/new/",
        goals.measurement_add,
        name="measurement_add",
    ),
    path(
        "o/<slug:slug>/teams/<id:pk>/appreciation/new/",
        appreciation.appreciation_add,
        name="appreciation_add",
    ),
    path(
        "o/<slug:slug>/appreciation/<id:pk>/delete/",
        appreciation.appreciation_delete,
        name="appreciation_delete",
    ),
    path(
        "o/<slug:slug>/measurements/<id:pk>/delete/",
        goals.measurement_delete,
        name="measurement_delete",
    ),
    path("o/<slug:slug>/teams/samenwerking/", islands.collaboration, name="collaboration"),
    path(D, decisions.decision_matrix, name="decision_matrix"),
    path(D + "edit/", decisions.decision_matrix_edit, name="decision_matrix_edit"),
    path(D + "export.xlsx", decisions.decision_matrix_xlsx, name="decision_matrix_xlsx"),
    path(D + "export.pdf", decisions.decision_matrix_pdf, name="decision_matrix_pdf"),
    path(D + "new/", decisions.decision_add, name="decision_add"),
    path(D + "<id:pk>/", decisions.decision_edit, name="decision_edit"),
    path(D + "<id:pk>/delete/", decisions.decision_delete, name="decision_delete"),
]
