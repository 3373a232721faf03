"""The closed loop on the action plan: a goal from a pain point shows the lead time of the
current map and of its future map, and whether the lead time got shorter."""

import datetime

import pytest
from django.urls import reverse

from development.models import DevelopmentPoint
from development.services import goal_create
from valuestreams import services
from valuestreams.models import PainPoint, ValueStreamMap


def _goal_from(value_stream, leader, title="Sneller een intakegesprek"):
    pain_point = PainPoint.objects.filter(step__map=value_stream).first()
    point, _created = services.pain_point_send(
        pain_point=pain_point, actor=leader.user, anchor=f"/#pain-{pain_point.pk}"
    )
    DevelopmentPoint.objects.filter(pk=point.pk).update(status="accepted")
    point.refresh_from_db()
    return goal_create(
        organisation=value_stream.organisation,
        title=title,
        description="Ouders krijgen binnen drie dagen een gesprek.",
        deadline=datetime.date.today() + datetime.timedelta(days=90),
        actor=leader.user,
        points=[point],
    )


def _plan(school, leader, login):
    url = reverse("development:plan", kwargs={"slug": school.slug})
    return " ".join(login(leader).get(url).content.decode().split())


def _shorten_wait(future, days):
    step = future.steps.get(position=2)
    services.step_update(step=step, waiting_minutes=days * 1440)


def test_without_a_future_map_the_plan_asks_for_one(intake, school, leader, login):
    _goal_from(intake, leader)
    page = _plan(school, leader, login)
    assert "Nog geen nieuwe meting" in page
    assert "doorlooptijd van “Inschrijving nieuwe leerling”" in page
    assert "noteer de nieuwe doorlooptijd in een kaart van de gewenste situatie" in page


def test_a_shorter_lead_time_in_the_future_map_is_an_improvement(intake, school, leader, login):
    _goal_from(intake, leader)
    future, _created = services.future_map_make(current=intake, actor=leader.user)
    _shorten_wait(future, 2)
    page = _plan(school, leader, login)
    # 20 min + 2 d, 60 min + 7 d, 90 min + 1 d: 10,1 days; then 5,1 days.
    assert "Verbeterd" in page
    assert "toen 10,1 dagen in de huidige situatie, nu 5,1 dagen in de gewenste situatie" in page
    assert "doorlooptijd 5 dagen korter (−49%)" in page


def test_an_unchanged_future_map_is_not_yet_an_improvement(intake, school, leader, login):
    _goal_from(intake, leader)
    services.future_map_make(current=intake, actor=leader.user)
    page = _plan(school, leader, login)
    assert "Nog niet" in page
    assert "doorlooptijd ongewijzigd" in page


def test_a_longer_lead_time_says_so(intake, school, leader, login):
    _goal_from(intake, leader)
    future, _created = services.future_map_make(current=intake, actor=leader.user)
    _shorten_wait(future, 14)
    page = _plan(school, leader, login)
    assert "Nog niet" in page
    assert "doorlooptijd 7 dagen langer (+69%)" in page


def _second_map(school, leader, index):
    value_stream = services.map_create(
        organisation=school, process=f"Proces {index}", kind="supporting", actor=leader.user
    )
    step = services.step_add(
        value_stream=value_stream, name="Stap", process_minutes=60, waiting_minutes=1440
    )
    services.pain_point_add(step=step, description=f"Knelpunt {index}", actor=leader.user)
    future, _created = services.future_map_make(current=value_stream, actor=leader.user)
    services.step_update(step=future.steps.get(), waiting_minutes=60)
    return value_stream


@pytest.mark.parametrize("maps", [1, 4])
def test_the_plan_reads_the_lead_times_with_the_pain_points(
    school, leader, login, maps, django_assert_num_queries
):
    for index in range(maps):
        _goal_from(_second_map(school, leader, index), leader, title=f"Doel {index}")
    assert ValueStreamMap.objects.filter(version="future").count() == maps
    client = login(leader)
    url = reverse("development:plan", kwargs={"slug": school.slug})
    client.get(url)
    # The plan's own reads (see development/tests/test_goals.py), the pain points with their
    # steps, maps and lead times (read in one query, see point_origins.py).
    with django_assert_num_queries(10):
        response = client.get(url)
    assert response.content.decode().count("in de gewenste situatie") == maps


def test_points_read_without_their_lead_times_get_them_in_one_query(
    intake, leader, django_assert_num_queries
):
    from valuestreams import point_measures

    goal = _goal_from(intake, leader)
    future, _created = services.future_map_make(current=intake, actor=leader.user)
    _shorten_wait(future, 2)
    points = list(goal.points.all())
    assert isinstance(points[0].origin, PainPoint)  # read plainly, as any caller might
    with django_assert_num_queries(1):
        [measure] = point_measures.measures(points).values()
    assert measure.outcome == "improved"
    assert (measure.before, measure.after) == (
        "10,1 dagen in de huidige situatie",
        "5,1 dagen in de gewenste situatie",
    )
