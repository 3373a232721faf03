"""The school year (1 September to 31 August) and the meeting dates a body's rule plans."""

import datetime

from django.utils import timezone

from core.series import same_weekday_of_month, school_holidays, series_dates


def school_year_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """First and last day of the school year `day` lies in."""
    start_year = day.year if day.month >= 9 else day.year - 1
    return datetime.date(start_year, 9, 1), datetime.date(start_year + 1, 8, 31)


def first_weekday_from(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def planned_starts(
    body, first: datetime.date, last: datetime.date, *, skip=()
) -> list[datetime.datetime]:
    """The local start times the body's rule plans from `first` to `last` (both included),
    never before the rule's start, leaving out the days in `skip` (say, the school holidays
    of `core.series.school_holidays`). Monthly rules keep the start's weekday and its week of
    the month (the 2nd Tuesday stays the 2nd Tuesday; a 5th becomes the 4th)."""
    if not body.rule or body.rule_start is None:
        return []
    start = timezone.localtime(body.rule_start)
    day, begin = start.date(), max(first, start.date())
    if body.rule == "weeks":
        every, interval = "weeks", body.rule_weeks or 1
        # The rule's first date on or after `begin`: a series looks at a bounded number of
        # dates, so it starts there rather than at a rule start years ago.
        step = datetime.timedelta(weeks=interval)
        day += step * -(-(begin - day).days // step.days)
    else:
        every, interval = "month_weekday", 1
        day = same_weekday_of_month(day, (begin.year - day.year) * 12 + begin.month - day.month)
    days = series_dates(day, every=every, interval=interval, until=last, skip=skip)
    return [
        timezone.make_aware(datetime.datetime.combine(d, start.time())) for d in days if d >= begin
    ]


def open_planned(body, meetings, first: datetime.date, last: datetime.date, *, skip=()):
    """The rule's dates from today (or `first`) to `last` on which the body has no meeting yet
    (a meeting planned on the day takes the rule's place), leaving out the days in `skip`."""
    taken = {timezone.localtime(m.starts_at).date() for m in meetings}
    begin = max(first, timezone.localdate())
    return [
        start
        for start in planned_starts(body, begin, last, skip=skip)
        if timezone.localtime(start).date() not in taken
    ]


def holidays_between(first: datetime.date, last: datetime.date) -> dict[datetime.date, str]:
    """Belgium's public holidays and the Flemish school holidays: no body meets on them."""
    return school_holidays(first, last, language="nl")
