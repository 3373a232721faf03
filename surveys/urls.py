from django.urls import path

from .views import answer, builder, manage, open_link, points, report, shared

app_name = "surveys"

base = "o/<slug:slug>/surveys/"
instruments = f"{base}instruments/"

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
    path(instruments, builder.instrument_list, name="instrument_list"),
    path(f"{instruments}new/", builder.instrument_create, name="instrument_create"),
    path(f"{instruments}import/", builder.instrument_import, name="instrument_import"),
    path(f"{instruments}<id:pk>.yaml", builder.instrument_yaml, name="instrument_yaml"),
    path(f"{instruments}<id:pk>.xlsx", builder.instrument_xlsx, name="instrument_xlsx"),
    path(f"{instruments}copy/<id:pk>/", builder.instrument_copy, name="instrument_copy"),
    path(f"{instruments}<id:pk>/", builder.instrument_detail, name="instrument_detail"),
    path(f"{instruments}<id:pk>/edit/", builder.instrument_edit, name="instrument_edit"),
    path(f"{instruments}<id:pk>/share/", builder.instrument_share, name="instrument_share"),
    path(f"{instruments}<id:pk>/preview/", builder.instrument_preview, name="instrument_preview"),
    path(
        f"{instruments}<id:pk>/preview/frame/",
        builder.instrument_preview_frame,
        name="instrument_preview_frame",
    ),
    path(f"{instruments}<id:pk>/<slug:part>/new/", builder.part_edit, name="part_create"),
    path(f"{instruments}<id:pk>/<slug:part>/<id:row>/", builder.part_edit, name="part_edit"),
    path(
        f"{instruments}<id:pk>/<slug:part>/<id:row>/delete/",
        builder.part_delete,
        name="part_delete",
    ),
    path(f"{instruments}<id:pk>/<slug:part>/<id:row>/move/", builder.part_move, name="part_move"),
    path("s/open/<str:token>/", open_link.open_answer, name="open_answer"),
    path("s/<str:token>/", answer.answer, name="answer"),
]
