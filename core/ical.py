"""iCalendar (RFC 5545) downloads: the calendar around events that each app builds."""

from django.http import HttpResponse
from icalendar import Calendar


def calendar_response(events, *, filename: str, name: str = "") -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//Leerkring//NL")
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event)
    # Events carry Europe/Brussels times; calendars that know no zone names need its rules.
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
