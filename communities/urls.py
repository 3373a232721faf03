from django.urls import path

from .views import library, meeting_items, meetings, overview, plgs

app_name = "communities"

P = "o/<slug:slug>/plg/<id:pk>/"
M = P + "meetings/<id:meeting_pk>/"

urlpatterns = [
    path("o/<slug:slug>/plg/", plgs.plg_list, name="plg_list"),
    path("o/<slug:slug>/plg/new/", plgs.plg_create, name="plg_create"),
    path("o/<slug:slug>/plg/overview/", overview.plg_overview, name="coach_overview"),
    path(
        "o/<slug:slug>/plg/coach-the-coach/",
        overview.coach_group_create,
        name="coach_group_create",
    ),
    path(P, plgs.plg_detail, name="plg_detail"),
    path(P + "edit/", plgs.plg_edit, name="plg_edit"),
    path(P + "approve/", plgs.plg_approve, name="plg_approve"),
    path(P + "close/", plgs.plg_close, name="plg_close"),
    path(P + "join/", plgs.plg_join, name="plg_join"),
    path(P + "leave/", plgs.plg_leave, name="plg_leave"),
    path(P + "members/", plgs.plg_members, name="plg_members"),
    path(P + "members/<id:member_pk>/roles/", plgs.plg_member_roles, name="plg_member_roles"),
    path(P + "members/<id:member_pk>/remove/", plgs.plg_member_remove, name="plg_member_remove"),
    path(P + "advance/", plgs.plg_advance, name="plg_advance"),
    path(P + "evidence/", plgs.plg_evidence_add, name="plg_evidence_add"),
    path(P + "meetings/new/", meetings.meeting_create, name="meeting_create"),
    path(P + "meetings/series/", meetings.meeting_series, name="meeting_series"),
    path(M, meetings.meeting_detail, name="meeting_detail"),
    path(M + "edit/", meetings.meeting_edit, name="meeting_edit"),
    path(M + "agenda/", meetings.meeting_agenda_add, name="meeting_agenda_add"),
    path(M + "agenda/<id:item_pk>/edit/", meeting_items.agenda_item_edit, name="agenda_item_edit"),
    path(
        M + "agenda/<id:item_pk>/delete/",
        meeting_items.agenda_item_delete,
        name="agenda_item_delete",
    ),
    path(M + "roles/", meetings.meeting_roles, name="meeting_roles"),
    path(M + "attendance/", meetings.meeting_attendance, name="meeting_attendance"),
    path(M + "minutes/", meetings.meeting_minutes, name="meeting_minutes"),
    path(M + "decisions/", meetings.meeting_decision_add, name="meeting_decision_add"),
    path(M + "decisions/<id:decision_pk>/edit/", meeting_items.decision_edit, name="decision_edit"),
    path(
        M + "decisions/<id:decision_pk>/delete/",
        meeting_items.decision_delete,
        name="decision_delete",
    ),
    path(M + "actions/", meetings.meeting_action_add, name="meeting_action_add"),
    path(M + "ical/", meetings.meeting_ical, name="meeting_ical"),
    path(M + "pdf/", meetings.meeting_pdf, name="meeting_pdf"),
    path(P + "actions/<id:action_pk>/done/", meetings.action_done, name="action_done"),
    path(P + "actions/<id:action_pk>/edit/", meeting_items.action_edit, name="action_edit"),
    path(P + "actions/<id:action_pk>/delete/", meeting_items.action_delete, name="action_delete"),
    path(P + "resources/", library.resource_list, name="resource_list"),
    path(P + "resources/<id:resource_pk>/delete/", library.resource_delete, name="resource_delete"),
    path(P + "resources/<id:resource_pk>/file/", library.resource_file, name="resource_file"),
    path(P + "products/new/", library.product_create, name="product_create"),
    path(P + "report/", library.plg_report, name="plg_report"),
    path(P + "report/pdf/", library.plg_report_pdf, name="plg_report_pdf"),
    path("o/<slug:slug>/plg/shared/", library.shared_reports, name="shared_reports"),
    path("o/<slug:slug>/products/", library.product_search, name="product_search"),
    path("o/<slug:slug>/products/<id:product_pk>/", library.product_detail, name="product_detail"),
    path("o/<slug:slug>/products/<id:product_pk>/file/", library.product_file, name="product_file"),
    path(
        "o/<slug:slug>/products/<id:product_pk>/reuse-in/",
        library.product_reuse_in,
        name="product_reuse_in",
    ),
    path(
        "o/<slug:slug>/products/<id:product_pk>/<str:kind>/",
        library.product_react,
        name="product_react",
    ),
]
