"""The team matrix, everyone's levels and the coverage rules."""

import pytest
from django.urls import reverse

from competences.models import CoverageRule, Rating
from organisations.tests.factories import TeamFactory, TeamMembershipFactory

pytestmark = pytest.mark.django_db


def _url(name, framework, **kwargs):
    return reverse(
        f"competences:{name}",
        kwargs={"slug": framework.organisation.slug, "fw": framework.pk, **kwargs},
    )


def _agree(person, competence, level):
    Rating.objects.create(
        membership=person, competence=competence, kind=Rating.Kind.AGREED, level=level
    )


def test_the_team_matrix_shows_a_fragile_competence(login, team, staff_member, framework):
    care = framework.competences.get(code="ZORG")
    data = framework.competences.get(code="DATA")
    colleague = TeamMembershipFactory(team=team).membership
    _agree(staff_member, care, 4)
    _agree(colleague, care, 3)
    _agree(staff_member, data, 3)
    _agree(colleague, data, 2)
    response = login(staff_member).get(_url("team_matrix", framework, pk=team.pk))
    assert response.status_code == 200
    statuses = {c.code: cell.status for c, cell in response.context["statuses"]}
    assert statuses["ZORG"] == "assured" and statuses["DATA"] == "fragile"
    assert statuses["DIGI"] == "missing"
    html = response.content.decode()
    assert "kwetsbaar" in html and "geborgd" in html and "ontbreekt" in html
    assert '<span aria-hidden="true">●●●●</span>' in html


def test_staff_see_only_their_own_teams_matrix(login, school, staff_member, framework):
    other = TeamFactory(organisation=school, name="Lagere school")
    client = login(staff_member)
    assert client.get(_url("team_matrix", framework, pk=other.pk)).status_code == 403
    assert client.get(_url("people", framework)).status_code == 403


def test_a_coach_sees_every_teams_matrix_and_everyone(login, school, coach, framework):
    other = TeamFactory(organisation=school, name="Lagere school")
    client = login(coach)
    assert client.get(_url("team_matrix", framework, pk=other.pk)).status_code == 200
    assert client.get(_url("people", framework)).status_code == 200
    assert client.get(_url("rules", framework)).status_code == 403


def test_the_leader_sets_the_schools_rule_and_a_teams_own(login, leader, team, framework):
    client = login(leader)
    url = _url("rules", framework)
    response = client.post(
        url, {"form": "default", "default-min_people": "3", "default-min_level": "2"}
    )
    assert response.status_code == 302
    care = framework.competences.get(code="ZORG")
    data = {
        "form": "override",
        "override-team": team.pk,
        "override-competence": care.pk,
        "override-min_people": "1",
        "override-min_level": "4",
    }
    assert client.post(url, data).status_code == 302
    rules = set(CoverageRule.objects.values_list("team", "min_people", "min_level"))
    assert rules == {(None, 3, 2), (team.pk, 1, 4)}
    rule = CoverageRule.objects.get(team=team)
    assert client.post(_url("rule_delete", framework, pk=rule.pk)).status_code == 302
    assert not CoverageRule.objects.filter(team=team).exists()


def test_a_rule_of_0_people_is_refused_in_dutch(login, leader, framework):
    response = login(leader).post(
        _url("rules", framework),
        {"form": "default", "default-min_people": "0", "default-min_level": "3"},
    )
    assert response.status_code == 200
    assert "minstens één persoon" in response.content.decode()
    assert not CoverageRule.objects.exists()


def test_the_schools_rule_cannot_be_removed(login, leader, school, framework):
    rule = CoverageRule.objects.create(organisation=school, min_people=2, min_level=3)
    login(leader).post(_url("rule_delete", framework, pk=rule.pk))
    assert CoverageRule.objects.filter(pk=rule.pk).exists()


def test_the_school_view_and_what_changes_when_a_person_leaves(
    login, school, team, staff_member, coach, framework
):
    other = TeamFactory(organisation=school, name="Lagere school")
    colleague = TeamMembershipFactory(team=team).membership
    TeamMembershipFactory(team=other, membership=staff_member)
    care = framework.competences.get(code="ZORG")
    _agree(staff_member, care, 3)
    _agree(colleague, care, 3)
    client = login(coach)
    response = client.get(_url("school", framework))
    assert response.status_code == 200
    statuses = {
        row["team"].name: {c.code: cell.status for c, cell in row["cells"]}
        for row in response.context["rows"]
    }
    assert statuses["Kleuterbouw"]["ZORG"] == "assured"
    assert statuses["Lagere school"]["ZORG"] == "fragile"
    response = client.get(_url("school", framework) + f"?leaves={staff_member.pk}")
    found = {
        (c["team"].name, c["competence"].code, c["after"].status)
        for c in response.context["changes"]
    }
    assert found == {("Kleuterbouw", "ZORG", "fragile"), ("Lagere school", "ZORG", "missing")}
    assert "Als " in response.content.decode()


def test_the_person_who_leaves_is_found_by_typing(login, school, team, coach, framework, outsider):
    colleague = TeamMembershipFactory(team=team).membership
    client = login(coach)
    page = client.get(_url("school", framework), {"q": colleague.user.last_name})
    assert f'name="leaves" value="{colleague.pk}"' in page.content.decode()
    # Only people of this school's teams: someone of another school never shows.
    page = client.get(_url("school", framework), {"q": outsider.user.last_name}).content.decode()
    assert f'value="{outsider.pk}"' not in page


def test_a_person_of_another_school_cannot_be_chosen(login, coach, outsider, framework):
    response = login(coach).get(_url("school", framework) + f"?leaves={outsider.pk}")
    assert response.status_code == 404


def test_staff_do_not_see_the_school_view(login, staff_member, framework):
    assert login(staff_member).get(_url("school", framework)).status_code == 403
