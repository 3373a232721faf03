"""The coach overview's plain SQL gives what the ORM queries it replaced gave."""

import datetime

import pytest
from django.db.models import Count, DateTimeField, Max, Min, OuterRef, Q, Subquery
from django.utils import timezone

from communities import overview_sql
from communities.models import PLG, ActionItem, Attendance, Meeting, PhaseRecord, PLGMember, Role
from communities.selectors import _count
from communities.tests.factories import (
    ActionItemFactory,
    MeetingFactory,
    PLGFactory,
    PLGMemberFactory,
)

pytestmark = pytest.mark.django_db

FIGURES = (
    "last_meeting",
    "next_meeting",
    "phase_since",
    "open_actions",
    "overdue_actions",
    "member_count",
)


def _orm_overview(organisation, now, today):
    meetings = Meeting.objects.filter(plg=OuterRef("pk")).order_by().values("plg")
    open_phase = PhaseRecord.objects.filter(plg=OuterRef("pk"), ended_at__isnull=True)
    return (
        PLG.objects.filter(organisation=organisation)
        .exclude(status=PLG.Status.CLOSED)
        .annotate(
            last_meeting=Subquery(
                meetings.filter(starts_at__lt=now).annotate(m=Max("starts_at")).values("m"),
                output_field=DateTimeField(),
            ),
            next_meeting=Subquery(
                meetings.filter(starts_at__gte=now).annotate(m=Min("starts_at")).values("m"),
                output_field=DateTimeField(),
            ),
            phase_since=Subquery(open_phase.values("started_at")[:1]),
            open_actions=_count(ActionItem, done_at__isnull=True),
            overdue_actions=_count(ActionItem, done_at__isnull=True, deadline__lt=today),
            member_count=_count(PLGMember),
        )
        .order_by("name")
    )


def _orm_attendance(plgs, now, since):
    return list(
        Attendance.objects.filter(
            meeting__plg__in=plgs, meeting__starts_at__lt=now, meeting__starts_at__gte=since
        )
        .values("meeting_id", "meeting__plg_id", "meeting__starts_at")
        .annotate(present=Count("pk", filter=Q(present=True)), taken=Count("pk"))
        .order_by("meeting__plg_id", "-meeting__starts_at")
        .values_list("meeting__plg_id", "present", "taken")
    )


def _orm_coach_count(organisation):
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


@pytest.fixture
def busy_school(school):
    """PLG's in every state, with meetings, phases, actions, attendance and coaches."""
    now = timezone.now()
    today = timezone.localdate()
    busy = PLGFactory(organisation=school, name="Busy")
    quiet = PLGFactory(organisation=school, name="Quiet", status=PLG.Status.PROPOSED)
    PLGFactory(organisation=school, name="Closed", status=PLG.Status.CLOSED)
    PLGFactory(name="Elsewhere")
    coach = PLGMemberFactory(plg=busy, roles=[Role.PROCESS_COACH, Role.NOTE_TAKER])
    other = PLGMemberFactory(plg=busy)
    PLGMemberFactory(plg=quiet, person=coach.person, roles=[Role.PROCESS_COACH])
    PhaseRecord.objects.create(plg=busy, phase="a", started_at=now - datetime.timedelta(200))
    PhaseRecord.objects.create(
        plg=busy,
        phase="b",
        started_at=now - datetime.timedelta(days=150),
        ended_at=now - datetime.timedelta(days=130),
    )
    for days, present in ((400, (True,)), (30, (True, False)), (10, (False, False)), (-3, ())):
        meeting = MeetingFactory(plg=busy, starts_at=now - datetime.timedelta(days=days))
        for member, here in zip((coach, other), present, strict=False):
            Attendance.objects.create(meeting=meeting, member=member, present=here)
    for days in (-5, -1, 3):
        ActionItemFactory(owner=coach, deadline=today + datetime.timedelta(days=days))
    ActionItemFactory(owner=other, done_at=now, deadline=today - datetime.timedelta(days=9))
    return school


def test_the_overview_rows_are_those_of_the_orm(busy_school):
    now = timezone.now()
    today = timezone.localdate()
    pages = overview_sql.overview_pages(organisation=busy_school, now=now, today=today)
    expected = list(_orm_overview(busy_school, now, today))
    assert pages.count() == len(expected) == 2
    found = pages[0:50]
    assert [p.pk for p in found] == [p.pk for p in expected]
    for row, plg in zip(found, expected, strict=True):
        assert {f: getattr(row, f) for f in FIGURES} == {f: getattr(plg, f) for f in FIGURES}
        assert row.created_at == plg.created_at
        assert row.organisation == busy_school
    busy = found[0]
    assert (busy.open_actions, busy.overdue_actions, busy.member_count) == (3, 2, 2)
    assert busy.last_meeting and busy.next_meeting and busy.phase_since
    assert pages[1:50] == found[1:] and pages[5:10] == []


def test_the_attendance_and_the_coach_count_are_those_of_the_orm(busy_school):
    now = timezone.now()
    since = now - datetime.timedelta(days=365)
    plgs = list(PLG.objects.filter(organisation=busy_school))
    found = overview_sql.attendance_rates([p.pk for p in plgs], now=now, since=since)
    busy = next(p for p in plgs if p.name == "Busy")
    # The newest past meeting first; the one of 400 days ago and the coming one left out.
    expected = [(busy.pk, 0, 2), (busy.pk, 1, 2)]
    assert [tuple(r) for r in found] == _orm_attendance(plgs, now, since) == expected
    assert overview_sql.attendance_rates([], now=now, since=since) == []
    assert overview_sql.process_coach_count(busy_school.pk) == _orm_coach_count(busy_school) == 1
