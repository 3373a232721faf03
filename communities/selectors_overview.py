"""The coach's overview of all PLG's of a school: which group moves and which one stalls."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from . import overview_sql
from .models import PLG

# A group stalls when it has not met for this long and has nothing planned, or sits in the
# same phase this long, or lets this many actions pass their deadline.
NO_MEETING_DAYS = 42
SAME_PHASE_DAYS = 120
OVERDUE_LIMIT = 3
TREND_MEETINGS = 4
TREND_STEP = 20  # percentage points between the older and the newer meetings


@dataclass
class Trend:
    rates: list = field(default_factory=list)  # attendance rates, oldest first, 0..100

    @property
    def direction(self) -> str:
        if len(self.rates) < 2:
            return "unknown"
        half = len(self.rates) // 2
        before = sum(self.rates[:half]) / half
        after = sum(self.rates[half:]) / (len(self.rates) - half)
        if after - before <= -TREND_STEP:
            return "down"
        if after - before >= TREND_STEP:
            return "up"
        return "steady"


def coach_overview(*, organisation):
    """PLG's of the organisation (not closed), by name, a page at a time: each with last and
    next meeting, open and overdue actions, phase start and member count; `attach_trends`
    adds attendance."""
    return overview_sql.overview_pages(
        organisation=organisation, now=timezone.now(), today=timezone.localdate()
    )


def attach_trends(plgs) -> list:
    """Give each PLG `.trend` (attendance of its last meetings) and `.stall_reasons`, with one
    query for all attendance figures."""
    plgs = list(plgs)
    now = timezone.now()
    since = now - datetime.timedelta(days=365)
    # One grouped pass over the attendance of the past year's meetings: a meeting without
    # attendance taken has no rows, so it does not count.
    rows = overview_sql.attendance_rates([plg.pk for plg in plgs], now=now, since=since)
    rates: dict[int, list] = {}
    for plg_id, present, taken in rows:
        bucket = rates.setdefault(plg_id, [])
        if len(bucket) < TREND_MEETINGS:
            bucket.append(round(100 * present / taken))
    for plg in plgs:
        plg.trend = Trend(list(reversed(rates.get(plg.pk, []))))
        plg.stall_reasons = stall_reasons(plg, now=now)
    return plgs


def stall_reasons(plg, *, now) -> list[str]:
    if plg.status != PLG.Status.ACTIVE:
        return []
    reasons = []
    quiet_since = plg.last_meeting or plg.created_at
    if plg.next_meeting is None and now - quiet_since > datetime.timedelta(days=NO_MEETING_DAYS):
        reasons.append(_("no meeting for more than six weeks and none planned"))
    if plg.phase_since and now - plg.phase_since > datetime.timedelta(days=SAME_PHASE_DAYS):
        reasons.append(_("in the same phase for more than four months"))
    if plg.overdue_actions >= OVERDUE_LIMIT:
        reasons.append(_("several actions past their deadline"))
    if plg.trend.direction == "down":
        reasons.append(_("attendance is falling"))
    return reasons


def process_coach_count(*, organisation) -> int:
    return overview_sql.process_coach_count(organisation.pk)
