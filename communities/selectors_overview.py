"""The coach's overview of all PLG's of a school: which group moves and which one stalls."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, DateTimeField, Max, Min, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PLG, ActionItem, Attendance, Meeting, PhaseRecord, PLGMember, Role
from .selectors import _count

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
    now, today = timezone.now(), timezone.localdate()
    meetings = Meeting.objects.filter(plg=OuterRef("pk")).order_by().values("plg")
    open_phase = PhaseRecord.objects.filter(plg=OuterRef("pk"), ended_at__isnull=True)
    return (
        PLG.objects.filter(organisation=organisation)
        .exclude(status=PLG.Status.CLOSED)
        .select_related("organisation")
        .annotate(
            last_meeting=Subquery(
                meetings.filter(starts_at__lt=now).annotate(m=Max("starts_at")).values("m"),
                output_field=DateTimeField(),
            ),
            next_meeting=Subquery(
                meetings.filter(starts_at__gte=now).annotate(m=Min("starts_at")).values("m"),
                output_field=DateTimeField(),
            ),
            phase_since=Subquery(open_phase.order_by("started_at", "pk").values("started_at")[:1]),
            open_actions=_count(ActionItem, done_at__isnull=True),
            overdue_actions=_count(ActionItem, done_at__isnull=True, deadline__lt=today),
            member_count=_count(PLGMember),
        )
        .order_by("name")  # unique within an organisation
    )


def attach_trends(plgs) -> list:
    """Give each PLG `.trend` (attendance of its last meetings) and `.stall_reasons`, with one
    query for all attendance figures."""
    plgs = list(plgs)
    now = timezone.now()
    since = now - datetime.timedelta(days=365)
    # One grouped pass over the attendance of the past year's meetings: a meeting without
    # attendance taken has no rows, so it does not count.
    rows = (
        Attendance.objects.filter(
            meeting__plg__in=[plg.pk for plg in plgs],
            meeting__starts_at__lt=now,
            meeting__starts_at__gte=since,
        )
        .values("meeting_id", "meeting__plg_id", "meeting__starts_at")
        .annotate(present=Count("pk", filter=Q(present=True)), taken=Count("pk"))
        .order_by("meeting__plg_id", "-meeting__starts_at", "-meeting_id")
        .values_list("meeting__plg_id", "present", "taken")
    )
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
    """Distinct people who are process coach in an active PLG of the organisation."""
    return (
        PLGMember.objects.filter(
            plg__organisation=organisation,
            plg__status=PLG.Status.ACTIVE,
            roles__role=Role.PROCESS_COACH,
        )
        .values("person")
        .distinct()
        .count()
    )
