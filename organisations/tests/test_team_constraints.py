import pytest
from django.db import IntegrityError, transaction

from core.errors import LeerkringError
from organisations import services
from organisations.models import TeamMembership
from organisations.tests.factories import MembershipFactory, SchoolFactory, TeamFactory


def test_database_refuses_a_second_home_team_for_the_same_person(team, staff_member):
    other_team = TeamFactory(organisation=team.organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        TeamMembership.objects.create(team=other_team, membership=staff_member, is_home=True)


def test_a_person_may_have_a_home_team_in_each_of_two_schools(team, staff_member):
    other_school = SchoolFactory()
    elsewhere = MembershipFactory(organisation=other_school, user=staff_member.user)
    TeamMembership.objects.create(
        team=TeamFactory(organisation=other_school), membership=elsewhere, is_home=True
    )
    assert (
        TeamMembership.objects.filter(membership__user=staff_member.user, is_home=True).count() == 2
    )


def test_a_person_may_join_other_teams_besides_their_home_team(team, staff_member, leader):
    other_team = TeamFactory(organisation=team.organisation)
    services.team_member_add(team=other_team, membership=staff_member, actor=leader.user)
    assert staff_member.team_memberships.count() == 2
    assert staff_member.team_memberships.filter(is_home=True).get().team == team


def test_making_a_new_home_team_moves_the_nest(team, staff_member, leader):
    other_team = TeamFactory(organisation=team.organisation)
    services.team_member_add(
        team=other_team, membership=staff_member, is_home=True, actor=leader.user
    )
    homes = staff_member.team_memberships.filter(is_home=True)
    assert [tm.team for tm in homes] == [other_team]
    assert staff_member.team_memberships.filter(team=team, is_home=False).exists()


def test_a_person_cannot_join_a_team_of_another_school(team, outsider, leader):
    with pytest.raises(LeerkringError):
        services.team_member_add(team=team, membership=outsider, actor=leader.user)
    assert not outsider.team_memberships.exists()


def test_person_teams_set_replaces_teams_with_exactly_one_home(team, staff_member, leader):
    second, third = (
        TeamFactory(organisation=team.organisation),
        TeamFactory(organisation=team.organisation),
    )
    services.person_teams_set(
        membership=staff_member, home_team=second, other_teams=[team, third], actor=leader.user
    )
    rows = {tm.team: tm.is_home for tm in staff_member.team_memberships.all()}
    assert rows == {second: True, team: False, third: False}


def test_a_leader_cannot_take_away_their_own_managing_role(leader):
    with pytest.raises(LeerkringError):
        services.person_update(membership=leader, role="staff", function="", actor=leader.user)
    leader.refresh_from_db()
    assert leader.role == "leader"
