"""The school-year calendar of the consultation structure: every body's meetings and the
dates its rule still plans, from 1 September to 31 August, by month, and as iCal."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from icalendar import Event

from . import selectors
from .schoolyear import holidays_between, open_planned


@dataclass(frozen=True)
class Entry:
    starts_at: datetime.datetime  # local time
    ends_at: datetime.datetime
    body: object
    meeting: object = None  # None for a date the rule plans
    planned: bool = False


def _entry(start: datetime.datetime, body, meeting=None) -> Entry:
    minutes = meeting.duration_minutes if meeting else body.rule_duration_minutes
    start = timezone.localtime(start)
    end = start + datetime.timedelta(minutes=minutes)
    return Entry(start, end, body, meeting, planned=meeting is None)


def entries(*, organisation, first: datetime.date, last: datetime.date) -> list[Entry]:
    """In two queries: the school's bodies and the year's meetings."""
    bodies = selectors.bodies_of(organisation=organisation)
    for body in bodies:
        body.organisation = organisation
        # Each body's own links, once for all its rows.
        kwargs = {"slug": organisation.slug, "pk": body.pk}
        body.detail_url = reverse("consultation:body_detail", kwargs=kwargs)
        body.plan_url = reverse("consultation:meeting_create", kwargs=kwargs)
    by_body: dict[int, list] = {body.pk: [] for body in bodies}
    for meeting in selectors.year_meetings(organisation=organisation, first=first, last=last):
        by_body[meeting.body_id].append(meeting)
    result, skip = [], holidays_between(first, last)
    for body in bodies:
        for meeting in by_body[body.pk]:
            meeting.body = body
            result.append(_entry(meeting.starts_at, body, meeting))
        for start in open_planned(body, by_body[body.pk], first, last, skip=skip):
            result.append(_entry(start, body))
    return sorted(result, key=lambda e: (e.starts_at, e.body.position, e.body.pk))


def by_month(items: list[Entry], first: datetime.date) -> list[tuple[datetime.date, list]]:
    """The twelve months of the school year, each with its entries (possibly none)."""
    months = []
    for offset in range(12):
        year, month = divmod(first.year * 12 + first.month - 1 + offset, 12)
        months.append((datetime.date(year, month + 1, 1), []))
    index = {(m.year, m.month): rows for m, rows in months}
    for item in items:
        index[(item.starts_at.year, item.starts_at.month)].append(item)
    return months


def ical_event(entry: Entry, *, request) -> Event:
    body = entry.body
    event = Event()
    if entry.meeting is not None:
        event.add("uid", f"consultation-meeting-{entry.meeting.pk}@leerkring")
        url = reverse(
            "consultation:meeting_detail",
            kwargs={
                "slug": body.organisation.slug,
                "pk": body.pk,
                "meeting_pk": entry.meeting.pk,
            },
        )
        location = entry.meeting.place or entry.meeting.online_url
    else:
        event.add("uid", f"consultation-planned-{body.pk}-{entry.starts_at:%Y%m%d}@leerkring")
        url = reverse(
            "consultation:body_detail", kwargs={"slug": body.organisation.slug, "pk": body.pk}
        )
        location = ""
    event.add("summary", body.name)
    event.add("dtstamp", datetime.datetime.now(tz=datetime.UTC))
    # Local (Europe/Brussels) times: the calendar adds that zone's VTIMEZONE.
    event.add("dtstart", entry.starts_at)
    event.add("dtend", entry.ends_at)
    if location:
        event.add("location", location)
    if body.purpose:
        event.add("description", body.purpose)
    event.add("url", request.build_absolute_uri(url))
    return event
