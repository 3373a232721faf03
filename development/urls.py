from django.urls import path

from . import action_views, framework_views, views

app_name = "development"

P = "o/<slug:slug>/ontwikkeling/punten/"
PLAN = "o/<slug:slug>/ontwikkeling/plan/"
KADER = "o/<slug:slug>/ontwikkeling/kwaliteitskaders/"
KERN = "o/<slug:slug>/ontwikkeling/kerntaken/"

urlpatterns = [
    path(P, views.point_list, name="point_list"),
    path(P + "<id:pk>/beslissen/", views.point_decide, name="point_decide"),
    path(PLAN, views.plan, name="plan"),
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
]
