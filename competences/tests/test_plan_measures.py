"""The closed loop on the action plan: a goal from a fragile or missing competence shows the
team's coverage when the point was made and now."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from competences import point_measures
from competences.coverage import team_cells
from competences.models import Rating
from competences.selectors import coverage_rules
from development.models import DevelopmentPoint
from development.services import goal_create
from development.services import point_propose as development_point_propose
from development.tests.plan_pages import measure_urls, plan_as_seen, plan_url
from organisations.tests.factories import TeamMembershipFactory

pytestmark = pytest.mark.django_db


def _goal_from(team, competence, leader, source):
    point, _created = development_point_propose(
        organisation=team.organisation,
        origin=competence,
        source=source,
        key=f"{team.pk}:{competence.code}",
        description="Versterk de zorg.",
        actor=leader.user,
        team=team,
    )
    DevelopmentPoint.objects.filter(pk=point.pk).update(status="accepted")
    point.refresh_from_db()
    goal_create(
        organisation=team.organisation,
        title="Zorg gedragen door meer collega's",
        description="Twee collega's op niveau 3.",
        deadline=datetime.date.today() + datetime.timedelta(days=90),
        actor=leader.user,
        points=[point],
    )
    return point


def _plan(school, leader, login):
    return plan_as_seen(login(leader), school)


def _agree(person, competence, level):
    Rating.objects.create(membership=person, competence=competence, kind="agreed", level=level)


def test_a_missing_competence_still_missing_is_not_yet(
    login, leader, school, team, competence, staff_member
):
    _goal_from(team, competence, leader, "competence_missing")
    page = _plan(school, leader, login)
    assert "Nog niet" in page
    assert "toen ✗ ontbreekt (0 van 2 mensen op niveau 3+), nu ✗ ontbreekt" in page
    assert "aan de regel is nog niet voldaan" in page


def test_a_fragile_competence_now_assured_has_improved(
    login, leader, school, team, competence, staff_member
):
    _agree(staff_member, competence, 4)
    _goal_from(team, competence, leader, "competence_fragile")
    colleague = TeamMembershipFactory(team=team).membership
    _agree(colleague, competence, 3)
    page = _plan(school, leader, login)
    assert "Verbeterd" in page
    assert "toen ! kwetsbaar (1 van 2 mensen op niveau 3+)" in page
    assert "nu ✓ geborgd (2 van 2 mensen op niveau 3+)" in page
    assert "aan de regel is voldaan" in page


def test_now_is_the_same_coverage_as_the_matrix(leader, team, competence, staff_member):
    _agree(staff_member, competence, 3)
    point = _goal_from(team, competence, leader, "competence_fragile")
    cell = team_cells(
        team_id=team.pk,
        member_ids=[staff_member.pk],
        competence_ids=[competence.pk],
        levels={(staff_member.pk, competence.pk): 3},
        rules=coverage_rules(school=team.organisation),
    )[competence.pk]
    point = DevelopmentPoint.objects.select_related("team").get(pk=point.pk)
    measure = point_measures.measures([point])[point.pk]
    assert measure.outcome == "not_yet"
    assert f"1 van {cell.rule.min_people}" in measure.after or "1 of" in measure.after


def test_the_reads_do_not_grow_with_the_number_of_points(leader, school, framework, team):
    points = []
    for competence in framework.competences.all()[:3]:
        points.append(_goal_from(team, competence, leader, "competence_missing"))
    points = list(DevelopmentPoint.objects.select_related("team").prefetch_related("origin").all())
    with CaptureQueriesContext(connection) as queries:
        found = point_measures.measures(points)
    assert len(found) == 3
    assert len(queries) == 2


def test_the_plan_page_does_not_grow_with_competence_goals(
    login, leader, school, framework, team, staff_member
):
    client = login(leader)
    competences = list(framework.competences.all()[:3])
    _goal_from(team, competences[0], leader, "competence_missing")
    [first] = measure_urls(client.get(plan_url(school)).content.decode())
    with CaptureQueriesContext(connection) as one:
        client.get(plan_url(school))
    with CaptureQueriesContext(connection) as one_goal:
        client.get(first, headers={"HX-Request": "true"})
    for competence in competences[1:]:
        _goal_from(team, competence, leader, "competence_missing")
    with CaptureQueriesContext(connection) as three:
        urls = measure_urls(client.get(plan_url(school)).content.decode())
    assert len(urls) == 3
    assert len(three) == len(one) <= 12
    for url in urls:
        with CaptureQueriesContext(connection) as each_goal:
            assert "Nog niet" in client.get(url, headers={"HX-Request": "true"}).content.decode()
        assert len(each_goal) == len(one_goal) <= 12
