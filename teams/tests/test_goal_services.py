"""Team goals and their measurements: who may write, what a value may be, where a goal stands."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from core.errors import LeerkringError
from organisations.access import Access
from organisations.tests.factories import TeamFactory, TeamMembershipFactory
from teams import goals, services
from teams.models import GoalMeasurement, TeamGoal

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 1)


def _access(membership):
    return Access(membership.organisation, membership.role, membership)


def _goal(team, who, **fields):
    data = {
        "title": "Meer kinderen lezen graag",
        "kind": "percentage",
        "unit": "",
        "baseline": Decimal(40),
        "target": Decimal(70),
        "direction": "higher",
    } | fields
    with translation.override("nl-be"):
        return services.goal_save(team=team, access=_access(who), actor=who.user, **data)


def _refused(team, who, **fields):
    with pytest.raises(LeerkringError) as error:
        _goal(team, who, **fields)
    assert not TeamGoal.objects.exists()
    return error.value


def test_a_member_sets_a_goal_for_their_own_team(team, staff_member):
    goal = _goal(team, staff_member, deadline=datetime.date(2027, 6, 30))
    assert goal.team == team and goal.unit == "%" and goal.created_by == staff_member.user


def test_a_leader_sets_goals_for_every_team_and_others_may_not(school, team, leader, staff_member):
    other = TeamFactory(organisation=school, name="Lagere school")
    assert _goal(other, leader).team == other
    with pytest.raises(PermissionDenied):
        _goal(other, staff_member, title="Niet van mij")
    assert TeamGoal.objects.count() == 1


def test_a_percentage_lies_within_0_and_100(team, staff_member):
    error = _refused(team, staff_member, target=Decimal(120))
    assert error.message == "Een percentage ligt tussen 0 en 100." and error.field == "target"


def test_a_scale_needs_a_highest_point_and_values_within_it(team, staff_member):
    fields = {"kind": "scale", "baseline": Decimal(2), "target": Decimal(4)}
    assert "hoogste punt" in _refused(team, staff_member, **fields).message
    error = _refused(team, staff_member, **fields | {"scale_max": 3})
    assert error.message == "Op deze schaal ligt een waarde tussen 1 en 3."
    assert _goal(team, staff_member, **fields | {"scale_max": 5}).scale_max == 5


def test_the_target_differs_from_the_baseline_in_the_goals_direction(team, staff_member):
    assert "verschillen" in _refused(team, staff_member, target=Decimal(40)).message
    assert "lager is beter" in _refused(team, staff_member, direction="lower").message
    assert "naam" in _refused(team, staff_member, title="  ").message


def test_a_measurement_is_recorded_and_never_in_the_future(team, staff_member):
    goal = _goal(team, staff_member)
    access = _access(staff_member)
    today = timezone.localdate()
    with translation.override("nl-be"):
        measurement = services.measurement_add(
            goal=goal, access=access, date=today, value=Decimal(45), actor=staff_member.user
        )
        assert measurement.recorded_by == staff_member.user
        with pytest.raises(LeerkringError) as error:
            services.measurement_add(
                goal=goal,
                access=access,
                date=today + datetime.timedelta(days=1),
                value=Decimal(50),
                actor=None,
            )
        assert error.value.message == "Een meting kan niet in de toekomst liggen."
        with pytest.raises(LeerkringError):
            services.measurement_add(
                goal=goal, access=access, date=today, value=Decimal(-1), actor=None
            )
    assert GoalMeasurement.objects.count() == 1


def test_someone_outside_the_team_may_not_record_a_measurement(school, team, staff_member):
    other = TeamFactory(organisation=school, name="Lagere school")
    outsider = TeamMembershipFactory(team=other, is_home=True).membership
    goal = _goal(team, staff_member)
    with pytest.raises(PermissionDenied):
        services.measurement_add(
            goal=goal,
            access=_access(outsider),
            date=timezone.localdate(),
            value=Decimal(50),
            actor=None,
        )
    assert not GoalMeasurement.objects.exists()


def test_an_indicator_cannot_change_so_that_measurements_no_longer_fit(team, staff_member):
    goal = _goal(team, staff_member, kind="number", baseline=Decimal(10), target=Decimal(80))
    services.measurement_add(
        goal=goal,
        access=_access(staff_member),
        date=timezone.localdate(),
        value=Decimal(150),
        actor=None,
    )
    with pytest.raises(LeerkringError):
        _goal(team, staff_member, goal=goal, kind="percentage")
    goal.refresh_from_db()
    assert goal.kind == "number"


def _standing(direction="higher", deadline=None, latest=None, on=TODAY, today=TODAY):
    goal = TeamGoal(
        baseline=Decimal(40) if direction == "higher" else Decimal(70),
        target=Decimal(70) if direction == "higher" else Decimal(40),
        direction=direction,
        deadline=deadline,
        created_at=datetime.datetime(2025, 9, 1, tzinfo=datetime.UTC),
    )
    return goals.standing(goal, None if latest is None else Decimal(latest), on, today).status


def test_a_goal_is_reached_at_or_beyond_its_target_in_either_direction():
    assert _standing(latest=70) == goals.REACHED
    assert _standing(latest=75, deadline=datetime.date(2025, 12, 1)) == goals.REACHED
    assert _standing("lower", latest=38) == goals.REACHED
    assert _standing("lower", latest=41) == goals.ON_TRACK


def test_a_goal_past_its_deadline_and_not_reached_is_off_track():
    assert _standing(latest=69, deadline=datetime.date(2026, 2, 1)) == goals.OFF_TRACK
    assert _standing(deadline=datetime.date(2026, 2, 1)) == goals.OFF_TRACK
    assert _standing() == goals.NOT_MEASURED


def test_on_track_means_on_or_ahead_of_the_line_from_baseline_to_target():
    deadline = datetime.date(2026, 9, 1)  # a year after the goal was set, half of it gone
    assert _standing(latest=56, deadline=deadline, on=datetime.date(2026, 3, 3)) == goals.ON_TRACK
    assert _standing(latest=50, deadline=deadline, on=datetime.date(2026, 3, 3)) == goals.OFF_TRACK
    # Without a deadline: off track only when worse than the baseline.
    assert _standing(latest=40) == goals.ON_TRACK
    assert _standing(latest=39) == goals.OFF_TRACK
    assert _standing("lower", latest=71) == goals.OFF_TRACK
