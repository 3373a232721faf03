import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from communities.models import PLG, Attendance, PhaseRecord, Role
from communities.tests.factories import (
    ActionItemFactory,
    MeetingFactory,
    PLGFactory,
    PLGMemberFactory,
)


def _overview(school):
    return reverse("communities:coach_overview", kwargs={"slug": school.slug})


def _meeting_with_attendance(plg, members, days_ago, present):
    meeting = MeetingFactory(plg=plg, starts_at=timezone.now() - datetime.timedelta(days=days_ago))
    for i, member in enumerate(members):
        Attendance.objects.create(meeting=meeting, member=member, present=i < present)
    return meeting


def test_a_group_with_falling_attendance_and_no_plans_shows_as_stalling(
    login, leader, school, shows
):
    plg = PLGFactory(
        organisation=school, name="Datateam rekenen", type="data_team", current_phase="collect"
    )
    members = [PLGMemberFactory(plg=plg) for _ in range(4)]
    for days_ago, present in ((120, 4), (100, 4), (80, 1), (60, 1)):
        _meeting_with_attendance(plg, members, days_ago, present)
    page = login(leader).get(_overview(school)).content.decode()
    assert "100% → 100% → 25% → 25%" in page
    assert shows(page, "attendance is falling")
    assert shows(page, "no meeting for more than six weeks and none planned")


def test_a_healthy_group_is_on_track(login, leader, school, shows):
    plg = PLGFactory(organisation=school, name="Lesson study lezen")
    members = [PLGMemberFactory(plg=plg) for _ in range(3)]
    PhaseRecord.objects.create(plg=plg, phase="study", started_at=timezone.now())
    _meeting_with_attendance(plg, members, 10, 3)
    MeetingFactory(plg=plg)  # one planned
    page = login(leader).get(_overview(school)).content.decode()
    assert shows(page, "on track")


def test_staff_cannot_open_the_overview(login, staff_member, school):
    assert login(staff_member).get(_overview(school)).status_code == 403


@pytest.mark.parametrize("count", [2, 10])
def test_the_overview_has_a_constant_query_count(
    login, leader, school, count, django_assert_max_num_queries
):
    for i in range(count):
        plg = PLGFactory(organisation=school, name=f"PLG {i}")
        members = [PLGMemberFactory(plg=plg, roles=[Role.PROCESS_COACH])]
        _meeting_with_attendance(plg, members, 20, 1)
        ActionItemFactory(owner=members[0])
    client = login(leader)
    with django_assert_max_num_queries(9):
        assert client.get(_overview(school)).status_code == 200


def test_process_coaches_of_several_plgs_form_a_coach_the_coach_group(login, leader, school):
    coaches = [
        PLGMemberFactory(plg=PLGFactory(organisation=school), roles=[Role.PROCESS_COACH])
        for _ in range(3)
    ]
    PLGMemberFactory(plg=coaches[0].plg)  # a plain member stays out
    login(leader).post(
        reverse("communities:coach_group_create", kwargs={"slug": school.slug}),
        {"name": "Coach de coach 2026"},
    )
    group = PLG.objects.get(type=PLG.Type.COACH_THE_COACH)
    people = set(group.members.values_list("person_id", flat=True))
    assert people == {leader.pk, *(c.person_id for c in coaches)}
    assert group.is_open is False


def test_the_attendance_trend_counts_the_meetings_with_attendance_of_the_past_year(plg, coach):
    from communities.selectors_overview import attach_trends, coach_overview
    from communities.tests.factories import MeetingFactory, PLGMemberFactory

    other = PLGMemberFactory(plg=plg)
    now = timezone.now()
    # (days ago, present of the two members; None: attendance not taken)
    for days, present in (
        (400, (True, True)),
        (100, (True, False)),
        (60, (True, True)),
        (40, None),
        (30, (False, False)),
        (20, (True, True)),
        (10, (True, False)),
        (-5, (True, True)),
    ):
        meeting = MeetingFactory(plg=plg, starts_at=now - datetime.timedelta(days=days))
        for member, here in zip((coach, other), present or (), strict=False):
            Attendance.objects.create(meeting=meeting, member=member, present=here)
    (found,) = attach_trends(coach_overview(organisation=plg.organisation)[:50])
    # The last four past meetings with attendance, oldest first.
    assert found.trend.rates == [100, 0, 100, 50]
