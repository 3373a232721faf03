from django.urls import path

from .views import answer, instrument_items, instruments, manage, open_link, points, report, shared

app_name = "surveys"

base = "o/<slug:slug>/surveys/"
instrument_base = f"{base}instruments/"

urlpatterns = [
    path(base, manage.survey_list, name="survey_list"),
    path(f"{base}new/", manage.survey_create, name="survey_create"),
    path(f"{base}<id:pk>/", manage.survey_detail, name="survey_detail"),
    path(f"{base}<id:pk>/invitees/", manage.invitees_add, name="invitees_add"),
    path(f"{base}<id:pk>/send/", manage.invitations_send, name="invitations_send"),
    path(f"{base}<id:pk>/remind/", manage.reminders_send, name="reminders_send"),
    path(f"{base}<id:pk>/rounds/new/", manage.round_create, name="round_create"),
    path(f"{base}<id:pk>/close/", manage.round_close, name="round_close"),
    path(
        f"{base}<id:pk>/groups/<id:group_pk>/threshold/",
        manage.threshold_set,
        name="threshold_set",
    ),
    path(
        f"{base}<id:pk>/groups/<id:group_pk>/open-link/",
        open_link.open_link_set,
        name="open_link_set",
    ),
    path(f"{base}<id:pk>/share/", manage.survey_share, name="survey_share"),
    path(
        f"{base}<id:pk>/share-provider/",
        manage.survey_share_provider,
        name="survey_share_provider",
    ),
    path("o/<slug:slug>/shared-surveys/", shared.shared_list, name="shared_list"),
    path(
        "o/<slug:slug>/shared-surveys/<id:pk>/report/",
        shared.shared_report,
        name="shared_report",
    ),
    path(f"{base}<id:pk>/report/", report.report, name="report"),
    path(f"{base}<id:pk>/report/propose/", points.point_propose, name="point_propose"),
    path(f"{base}development-points/", points.point_list, name="point_list"),
    path(f"{base}<id:pk>/report.pdf", report.report_pdf, name="report_pdf"),
    path(f"{base}<id:pk>/report.xlsx", report.report_xlsx, name="report_xlsx"),
    path(instrument_base, instruments.instrument_list, name="instrument_list"),
    path(f"{instrument_base}new/", instruments.instrument_create, name="instrument_create"),
    path(f"{instrument_base}import/", instruments.instrument_import, name="instrument_import"),
    path(f"{instrument_base}<id:pk>.yaml", instruments.instrument_yaml, name="instrument_yaml"),
    path(f"{instrument_base}<id:pk>.xlsx", instruments.instrument_xlsx, name="instrument_xlsx"),
    path(f"{instrument_base}copy/<id:pk>/", instruments.instrument_copy, name="instrument_copy"),
    path(f"{instrument_base}<id:pk>/", instruments.instrument_detail, name="instrument_detail"),
    path(f"{instrument_base}<id:pk>/edit/", instruments.instrument_edit, name="instrument_edit"),
    path(f"{instrument_base}<id:pk>/share/", instruments.instrument_share, name="instrument_share"),
    path(
        f"{instrument_base}<id:pk>/preview/",
        instruments.instrument_preview,
        name="instrument_preview",
    ),
    path(
        f"{instrument_base}<id:pk>/preview/frame/",
        instruments.instrument_preview_frame,
        name="instrument_preview_frame",
    ),
    path(
        f"{instrument_base}<id:pk>/<slug:part>/new/", instrument_items.part_edit, name="part_create"
    ),
    path(
        f"{instrument_base}<id:pk>/<slug:part>/<id:row>/",
        instrument_items.part_edit,
        name="part_edit",
    ),
    path(
        f"{instrument_base}<id:pk>/<slug:part>/<id:row>/delete/",
        instrument_items.part_delete,
        name="part_delete",
    ),
    path(
        f"{instrument_base}<id:pk>/<slug:part>/<id:row>/move/",
        instrument_items.part_move,
        name="part_move",
    ),
    path("s/open/<str:token>/", open_link.open_answer, name="open_answer"),
    path("s/<str:token>/", answer.answer, name="answer"),
]
