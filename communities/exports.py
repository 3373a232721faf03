"""iCal and PDF exports of PLG meetings and reports."""

import datetime

from django.urls import reverse
from django.utils import translation
from icalendar import Event

from core.pdf import render_pdf


def meeting_event(*, meeting, request) -> Event:
    plg = meeting.plg
    event = Event()
    event.add("uid", f"plg-meeting-{meeting.pk}@leerkring")
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + datetime.timedelta(minutes=meeting.duration_minutes))
    event.add("summary", f"PLG {plg.name}")
    event.add("location", meeting.place or meeting.online_url)
    lines = [f"{item.time:%H:%M} {item.title}" for item in meeting.agenda.all()]
    if meeting.online_url:
        lines.append(meeting.online_url)
    event.add("description", "\n".join(lines))
    event.add(
        "url",
        request.build_absolute_uri(
            reverse(
                "communities:meeting_detail",
                kwargs={"slug": plg.organisation.slug, "pk": plg.pk, "meeting_pk": meeting.pk},
            )
        ),
    )
    return event


def minutes_pdf(*, meeting, request) -> bytes:
    from .selectors import meeting_detail

    context = {
        "plg": meeting.plg,
        "meeting": meeting,
        **meeting_detail(meeting=meeting),
        "language": translation.get_language(),
    }
    return render_pdf(request, "communities/meeting_pdf.html", context)
