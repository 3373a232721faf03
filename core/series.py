"""Series of dates: every n weeks or every n months from a first date, for a given number of
dates or until a last day, with the dates that fall in a holiday skipped or moved to the next
school day. Plain functions over dates; no app imports.

    series_dates(date(2026, 10, 19), every="weeks", interval=2, count=8, skip=school_holidays(...))

A skipped date does not count: a series of eight gives eight dates, the last one later. A
monthly series keeps the first date's day of the month and uses a shorter month's last day
(31 January, 28 February, 31 March, 30 April); a "month_weekday" series keeps its weekday and
its week of the month instead (the 2nd Tuesday stays the 2nd Tuesday; a 5th becomes the 4th).
"""

import calendar
import datetime
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Literal

import holidays

MAX_COUNT = 60
# However many dates are skipped, a series looks at no more than this many dates of its rhythm.
_MAX_STEPS = 1000
# A date moved out of a holiday lands within this many days (the summer holiday is ~62).
_MAX_MOVE = 100

Every = Literal["month", "month_weekday", "weeks"]
OnHoliday = Literal["skip", "move"]
Skip = Collection[datetime.date] | Mapping[datetime.date, str] | Callable[[datetime.date], object]


@dataclass(frozen=True)
class SeriesDate:
    """One step of a series: the date its rhythm gives, where it ends up (None: skipped),
    and the name of the holiday it fell in ("" when it did not, or the holiday has no name)."""

    planned: datetime.date
    date: datetime.date | None
    holiday: str = ""
    in_holiday: bool = False

    @property
    def skipped(self) -> bool:
        return self.date is None

    @property
    def moved(self) -> bool:
        return self.date is not None and self.date != self.planned


def _holiday_check(skip: Skip | None) -> Callable[[datetime.date], str | None]:
    """A function giving a date's holiday name ("" without one), or None for a normal day."""
    if skip is None:
        return lambda day: None
    if isinstance(skip, Mapping):
        return lambda day: str(skip[day]) if day in skip else None
    if callable(skip):

        def check(day):
            result = skip(day)
            if result is None or result is False:
                return None
            return result if isinstance(result, str) else ""

        return check
    return lambda day: "" if day in skip else None


def _add_months(start: datetime.date, months: int) -> datetime.date:
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return start.replace(
        year=year, month=month, day=min(start.day, calendar.monthrange(year, month)[1])
    )


def same_weekday_of_month(start: datetime.date, months: int) -> datetime.date:
    """The day `months` after `start` on the same weekday in the same week of the month."""
    nth = min((start.day - 1) // 7 + 1, 4)
    first = _add_months(start.replace(day=1), months)
    return first + datetime.timedelta(days=(start.weekday() - first.weekday()) % 7 + 7 * (nth - 1))


def _step(start: datetime.date, every: Every, interval: int, step: int) -> datetime.date:
    if every == "weeks":
        return start + datetime.timedelta(weeks=step * interval)
    if every == "month_weekday":
        # The first date stays itself, also when it is a 5th weekday.
        return start if step == 0 else same_weekday_of_month(start, step * interval)
    return _add_months(start, step * interval)


def _next_school_day(day: datetime.date, holiday) -> datetime.date | None:
    for offset in range(1, _MAX_MOVE + 1):
        candidate = day + datetime.timedelta(days=offset)
        if candidate.weekday() < 5 and holiday(candidate) is None:
            return candidate
    return None


def series_plan(
    start: datetime.date,
    *,
    every: Every,
    interval: int = 1,
    count: int | None = None,
    until: datetime.date | None = None,
    skip: Skip | None = None,
    on_holiday: OnHoliday = "skip",
) -> list[SeriesDate]:
    """Every step of the series, with the holidays it met: what a preview shows.

    `skip` gives the holidays: a set of dates, a mapping of date to name, or a function of a
    date returning a name, True or a false value. `on_holiday` skips such a date or moves it
    to the next school day (Monday to Friday, not a holiday). The series ends after `count`
    dates or at `until`, whichever comes first; it never has more than MAX_COUNT dates.
    """
    if every not in ("month", "month_weekday", "weeks"):
        raise ValueError(f"every must be 'month', 'month_weekday' or 'weeks', not {every!r}")
    if on_holiday not in ("skip", "move"):
        raise ValueError(f"on_holiday must be 'skip' or 'move', not {on_holiday!r}")
    if interval < 1:
        raise ValueError("interval must be at least 1")
    if count is None and until is None:
        raise ValueError("give count or until")
    if count is not None and not 1 <= count <= MAX_COUNT:
        raise ValueError(f"count must be between 1 and {MAX_COUNT}")
    holiday = _holiday_check(skip)
    plan: list[SeriesDate] = []
    dates = 0
    for step in range(_MAX_STEPS):
        try:
            planned = _step(start, every, interval, step)
        except (OverflowError, ValueError):  # past the year 9999
            break
        if (until is not None and planned > until) or (count is not None and dates >= count):
            break
        name = holiday(planned)
        day = planned
        if name is not None:
            day = _next_school_day(planned, holiday) if on_holiday == "move" else None
            # A date moved onto or past the rhythm's next date (or the end) is skipped instead:
            # the series keeps its rhythm and never has two sessions on one day.
            try:
                following = _step(start, every, interval, step + 1)
            except (OverflowError, ValueError):
                following = datetime.date.max
            if day is not None and (day >= following or (until is not None and day > until)):
                day = None
        plan.append(SeriesDate(planned, day, name or "", name is not None))
        if day is not None:
            dates += 1
            if dates > MAX_COUNT:
                raise ValueError(f"a series has at most {MAX_COUNT} dates")
    return plan


def series_dates(start: datetime.date, **kwargs) -> list[datetime.date]:
    """The dates of a series (see `series_plan` for the arguments), in order."""
    return [step.date for step in series_plan(start, **kwargs) if step.date is not None]


def school_holiday_calendar(*, language: str = "nl", years=()) -> Mapping[datetime.date, str]:
    """Belgium's public holidays and the Flemish school holidays, named in `language` ("nl"
    or "en"): a mapping that adds each year when a date of it is first looked up, so a
    series of any length reads only the years it meets."""
    language = {"en": "en_US"}.get(language[:2], language[:2])
    if language not in ("nl", "en_US", "fr", "de"):
        language = "nl"
    return holidays.country_holidays(
        "BE",
        subdiv="Flemish",
        years=years,
        categories=("public", "school"),
        language=language,
    )


def school_holidays(
    first: datetime.date, last: datetime.date, *, language: str = "nl"
) -> dict[datetime.date, str]:
    """The holidays of `school_holiday_calendar` from the year of `first` up to a year after
    `last` (a margin for dates moved or added at the end), as a plain dict."""
    years = range(first.year, last.year + 2)
    return dict(school_holiday_calendar(language=language, years=years).items())
