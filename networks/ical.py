"""iCalendar export of sessions (RFC 5545), for the catalogue and for participants."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from icalendar import Event

from core import ical

TZ = ZoneInfo(settings.TIME_ZONE)


def _event(session, *, prefix: str) -> Event:
    event = Event()
    event.add("uid", f"{prefix}-session-{session.pk}@leerkring")
    event.add("summary", session.title)
    last_day = session.end_date or session.date
    event.add("dtstart", datetime.datetime.combine(session.date, session.start_time, tzinfo=TZ))
    event.add("dtend", datetime.datetime.combine(last_day, session.end_time, tzinfo=TZ))
    event.add("dtstamp", datetime.datetime.now(tz=datetime.UTC))
    if session.place:
        event.add("location", session.place)
    if session.online_link:
        event.add("url", session.online_link)
    description = "\n\n".join(p for p in (session.get_kind_display(), session.programme) if p)
    event.add("description", description)
    return event


def calendar_response(sessions, *, name: str, filename: str, prefix: str = "lk") -> HttpResponse:
    events = [_event(session, prefix=prefix) for session in sessions]
    return ical.calendar_response(events, filename=filename, name=name)


def calendar_text(sessions, *, name: str, prefix: str = "lk") -> str:
    """The same calendar as text, to attach to a mail."""
    return calendar_response(
        sessions, name=name, filename="agenda.ics", prefix=prefix
    ).content.decode()
