"""Where a team goal stands, over values already read (no queries here).

- reached: the latest measurement is at the target or beyond it (in the goal's direction);
- off track: not reached and the deadline has passed, or the latest measurement is behind the
  straight line from the baseline (on the day the goal was set) to the target (on the deadline),
  or, for a goal without a deadline, it is further from the target than the baseline was;
- on track: measured, not reached and not off track;
- not measured: no measurement yet (and the deadline, if any, not passed).
The charter page states the same rules.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

REACHED, ON_TRACK, OFF_TRACK, NOT_MEASURED = "reached", "on_track", "off_track", "not_measured"


@dataclass(frozen=True)
class Standing:
    status: str
    latest: Decimal | None = None
    latest_date: datetime.date | None = None
    late: bool = False  # off track because the deadline passed

    @property
    def reached(self) -> bool:
        return self.status == REACHED

    @property
    def off_track(self) -> bool:
        return self.status == OFF_TRACK


def better_or_equal(goal, value, than) -> bool:
    """Whether `value` is at least as good as `than` for this goal."""
    return value >= than if goal.direction == "higher" else value <= than


def expected_on(goal, day: datetime.date, start: datetime.date) -> Decimal | None:
    """The value on the straight line from the baseline (on `start`) to the target (on the
    deadline), or None without a deadline."""
    if goal.deadline is None:
        return None
    span = (goal.deadline - start).days
    if span <= 0:
        return goal.target
    share = Decimal(min(max((day - start).days, 0), span)) / Decimal(span)
    return goal.baseline + (goal.target - goal.baseline) * share


def standing(goal, latest, latest_date, today: datetime.date) -> Standing:
    """The goal's standing from its latest measurement (`latest` on `latest_date`, or None)."""
    start = goal.created_at.date() if goal.created_at else today
    late = goal.deadline is not None and goal.deadline < today
    if latest is None:
        status = OFF_TRACK if late else NOT_MEASURED
        return Standing(status, late=late)
    if better_or_equal(goal, latest, goal.target):
        return Standing(REACHED, latest, latest_date)
    if late:
        return Standing(OFF_TRACK, latest, latest_date, late=True)
    expected = expected_on(goal, latest_date, start)
    floor = goal.baseline if expected is None else expected
    status = ON_TRACK if better_or_equal(goal, latest, floor) else OFF_TRACK
    return Standing(status, latest, latest_date)
