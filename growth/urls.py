from django.urls import path

from .views import agreements, journal, plans

app_name = "growth"

J = "o/<slug:slug>/journal/"
A = "o/<slug:slug>/agreements/"
P = "o/<slug:slug>/professionalisation/"

urlpatterns = [
    path(J, journal.journal, name="journal"),
    path(J + "new/", journal.journal_new, name="journal_new"),
    path(J + "<id:pk>/edit/", journal.journal_edit, name="journal_edit"),
    path(J + "<id:pk>/delete/", journal.journal_delete, name="journal_delete"),
    path(J + "shared/", journal.journal_shared, name="journal_shared"),
    path(A, agreements.agreements, name="agreements"),
    path(A + "new/", agreements.agreement_new, name="agreement_new"),
    path(A + "<id:pk>/", agreements.agreement, name="agreement"),
    path(A + "<id:pk>/edit/", agreements.agreement_edit, name="agreement_edit"),
    path(A + "<id:pk>/to-plan/", agreements.agreement_to_plan, name="agreement_to_plan"),
    path(P, plans.plans, name="plans"),
    path(P + "<id:pk>/", plans.plan, name="plan"),
    path(P + "<id:pk>/needs/new/", plans.need_new, name="need_new"),
    path(P + "needs/<id:pk>/", plans.need_edit, name="need_edit"),
    path(P + "needs/<id:pk>/delete/", plans.need_delete, name="need_delete"),
    path(P + "needs/<id:pk>/responses/new/", plans.response_new, name="response_new"),
    path(P + "responses/<id:pk>/", plans.response_edit, name="response_edit"),
    path(P + "responses/<id:pk>/delete/", plans.response_delete, name="response_delete"),
]
