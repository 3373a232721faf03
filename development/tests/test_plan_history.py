"""The versions of a school's action plan: every save of a goal or an action is one version,
with who saved it; the plan as it was; two versions compared; the same readers as the plan."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from development import history
from development.action_services import StaleAction, action_create, action_move
from development.models import Action, CoreTask, DevelopmentPoint, Goal, QualityExpectation
from development.services import goal_create, goal_set_status, point_decide


def _day(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def _goal(school, leader, title="Taalstimulering", **links):
    return goal_create(
        organisation=school,
        title=title,
        description="Elke klas gebruikt twee nieuwe werkvormen.",
        deadline=_day(200),
        actor=leader.user,
        **links,
    )


def _url(name, school, **kwargs):
    return reverse(f"development:{name}", kwargs={"slug": school.slug, **kwargs})


def _key(record):
    return f"{'g' if isinstance(record, Goal.history.model) else 'a'}{record.history_id}"


@pytest.fixture
def linked_goal(school, leader, team, propose):
    point = propose(team)
    point_decide(point=point, status=DevelopmentPoint.Status.ACCEPTED, actor=leader.user)
    task = CoreTask.objects.create(organisation=school, name="Talenten ontwikkelen")
    expectation = QualityExpectation.objects.filter(framework__organisation=None).first()
    return _goal(school, leader, points=[point], core_tasks=[task], expectations=[expectation])


def test_creating_a_goal_with_its_links_is_one_version(linked_goal, leader):
    (record,) = linked_goal.history.all()
    assert record.history_type == "+"
    assert record.history_user == leader.user
    assert record.points.count() == record.core_tasks.count() == record.expectations.count() == 1


def test_a_status_change_and_every_action_save_is_a_version(school, leader, staff_member):
    goal = _goal(school, leader)
    goal_set_status(goal=goal, status=Goal.Status.IN_PROGRESS, actor=leader.user)
    action = action_create(
        goal=goal,
        title="Werkvormen kiezen",
        owner=staff_member,
        deadline=_day(30),
        actor=leader.user,
    )
    moved = action_move(action=action, version=1, status="do", actor=staff_member.user)
    assert [r.status for r in goal.history.order_by("history_date")] == ["planned", "in_progress"]
    records = list(action.history.order_by("history_date"))
    assert [(r.status, r.version, r.history_user) for r in records] == [
        ("plan", 1, leader.user),
        ("do", 2, staff_member.user),
    ]
    # A stale move writes nothing, and no version either.
    with pytest.raises(StaleAction):
        action_move(action=action, version=1, status="check", actor=leader.user)
    assert action.history.count() == 2
    assert moved.version == 2


def test_the_plan_as_it_was_and_two_versions_compared(school, leader, staff_member, login):
    goal = _goal(school, leader)
    action = action_create(
        goal=goal,
        title="Werkvormen kiezen",
        owner=staff_member,
        deadline=_day(30),
        actor=leader.user,
    )
    first = action.history.get()
    action_move(action=action, version=1, status="check", actor=leader.user)
    goal_set_status(goal=goal, status=Goal.Status.ACHIEVED, actor=leader.user)
    later = _goal(school, leader, title="Ouders betrekken")
    newest = later.history.get()
    client = login(leader)
    then = client.get(_url("plan_version", school, key=_key(first))).content.decode()
    assert "Taalstimulering" in then and "Ouders betrekken" not in then
    assert "gepland" in then  # the goal's status then
    compare = client.get(_url("plan_compare", school), {"van": _key(first), "tot": _key(newest)})
    page = compare.content.decode()
    assert "Doel toegevoegd:</span> Ouders betrekken" in page
    assert "Actie gewijzigd:</span> Werkvormen kiezen" in page
    with translation.override("nl-be"):
        before, after = str(Action.Status.PLAN.label), str(Action.Status.CHECK.label)
    assert f"<del>{before}</del>" in page and f"<ins>{after}</ins>" in page
    assert "<del>gepland</del>" in page and "<ins>bereikt</ins>" in page
    # The order of the two does not matter.
    swapped = client.get(_url("plan_compare", school), {"van": _key(newest), "tot": _key(first)})
    assert swapped.content.decode().count("Doel toegevoegd") == 1


def test_the_history_lists_each_save_with_who_and_what(school, leader, staff_member, login):
    goal = _goal(school, leader)
    action_create(
        goal=goal,
        title="Werkvormen kiezen",
        owner=staff_member,
        deadline=_day(30),
        actor=leader.user,
    )
    page = login(leader).get(_url("plan_history", school)).content.decode()
    assert "Actie toegevoegd: <strong>Werkvormen kiezen</strong>" in page
    assert "Doel toegevoegd: <strong>Taalstimulering</strong>" in page
    assert page.count(leader.user.get_full_name()) >= 2
    assert _url("plan_history", school) in login(leader).get(_url("plan", school)).content.decode()


def test_same_readers_as_the_plan(school, leader, staff_member, outsider, login):
    goal = _goal(school, leader)
    key = _key(goal.history.get())
    urls = [
        _url("plan_history", school),
        _url("plan_version", school, key=key),
        _url("plan_compare", school) + f"?van={key}&tot={key}",
    ]
    for url in urls:
        assert login(staff_member).get(url).status_code == 403
        assert login(outsider).get(url).status_code == 404
    assert login(leader).get(urls[0]).status_code == 200


def test_bad_version_keys(school, leader, outsider, login):
    other = _goal(outsider.organisation, outsider, title="Elders")
    mine = _goal(school, leader)
    client = login(leader)
    for key in ("x1", "g", "gabc", _key(other.history.get())):
        assert client.get(_url("plan_version", school, key=key)).status_code == 404
    same = _key(mine.history.get())
    response = client.get(_url("plan_compare", school), {"van": same, "tot": same})
    assert response.status_code == 302
    assert "Kies twee verschillende versies" in client.get(response.url).content.decode()
    response = client.get(_url("plan_compare", school), {"van": same})
    assert "Kies twee versies" in client.get(response.url).content.decode()


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_version_pages_make_as_many_queries_for_many_versions(
    school, leader, staff_member, login
):
    client = login(leader)

    def grow(n):
        for i in range(n):
            goal = _goal(school, leader, title=f"Doel {i}")
            action = action_create(
                goal=goal,
                title=f"Actie {i}",
                owner=staff_member,
                deadline=_day(30),
                actor=leader.user,
            )
            action_move(action=action, version=1, status="do", actor=leader.user)
        rows = list(history.plan_versions(history.PlanScope(organisation_id=school.pk)))
        newest, oldest = (f"{row[1]}{row[0]}" for row in (rows[0], rows[-1]))
        return [
            _url("plan_history", school),
            _url("plan_version", school, key=newest),
            _url("plan_compare", school) + f"?van={oldest}&tot={newest}",
        ]

    few = [_count(client, url) for url in grow(2)]
    many = [_count(client, url) for url in grow(15)]
    assert few == many
    assert max(many) <= 12
