from django.urls import path

from .views import journal

app_name = "growth"

J = "o/<slug:slug>/journal/"

urlpatterns = [
    path(J, journal.journal, name="journal"),
    path(J + "new/", journal.journal_new, name="journal_new"),
    path(J + "<id:pk>/edit/", journal.journal_edit, name="journal_edit"),
    path(J + "<id:pk>/delete/", journal.journal_delete, name="journal_delete"),
    path(J + "shared/", journal.journal_shared, name="journal_shared"),
]
