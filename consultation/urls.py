from django.urls import path

from .views import bodies, calendar, meetings

app_name = "consultation"

C = "o/<slug:slug>/consultation/"
B = C + "<id:pk>/"

urlpatterns = [
    path(C, bodies.body_list, name="body_list"),
    path(C + "new/", bodies.body_create, name="body_create"),
    path(C + "calendar/", calendar.year_calendar, name="calendar"),
    path(C + "calendar.ics", calendar.year_calendar_ical, name="calendar_ical"),
    path(B, bodies.body_detail, name="body_detail"),
    path(B + "edit/", bodies.body_edit, name="body_edit"),
    path(B + "delete/", bodies.body_delete, name="body_delete"),
]

M = B + "meetings/<id:meeting_pk>/"

# The meeting URLs are named as communities' own, so its meeting sections serve both.
urlpatterns += [
    path(B + "meetings/new/", meetings.meeting_create, name="meeting_create"),
    path(M, meetings.meeting_detail, name="meeting_detail"),
    path(M + "edit/", meetings.meeting_edit, name="meeting_edit"),
    path(M + "delete/", meetings.meeting_delete, name="meeting_delete"),
    path(M + "minutes/", meetings.meeting_minutes, name="meeting_minutes"),
    path(M + "agenda/", meetings.meeting_agenda_add, name="meeting_agenda_add"),
    path(M + "agenda/<id:item_pk>/edit/", meetings.agenda_item_edit, name="agenda_item_edit"),
    path(M + "agenda/<id:item_pk>/delete/", meetings.agenda_item_delete, name="agenda_item_delete"),
    path(M + "decisions/", meetings.meeting_decision_add, name="meeting_decision_add"),
    path(M + "decisions/<id:decision_pk>/edit/", meetings.decision_edit, name="decision_edit"),
    path(
        M + "decisions/<id:decision_pk>/delete/", meetings.decision_delete, name="decision_delete"
    ),
]
