from django.urls import path

from .views import agreements, journal

app_name = "growth"

J = "o/<slug:slug>/journal/"
A = "o/<slug:slug>/agreements/"

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
]
