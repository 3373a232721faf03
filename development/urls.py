from django.urls import path

from . import action_views, framework_views, history_views, personal_views, views

app_name = "development"

P = "o/<slug:slug>/ontwikkeling/punten/"
PLAN = "o/<slug:slug>/ontwikkeling/plan/"
KADER = "o/<slug:slug>/ontwikkeling/kwaliteitskaders/"
KERN = "o/<slug:slug>/ontwikkeling/kerntaken/"
MINE = "mijn-leernetwerken/<id:pk>/actieplan/"

urlpatterns = [
    path(P, views.point_list, name="point_list"),
    path(P + "<id:pk>/beslissen/", views.point_decide, name="point_decide"),
    path(PLAN, views.plan, name="plan"),
    path(PLAN + "geschiedenis/", history_views.plan_history, name="plan_history"),
    path(PLAN + "geschiedenis/<str:key>/", history_views.plan_version, name="plan_version"),
    path(PLAN + "vergelijken/", history_views.plan_compare, name="plan_compare"),
    path(PLAN + "doelen/nieuw/", views.goal_create, name="goal_create"),
    path(PLAN + "doelen/<id:pk>/status/", views.goal_status, name="goal_status"),
    path(PLAN + "doelen/<id:pk>/acties/nieuw/", action_views.action_create, name="action_create"),
    path(PLAN + "acties/", action_views.action_list, name="action_list"),
    path(PLAN + "acties/bord/", action_views.action_board, name="action_board"),
    path(PLAN + "acties/tijdlijn/", action_views.action_timeline, name="action_timeline"),
    path(PLAN + "acties/<id:pk>/", action_views.action_edit, name="action_edit"),
    path(PLAN + "acties/<id:pk>/status/", action_views.action_move, name="action_move"),
    path(PLAN + "bewijs/<id:pk>/", action_views.evidence_file, name="evidence_file"),
    path(KADER, framework_views.framework_list, name="framework_list"),
    path(KADER + "importeren/", framework_views.framework_import, name="framework_import"),
    path(KADER + "<id:pk>/", framework_views.framework_detail, name="framework_detail"),
    path(
        KADER + "<id:pk>/export.xlsx",
        framework_views.framework_xlsx_export,
        name="framework_xlsx",
    ),
    path(KERN, framework_views.core_tasks, name="core_tasks"),
    path(KERN + "<id:pk>/verwijderen/", framework_views.core_task_delete, name="core_task_delete"),
    path("mijn-actieplannen/", personal_views.personal_plans, name="personal_plans"),
    path(MINE, personal_views.personal_plan, name="personal_plan"),
    path(MINE + "doelen/nieuw/", personal_views.personal_goal_new, name="personal_goal_new"),
    path(
        MINE + "doelen/<id:goal_pk>/", personal_views.personal_goal_edit, name="personal_goal_edit"
    ),
    path(
        MINE + "doelen/<id:goal_pk>/acties/nieuw/",
        personal_views.personal_action_new,
        name="personal_action_new",
    ),
    path(MINE + "geschiedenis/", personal_views.personal_history, name="personal_history"),
    path(
        MINE + "geschiedenis/<str:key>/", personal_views.personal_version, name="personal_version"
    ),
    path(MINE + "vergelijken/", personal_views.personal_compare, name="personal_compare"),
]
