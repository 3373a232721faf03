"""The coverage card on a school leader's overview."""

import pytest
from django.urls import reverse

from competences.models import CoverageRule, Rating
from organisations.tests.factories import TeamFactory, TeamMembershipFactory

pytestmark = pytest.mark.django_db


def _agree(person, competence, level):
    Rating.objects.create(
        membership=person, competence=competence, kind=Rating.Kind.AGREED, level=level
    )


def _card(client, school):
    response = client.get(
        reverse(
            "organisations:overview_sections", kwargs={"slug": school.slug, "app": "competences"}
        )
    )
    return next(s for s in response.context["sections"] if "ompetenties" in str(s["title"]))


def test_the_card_names_fragile_competences_first(
    login, school, team, staff_member, leader, framework, django_assert_max_num_queries
):
    from competences.overview import at_risk

    colleague = TeamMembershipFactory(team=team).membership
    care = framework.competences.get(code="ZORG")
    data = framework.competences.get(code="DATA")
    for competence in framework.competences.all():
        _agree(staff_member, competence, 3)
        _agree(colleague, competence, 3)
    Rating.objects.filter(membership=colleague, competence=care).update(level=2)
    Rating.objects.filter(competence=data).update(level=1)
    CoverageRule.objects.create(
        organisation=school, team=team, competence=data, min_people=1, min_level=1
    )
    TeamFactory(organisation=school, name="Leeg team")  # no members: not counted
    with django_assert_max_num_queries(2):
        competences, found = at_risk(school)
    assert [(team_name, c.code, cell.status) for team_name, c, cell in found] == [
        ("Kleuterbouw", "ZORG", "fragile")
    ]
    card = _card(login(leader), school)
    assert card["figure"] == 1 and card["attention"]
    assert "Leerlingenzorg" in card["items"][0][0]


def test_a_team_rule_counts_only_for_its_own_team_and_competence(
    school, team, staff_member, framework, django_assert_max_num_queries
):
    """Each team member's agreed levels carry their own team's rule for that competence (one
    rule per team and competence), never another team's, and a person in two teams counts
    in both."""
    from competences.overview import at_risk

    data, care = framework.competences.get(code="DATA"), framework.competences.get(code="ZORG")
    other = TeamFactory(organisation=school, name="Lagere school")
    TeamMembershipFactory(team=other, membership=staff_member)
    for competence in framework.competences.all():
        _agree(staff_member, competence, 3)
    for competence in (data, care):
        CoverageRule.objects.create(
            organisation=school, team=team, competence=competence, min_people=1, min_level=3
        )
    with django_assert_max_num_queries(2):
        competences, found = at_risk(school)
    at_risk_cells = {(name, c.code) for name, c, _cell in found}
    codes = {c.code for c in competences}
    # One person at level 3: fragile under the default rule, held where the team asks one.
    assert at_risk_cells == {("Kleuterbouw", code) for code in codes - {"DATA", "ZORG"}} | {
        ("Lagere school", code) for code in codes
    }
    assert {cell.status for _name, _c, cell in found} == {"fragile"}


def test_a_school_without_a_framework_is_asked_to_set_it_up(login, school, leader):
    card = _card(login(leader), school)
    assert card["figure"] == "–"
