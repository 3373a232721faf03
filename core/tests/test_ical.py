import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from core.ical import calendar_response

BRUSSELS = ZoneInfo("Europe/Brussels")


def _event(start):
    event = Event()
    event.add("uid", "test-1@leerkring")
    event.add("summary", "Netwerkmoment")
    event.add("dtstart", start)
    event.add("dtend", start + datetime.timedelta(hours=3))
    return event


def test_a_calendar_with_brussels_times_carries_the_zone_rules():
    # Outlook and older calendar apps read TZID=Europe/Brussels only with a VTIMEZONE beside it.
    start = datetime.datetime(2026, 3, 26, 9, 30, tzinfo=BRUSSELS)
    response = calendar_response([_event(start)], filename="sessies.ics", name="Traject")
    calendar = Calendar.from_ical(response.content)
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/Brussels"]
    # Both offsets of the year: winter (+01:00) and summer time (+02:00).
    offsets = {sub["TZOFFSETTO"].td for zone in zones for sub in zone.subcomponents}
    assert offsets == {datetime.timedelta(hours=1), datetime.timedelta(hours=2)}
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("DTSTART") == start
    assert response["Content-Disposition"] == 'attachment; filename="sessies.ics"'
