"""The demo's action plan: a goal from every kind of source, each with actions and a "did it
work?" that shows its own measurement."""

from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG
from development.models import DevelopmentPoint, Goal
from development.tests.plan_pages import measure_urls, plan_url
from organisations.models import Organisation

pytestmark = pytest.mark.django_db

Source = DevelopmentPoint.Source


def test_the_plan_has_a_goal_per_source_with_actions_and_its_own_measure(client):
    call_command("demo", size="small", stdout=StringIO())
    school = Organisation.objects.get(slug=MAIN_SCHOOL_SLUG)
    goals, teams = {}, {}
    for goal in Goal.objects.filter(organisation=school).prefetch_related("points__team"):
        for point in goal.points.all():
            goals[point.source], teams[point.source] = goal, point.team
    assert {
        Source.WEAK_DIMENSION,
        Source.VALUE_STREAM_PAIN,
        Source.COMPETENCE_FRAGILE,
        Source.TEAM_GOAL_OFF_TRACK,
    } <= set(goals)
    assert all(goal.actions.exists() for goal in goals.values())
    # The competence nobody holds waits in the inbox.
    missing = DevelopmentPoint.objects.get(organisation=school, source=Source.COMPETENCE_MISSING)
    assert missing.status == DevelopmentPoint.Status.PROPOSED

    client.force_login(User.objects.get(email=LOGIN_EMAILS["leader"]))
    html = client.get(plan_url(school)).content.decode()
    urls = measure_urls(html)
    assert len(urls) == Goal.objects.filter(organisation=school).count()

    def measures(source):
        url = next(u for u in urls if f"/{goals[source].pk}/gewerkt/" in u)
        return client.get(url, headers={"HX-Request": "true"}).content.decode()

    # The competence resting on one person: its coverage then and now, in the teacher's team.
    competence = measures(Source.COMPETENCE_FRAGILE)
    team = teams[Source.COMPETENCE_FRAGILE].name
    assert f"Datageletterdheid in {team}" in competence and "kwetsbaar (1 van 2" in competence
    # The off-track team goal: its latest measurement against the target.
    team_goal = measures(Source.TEAM_GOAL_OFF_TRACK)
    assert "Minder laatkomers per week" in team_goal and "nog niet bereikt" in team_goal
