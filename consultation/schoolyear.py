"""The school year (1 September to 31 August) and the meeting dates a body's rule plans."""

import datetime

from django.utils import timezone

from core.series import school_holidays


def school_year_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """First and last day of the school year `day` lies in."""
    start_year = day.year if day.month >= 9 else day.year - 1
    return datetime.date(start_year, 9, 1), datetime.date(start_year + 1, 8, 31)


def first_weekday_from(day: datetime.date, weekday: int) -> datetime.date:
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime.date:
    """The `nth` (1–4) such weekday of a month."""
    first = first_weekday_from(datetime.date(year, month, 1), weekday)
    return first + datetime.timedelta(weeks=nth - 1)


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
    time, begin = start.time(), max(first, start.date())
    days: list[datetime.date] = []
    if body.rule == "weeks":
        step = datetime.timedelta(weeks=body.rule_weeks or 1)
        day = start.date()
        if day < begin:
            day += step * -(-(begin - day).days // step.days)
        while day <= last:
            days.append(day)
            day += step
    elif body.rule == "monthly":
        nth = min((start.day - 1) // 7 + 1, 4)
        year, month = begin.year, begin.month
        while (year, month) <= (last.year, last.month):
            day = _nth_weekday(year, month, start.weekday(), nth)
            if begin <= day <= last:
                days.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [
        timezone.make_aware(datetime.datetime.combine(day, time)) for day in days if day not in skip
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
