import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from organisations.models import TeamMembership
from organisations.tests.factories import MembershipFactory, TeamFactory, TeamMembershipFactory


def url(name, school, **kwargs):
    return reverse(f"organisations:{name}", kwargs={"slug": school.slug, **kwargs})


def test_team_list_shows_missions_and_members(login, leader, team, staff_member):
    response = login(leader).get(url("team_list", team.organisation))
    assert response.status_code == 200
    content = response.content.decode()
    assert team.name in content
    assert team.mission in content
    assert staff_member.user.get_full_name() in content


def test_team_list_query_count_does_not_grow_with_teams(
    login, leader, school, django_assert_num_queries
):
    client = login(leader)
    TeamMembershipFactory.create_batch(2, team__organisation=school)
    with django_assert_num_queries(6) as small:
        client.get(url("team_list", school))
    TeamMembershipFactory.create_batch(20, team__organisation=school)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url("team_list", school))


def test_staff_member_sees_team_but_no_edit_controls(login, staff_member, team):
    response = login(staff_member).get(url("team_detail", team.organisation, pk=team.pk))
    assert response.status_code == 200
    assert url("team_edit", team.organisation, pk=team.pk) not in response.content.decode()


def test_staff_member_cannot_edit_a_team(login, staff_member, team):
    response = login(staff_member).post(
        url("team_edit", team.organisation, pk=team.pk), {"name": "Gekaapt", "mission": ""}
    )
    assert response.status_code == 403
    team.refresh_from_db()
    assert team.name == "Kleuterbouw"


def test_leader_edits_name_and_mission(login, leader, team):
    response = login(leader).post(
        url("team_edit", team.organisation, pk=team.pk),
        {"name": "Kleuterteam", "mission": "Elke kleuter voelt zich thuis."},
    )
    assert response.status_code == 302
    team.refresh_from_db()
    assert (team.name, team.mission) == ("Kleuterteam", "Elke kleuter voelt zich thuis.")
    assert AuditEvent.objects.filter(object_id=str(team.pk), action="update").exists()


def test_duplicate_team_name_is_refused_in_dutch(login, leader, team):
    TeamFactory(organisation=team.organisation, name="Zorgteam")
    response = login(leader).post(
        url("team_edit", team.organisation, pk=team.pk), {"name": "Zorgteam", "mission": ""}
    )
    assert response.status_code == 200
    assert "bestaat al" in response.content.decode()
    team.refresh_from_db()
    assert team.name == "Kleuterbouw"


def test_empty_team_name_is_refused(login, leader, school):
    response = login(leader).post(url("team_create", school), {"name": "", "mission": ""})
    assert response.status_code == 200
    assert school.teams.count() == 0


def test_leader_creates_a_team(login, leader, school):
    response = login(leader).post(
        url("team_create", school), {"name": "Team Horizon", "mission": "Derde graad."}
    )
    team = school.teams.get()
    assert response["Location"] == url("team_detail", school, pk=team.pk)


def test_leader_adds_a_member_as_home_team(login, leader, team, staff_member):
    other_team = TeamFactory(organisation=team.organisation)
    login(leader).post(
        url("team_member_add", team.organisation, pk=other_team.pk),
        {"person": staff_member.pk, "is_home": "on"},
    )
    assert staff_member.team_memberships.get(is_home=True).team == other_team


def test_adding_a_person_of_another_school_is_refused(login, leader, team, outsider):
    response = login(leader).post(
        url("team_member_add", team.organisation, pk=team.pk), {"person": outsider.pk}
    )
    assert response.status_code == 302
    assert not TeamMembership.objects.filter(membership=outsider).exists()


def test_leader_removes_a_member(login, leader, team, staff_member):
    login(leader).post(
        url("team_member_remove", team.organisation, pk=team.pk, member_pk=staff_member.pk)
    )
    assert not TeamMembership.objects.filter(team=team, membership=staff_member).exists()


def test_make_home_moves_the_nest_to_this_team(login, leader, team, staff_member):
    other_team = TeamFactory(organisation=team.organisation)
    TeamMembership.objects.create(team=other_team, membership=staff_member)
    login(leader).post(
        url("team_member_make_home", team.organisation, pk=other_team.pk, member_pk=staff_member.pk)
    )
    assert staff_member.team_memberships.get(is_home=True).team == other_team


def test_member_actions_need_post(login, leader, team, staff_member):
    response = login(leader).get(
        url("team_member_remove", team.organisation, pk=team.pk, member_pk=staff_member.pk)
    )
    assert response.status_code == 405


@pytest.mark.parametrize("name", ["team_detail", "team_edit"])
def test_team_of_another_school_is_404(login, leader, name):
    foreign = TeamFactory()
    response = login(leader).get(url(name, leader.organisation, pk=foreign.pk))
    assert response.status_code == 404


def test_community_leader_manages_the_schools_of_their_community(login, team):
    community_leader = MembershipFactory(
        organisation=team.organisation.parent, role="leader", function="coördinerend directeur"
    )
    response = login(community_leader).get(url("team_edit", team.organisation, pk=team.pk))
    assert response.status_code == 200
