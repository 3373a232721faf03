"""The figures of a value stream, over steps already read (anything with `process_minutes`,
`waiting_minutes` and `value_adding`): lead time, process time, flow efficiency, the longest
wait, and the one unit a map is shown in."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MINUTES_PER = {"minutes": 1, "hours": 60, "days": 24 * 60}
UNITS = ("days", "hours", "minutes")  # largest first
MAX_MINUTES = 366 * 24 * 60  # a step that takes or waits more than a year is a typing error


class TimeError(ValueError):
    """A time that is not a number of zero or more; the message is for the form."""


def to_minutes(value, unit: str) -> int:
    """A time entered as a number and a unit, in whole minutes. Refuses what is not a number,
    a negative number and an unknown unit (TimeError)."""
    if unit not in MINUTES_PER:
        raise TimeError("unit")
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as error:
        raise TimeError("number") from error
    if not number.is_finite():
        raise TimeError("number")
    if number < 0:
        raise TimeError("negative")
    if number * MINUTES_PER[unit] > MAX_MINUTES:
        raise TimeError("too_long")
    return int((number * MINUTES_PER[unit]).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def in_unit(minutes: int, unit: str) -> Decimal:
    """Minutes in `unit`, to one decimal (two below one, so a short step does not read 0)."""
    value = Decimal(minutes) / MINUTES_PER[unit]
    return value.quantize(Decimal("0.1") if value >= 1 else Decimal("0.01"), ROUND_HALF_UP)


def lead_time(steps) -> int:
    return sum(step.process_minutes + step.waiting_minutes for step in steps)


def process_time(steps) -> int:
    return sum(step.process_minutes for step in steps)


def waiting_time(steps) -> int:
    return sum(step.waiting_minutes for step in steps)


def value_adding_time(steps) -> int:
    return sum(step.process_minutes for step in steps if step.value_adding)


def flow_efficiency(steps) -> float | None:
    """Process time ÷ lead time, between 0 and 1; None for a map without any time."""
    lead = lead_time(steps)
    return process_time(steps) / lead if lead else None


def efficiency(process: int, lead: int) -> float | None:
    """The same ratio from totals already summed (in SQL)."""
    return process / lead if lead else None


def longest_wait(steps):
    """The step with the longest waiting time (the first of equals); None when nothing waits."""
    longest = None
    for step in steps:
        if step.waiting_minutes and (
            longest is None or step.waiting_minutes > longest.waiting_minutes
        ):
            longest = step
    return longest


def display_unit(minutes) -> str:
    """The one unit a map is shown in: the largest in which the largest time is at least one,
    as long as no time above zero shows as 0,00 in it."""
    values = [value for value in minutes if value]
    if not values:
        return "minutes"
    for unit in UNITS:
        size = MINUTES_PER[unit]
        if max(values) >= size and min(values) * 100 >= size:
            return unit
    return "minutes"


def map_unit(steps) -> str:
    """The display unit of a map: its step times and its lead time."""
    steps = list(steps)
    times = [t for step in steps for t in (step.process_minutes, step.waiting_minutes)]
    return display_unit([*times, lead_time(steps)])


@dataclass(frozen=True)
class Figures:
    lead: int
    process: int
    waiting: int
    value_adding: int
    efficiency: float | None
    longest_wait: object
    unit: str
    steps: int

    @property
    def efficiency_percent(self) -> int | None:
        return None if self.efficiency is None else round(self.efficiency * 100)


def figures(steps) -> Figures:
    steps = list(steps)
    return Figures(
        lead=lead_time(steps),
        process=process_time(steps),
        waiting=waiting_time(steps),
        value_adding=value_adding_time(steps),
        efficiency=flow_efficiency(steps),
        longest_wait=longest_wait(steps),
        unit=map_unit(steps),
        steps=len(steps),
    )


def change(before: int, after: int) -> tuple[int, int | None]:
    """The change from `before` to `after` minutes and in percent of before (None from 0)."""
    difference = after - before
    return difference, (round(difference * 100 / before) if before else None)
