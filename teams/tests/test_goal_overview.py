"""Team goals off track on the leader's overview, and the school's list of every team's goals."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organisations.tests.factories import TeamFactory
from teams.models import GoalMeasurement, TeamGoal

pytestmark = pytest.mark.django_db


def _goal(team, title, values, deadline=None):
    goal = TeamGoal.objects.create(
        team=team,
        title=title,
        kind="percentage",
        unit="%",
        baseline=40,
        target=70,
        deadline=deadline,
    )
    today = timezone.localdate()
    for age, value in enumerate(reversed(values)):
        GoalMeasurement.objects.create(
            goal=goal, date=today - datetime.timedelta(days=age), value=value
        )
    return goal


def _overview(client, school):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(
            reverse("organisations:overview_sections", kwargs={"slug": school.slug, "app": "teams"})
        )
    section = next(s for s in response.context["sections"] if s["title"] == "Teamdoelen")
    return section, len(queries)


def test_the_overview_names_goals_off_track_and_past_deadline(login, school, team, leader):
    client = login(leader)
    section, _queries = _overview(client, school)
    assert section["figure"] == "–" and not section["attention"]
    other = TeamFactory(organisation=school, name="Lagere school")
    _goal(team, "Leesplezier", [45, 38])  # worse than the baseline
    _goal(other, "Oudercontact", [65], deadline=timezone.localdate() - datetime.timedelta(days=1))
    _goal(other, "Rekenen", [50, 72])  # reached
    _goal(team, "Welbevinden", [])  # not measured yet
    section, _queries = _overview(client, school)
    assert section["figure"] == 2 and section["attention"]
    assert [label for label, _url in section["items"]] == [
        "Kleuterbouw: Leesplezier",
        "Lagere school: Oudercontact",
    ]
    assert section["items"][0][1].endswith(
        f"/teams/{team.pk}/charter/#goal-{TeamGoal.objects.get(title='Leesplezier').pk}"
    )


def test_the_goals_card_costs_one_query_however_many_goals(login, school, team, leader):
    client = login(leader)
    _goal(team, "Eén", [50])
    _section, few = _overview(client, school)
    for index in range(12):
        _goal(TeamFactory(organisation=school), f"Doel {index}", [41, 39, 45])
    _section, many = _overview(client, school)
    assert many == few


def test_everyone_in_the_school_sees_every_teams_goals(login, school, team, staff_member):
    _goal(team, "Leesplezier", [45, 38])
    url = reverse("teams:school_goals", kwargs={"slug": school.slug})
    html = login(staff_member).get(url).content.decode()
    assert "Leesplezier" in html and "Niet op koers" in html and "38%" in html
