"""An off-track team goal goes to the development points, and the action plan shows whether
its target is reached since."""

import datetime

import pytest
from django.urls import reverse

from development.models import DevelopmentPoint
from development.services import goal_create
from development.tests.plan_pages import plan_as_seen
from teams.models import GoalMeasurement, TeamGoal

pytestmark = pytest.mark.django_db

YESTERDAY = datetime.date.today() - datetime.timedelta(days=1)


def _goal(team, **fields):
    data = {"title": "Meer kinderen lezen graag", "kind": "percentage", "unit": "%"}
    data |= {"baseline": 40, "target": 70, "direction": "higher", "deadline": YESTERDAY}
    return TeamGoal.objects.create(team=team, **data | fields)


def _url(name, school, pk):
    return reverse(f"teams:{name}", kwargs={"slug": school.slug, "pk": pk})


def test_a_leader_sends_an_off_track_goal_once(login, leader, school, team):
    goal = _goal(team)
    GoalMeasurement.objects.create(goal=goal, date=YESTERDAY, value=45)
    client = login(leader)
    charter = _url("charter", school, team.pk)
    send = _url("goal_point_propose", school, goal.pk)
    assert send in client.get(charter).content.decode()
    response = client.post(send)
    assert response["Location"] == f"{charter}#goal-{goal.pk}"
    point = DevelopmentPoint.objects.get()
    assert (point.source, point.origin, point.team) == ("team_goal_off_track", goal, team)
    assert "Meer kinderen lezen graag" in point.description
    assert point.anchor == f"{charter}#goal-{goal.pk}"
    client.post(send, {"back": "school"})
    assert DevelopmentPoint.objects.count() == 1
    html = client.get(charter).content.decode()
    assert send not in html and "verstuurd naar de ontwikkelpunten" in html
    goals_page = reverse("teams:school_goals", kwargs={"slug": school.slug})
    assert "verstuurd naar de ontwikkelpunten" in client.get(goals_page).content.decode()


def test_the_school_goals_page_offers_the_button_on_off_track_goals_only(
    login, leader, school, team
):
    late = _goal(team)
    on_time = _goal(team, title="Rustige speelplaats", deadline=None)
    page = login(leader).get(reverse("teams:school_goals", kwargs={"slug": school.slug}))
    html = page.content.decode()
    assert _url("goal_point_propose", school, late.pk) in html
    assert _url("goal_point_propose", school, on_time.pk) not in html


def test_a_goal_on_track_is_not_sent(login, leader, school, team):
    goal = _goal(team, deadline=None)
    GoalMeasurement.objects.create(goal=goal, date=YESTERDAY, value=50)
    response = login(leader).post(_url("goal_point_propose", school, goal.pk), follow=True)
    assert "niet (meer) uit koers" in response.content.decode()
    assert not DevelopmentPoint.objects.exists()


def test_staff_do_not_send_and_see_no_button(login, staff_member, school, team):
    goal = _goal(team)
    client = login(staff_member)
    assert (
        _url("goal_point_propose", school, goal.pk)
        not in client.get(_url("charter", school, team.pk)).content.decode()
    )
    assert client.post(_url("goal_point_propose", school, goal.pk)).status_code == 403
    assert not DevelopmentPoint.objects.exists()


def _plan(login, leader, school, goal):
    login(leader).post(_url("goal_point_propose", school, goal.pk))
    point = DevelopmentPoint.objects.get()
    DevelopmentPoint.objects.filter(pk=point.pk).update(status="accepted")
    point.refresh_from_db()
    goal_create(
        organisation=school,
        title="Leesplezier",
        description="70% leest graag.",
        deadline=datetime.date.today() + datetime.timedelta(days=90),
        actor=leader.user,
        points=[point],
    )
    return plan_as_seen(login(leader), school)


def test_the_plan_shows_the_target_not_reached_yet(login, leader, school, team):
    goal = _goal(team)
    GoalMeasurement.objects.create(goal=goal, date=YESTERDAY, value=45)
    html = _plan(login, leader, school, goal)
    assert "Nog niet" in html and "Meer kinderen lezen graag" in html
    assert "toen beginwaarde 40%" in html and "nu 45%" in html
    assert "streefwaarde 70%: nog niet bereikt" in html


def test_the_plan_shows_the_target_reached(login, leader, school, team):
    goal = _goal(team)
    GoalMeasurement.objects.create(goal=goal, date=YESTERDAY, value=45)
    _plan(login, leader, school, goal)
    GoalMeasurement.objects.create(goal=goal, date=datetime.date.today(), value=72)
    html = plan_as_seen(login(leader), school)
    assert "Verbeterd" in html and "nu 72%" in html and "streefwaarde 70%: bereikt" in html


def _plan_queries(client, school):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("development:plan", kwargs={"slug": school.slug}))
    assert response.status_code == 200
    return len(queries)


def test_the_plan_reads_team_goals_in_queries_that_do_not_grow(login, leader, school, team):
    from development.services import point_propose

    def add_goal(title):
        goal = _goal(team, title=title)
        GoalMeasurement.objects.create(goal=goal, date=YESTERDAY, value=45)
        point, _created = point_propose(
            organisation=school,
            origin=goal,
            source="team_goal_off_track",
            key="",
            description=title,
            actor=leader.user,
            team=team,
        )
        DevelopmentPoint.objects.filter(pk=point.pk).update(status="accepted")
        point.refresh_from_db()
        goal_create(
            organisation=school,
            title=f"Plan: {title}",
            description="Bereikt.",
            deadline=datetime.date.today() + datetime.timedelta(days=90),
            actor=leader.user,
            points=[point],
        )

    client = login(leader)
    add_goal("Een")
    client.get(reverse("development:plan", kwargs={"slug": school.slug}))
    one = _plan_queries(client, school)
    add_goal("Twee")
    add_goal("Drie")
    assert _plan_queries(client, school) == one
