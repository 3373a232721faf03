"""The coach overview's figures per PLG: meetings, phase, actions, members, attendance and the
school's process coaches."""

import datetime

import pytest
from django.utils import timezone

from communities.models import PLG, Attendance, PhaseRecord, Role
from communities.selectors_overview import attach_trends, coach_overview, process_coach_count
from communities.tests.factories import (
    ActionItemFactory,
    MeetingFactory,
    PLGFactory,
    PLGMemberFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


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


def test_the_overview_counts_meetings_phase_actions_and_members(busy_school):
    now = timezone.now()
    plgs = coach_overview(organisation=busy_school)
    assert plgs.count() == 2
    found = list(plgs[0:50])
    assert [p.name for p in found] == ["Busy", "Quiet"]  # closed and elsewhere left out
    busy, quiet = found
    assert (busy.open_actions, busy.overdue_actions, busy.member_count) == (3, 2, 2)
    assert DAY * 9 < now - busy.last_meeting < DAY * 11  # the newest past meeting
    assert DAY * 2 < busy.next_meeting - now < DAY * 4
    assert now - busy.phase_since > DAY * 199  # the open phase, not the one that ended
    assert busy.organisation == busy_school
    assert (quiet.last_meeting, quiet.next_meeting, quiet.phase_since) == (None, None, None)
    assert (quiet.open_actions, quiet.overdue_actions, quiet.member_count) == (0, 0, 1)
    assert list(plgs[1:50]) == found[1:] and list(plgs[5:10]) == []


def test_the_trend_and_the_coach_count(busy_school):
    busy, quiet = attach_trends(coach_overview(organisation=busy_school)[0:50])
    # The past year's meetings with attendance, oldest first: 1 of 2, then 0 of 2; the one of
    # 400 days ago and the coming one left out.
    assert busy.trend.rates == [50, 0] and quiet.trend.rates == []
    assert attach_trends([]) == []
    # The coach of Busy also coaches the proposal Quiet: counted once, for the active PLG.
    assert process_coach_count(organisation=busy_school) == 1
