"""The closed loop on the action plan: a goal from a survey's development point shows the
dimension's score before and after."""

import datetime

import pytest
from django.urls import reverse

from development.models import DevelopmentPoint
from development.services import goal_create, point_propose
from surveys import services
from surveys.reports import report_context

from .helpers import add_responses, close, scored


def _goal_from(survey, round_, leader):
    dimension = report_context(survey, round_.number)["rows"][0]["dimension"]
    point, _created = point_propose(
        organisation=survey.organisation,
        origin=round_,
        source=DevelopmentPoint.Source.WEAK_DIMENSION,
        key=dimension.code,
        description=f"Versterk {dimension.code}.",
        actor=leader.user,
    )
    DevelopmentPoint.objects.filter(pk=point.pk).update(status="accepted")
    point.refresh_from_db()
    goal_create(
        organisation=survey.organisation,
        title="Samen leiding nemen",
        description="Meer gedeeld leiderschap in de post-meting.",
        deadline=datetime.date.today() + datetime.timedelta(days=90),
        actor=leader.user,
        points=[point],
    )
    return dimension


def _plan(school, leader, login):
    url = reverse("development:plan", kwargs={"slug": school.slug})
    return login(leader).get(url).content.decode()


def test_a_goal_without_a_new_round_says_so(survey_360, school, leader, login):
    pre = survey_360.rounds.get()
    add_responses(survey_360, pre, "teachers", 8, value=scored(lambda i: 2 + i % 2))
    close(pre)
    _goal_from(survey_360, pre, leader)
    assert "Nog geen nieuwe meting" in _plan(school, leader, login)


def test_a_goal_shows_pre_and_post_and_that_it_improved(survey_360, school, leader, login):
    pre = survey_360.rounds.get()
    add_responses(survey_360, pre, "self", 1, value=3)
    add_responses(survey_360, pre, "teachers", 8, value=scored(lambda i: 2 + i % 2))
    close(pre)
    dimension = _goal_from(survey_360, pre, leader)
    today = datetime.date.today()
    post = services.round_start_post(
        survey=survey_360, opens_on=today, closes_on=today, actor=leader.user
    )
    add_responses(survey_360, post, "self", 1, value=4)
    add_responses(survey_360, post, "teachers", 8, value=scored(lambda i: 4 + i % 2))
    close(post)
    page = _plan(school, leader, login)
    assert "Verbeterd" in page and dimension.code in page
    assert "toen 2,50, nu 4,50" in page or "toen 2,5" in page


def _another_360(instruments, school, leader, index):
    today = datetime.date.today()
    survey = services.survey_create(
        organisation=school,
        version=instruments["gedeeld-leiderschap-360"],
        title=f"360° ronde {index}",
        subject=leader,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
    )
    pre = survey.rounds.get()
    add_responses(survey, pre, "self", 1, value=3)
    add_responses(survey, pre, "teachers", 8, value=scored(lambda i: 2 + i % 2))
    close(pre)
    post = services.round_start_post(
        survey=survey, opens_on=today, closes_on=today, actor=leader.user
    )
    add_responses(survey, post, "self", 1, value=4)
    add_responses(survey, post, "teachers", 8, value=scored(lambda i: 4 + i % 2))
    close(post)
    _goal_from(survey, pre, leader)


@pytest.mark.parametrize("surveys", [1, 3])
def test_the_plan_reads_every_survey_behind_its_goals_in_two_queries(
    instruments, school, leader, login, surveys, django_assert_num_queries
):
    for index in range(surveys):
        _another_360(instruments, school, leader, index)
    client = login(leader)
    url = reverse("development:plan", kwargs={"slug": school.slug})
    client.get(url)  # fills the report cache of each survey
    # The plan's own reads (see development/tests/test_goals.py), the rounds with their
    # surveys, then the rounds and the rater groups of all surveys at once.
    with django_assert_num_queries(12):
        response = client.get(url)
    assert response.content.decode().count("Verbeterd") == surveys
