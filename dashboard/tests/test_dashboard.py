from django.urls import reverse

from organisations.tests.factories import TeamFactory, TeamMembershipFactory


def test_anonymous_visitor_is_sent_to_login(client, db):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_staff_member_sees_home_team_other_teams_and_organisation(login, staff_member, team):
    other = TeamFactory(organisation=team.organisation, name="Werkgroep Lezen")
    TeamMembershipFactory(team=other, membership=staff_member)
    response = login(staff_member).get(reverse("dashboard"))
    assert response.context["home_teams"][0].team == team
    assert [tm.team for tm in response.context["other_teams"]] == [other]
    assert team.organisation.name in response.content.decode()


def test_dashboard_never_shows_another_schools_teams(login, staff_member, outsider):
    foreign = TeamMembershipFactory(membership=outsider, team__organisation=outsider.organisation)
    response = login(staff_member).get(reverse("dashboard"))
    assert foreign.team.name not in response.content.decode()
    assert outsider.organisation.name not in response.content.decode()


def test_person_without_nest_is_told_to_ask_for_one(login, leader):
    response = login(leader).get(reverse("dashboard"))
    assert response.context["home_teams"] == []
    assert "nest" in response.content.decode()
