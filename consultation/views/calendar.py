import datetime

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core import ical
from organisations.access import organisation_view

from .. import calendar
from ..access import can_edit_bodies
from ..schoolyear import school_year_of
from .bodies import school_of


def _year(request) -> tuple[datetime.date, datetime.date]:
    """The school year of `?year=` (the year it starts in), else the current one."""
    this_year = school_year_of(timezone.localdate())
    value = request.GET.get("year", "")
    if value.isdigit() and 2000 <= int(value) <= 2100:
        return datetime.date(int(value), 9, 1), datetime.date(int(value) + 1, 8, 31)
    return this_year


@organisation_view()
def year_calendar(request):
    school = school_of(request)
    first, last = _year(request)
    items = calendar.entries(organisation=school, first=first, last=last)
    context = {
        "months": calendar.by_month(items, first),
        "first": first,
        "last": last,
        "previous_year": first.year - 1,
        "next_year": first.year + 1,
        "meeting_count": sum(1 for item in items if not item.planned),
        "planned_count": sum(1 for item in items if item.planned),
        "can_edit": can_edit_bodies(request.access),
    }
    return render(request, "consultation/calendar.html", context)


@organisation_view()
def year_calendar_ical(request):
    school = school_of(request)
    first, last = _year(request)
    items = calendar.entries(organisation=school, first=first, last=last)
    name = _("Consultation %(school)s %(first)s–%(last)s") % {
        "school": school.name,
        "first": first.year,
        "last": last.year,
    }
    return ical.calendar_response(
        [calendar.ical_event(item, request=request) for item in items],
        filename=f"overleg-{school.slug}-{first.year}-{last.year}.ics",
        name=name,
    )
