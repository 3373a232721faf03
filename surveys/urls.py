from django.urls import path

from .views import answer, manage, points, report, shared

app_name = "surveys"

base = "o/<slug:slug>/surveys/"

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
    path("s/<str:token>/", answer.answer, name="answer"),
]
