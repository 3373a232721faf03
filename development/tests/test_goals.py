"""Goals of the action plan, and turning an accepted development point into one."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from core.errors import LeerkringError
from development.models import DevelopmentPoint, Goal
from development.services import goal_create
from organisations.tests.factories import TeamFactory


def _deadline(days=120):
    return timezone.localdate() + datetime.timedelta(days=days)


def _fields(**overrides):
    return {
        "title": "Taalstimulering bij de jongste kleuters",
        "description": "In juni gebruikt elke kleuterleerkracht twee nieuwe werkvormen.",
        "deadline": _deadline(),
    } | overrides


def _accepted(point):
    DevelopmentPoint.objects.filter(pk=point.pk).update(status=DevelopmentPoint.Status.ACCEPTED)
    point.refresh_from_db()
    return point


def test_a_goal_from_accepted_points_plans_them(school, team, leader, propose):
    point = _accepted(propose(team))
    goal = goal_create(organisation=school, actor=leader.user, points=[point], **_fields())
    assert list(goal.points.all()) == [point]
    point.refresh_from_db()
    assert point.status == DevelopmentPoint.Status.PLANNED
    assert goal.status == Goal.Status.PLANNED and goal.created_by == leader.user
    assert AuditEvent.objects.filter(
        object_type="development.goal", object_id=str(goal.pk)
    ).exists()


@pytest.mark.parametrize(
    "overrides,field",
    [
        ({"title": "  "}, "title"),
        ({"description": ""}, "description"),
        ({"deadline": None}, "deadline"),
        ({"deadline": _deadline(-1)}, "deadline"),
        ({"title": "x" * 201}, "title"),
    ],
)
def test_a_goal_needs_a_title_a_description_and_a_deadline(
    school, team, leader, propose, overrides, field
):
    point = _accepted(propose(team))
    with pytest.raises(LeerkringError) as error:
        goal_create(organisation=school, actor=leader.user, points=[point], **_fields(**overrides))
    assert error.value.field == field
    assert not Goal.objects.exists()
    point.refresh_from_db()
    assert point.status == DevelopmentPoint.Status.ACCEPTED


def test_only_accepted_points_of_the_school_become_goals(school, team, leader, outsider, propose):
    proposed = propose(team)
    elsewhere = _accepted(propose(TeamFactory(organisation=outsider.organisation, name="Elders")))
    for point in (proposed, elsewhere):
        with pytest.raises(LeerkringError):
            goal_create(organisation=school, actor=leader.user, points=[point], **_fields())
    assert not Goal.objects.exists()


def test_turning_a_point_into_a_goal_from_the_inbox(school, team, leader, login, propose):
    point = _accepted(propose(team))
    client = login(leader)
    inbox = client.get(reverse("development:point_list", kwargs={"slug": school.slug}))
    create = reverse("development:goal_create", kwargs={"slug": school.slug})
    assert f'href="{create}?point={point.pk}"' in inbox.content.decode()
    form = client.get(f"{create}?point={point.pk}")
    assert form.status_code == 200
    assert form.context["form"].initial["title"] == point.description
    data = {"point": point.pk, **_fields(deadline=_deadline().isoformat())}
    response = client.post(create, data)
    goal = Goal.objects.get()
    plan = reverse("development:plan", kwargs={"slug": school.slug})
    assert response.url == f"{plan}#goal-{goal.pk}"
    page = client.get(plan).content.decode()
    assert goal.title in page and point.description in page
    assert f'href="{point.anchor}"' in page  # the link back to the point's origin
    point.refresh_from_db()
    assert point.status == DevelopmentPoint.Status.PLANNED


def test_bad_input_shows_dutch_errors_and_saves_nothing(school, team, leader, login, propose):
    point = _accepted(propose(team))
    create = reverse("development:goal_create", kwargs={"slug": school.slug})
    data = {"point": point.pk, "title": "", "description": "Meetbaar", "deadline": "morgen"}
    response = login(leader).post(create, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dit veld is verplicht." in page
    assert "Voer een geldige datum in." in page
    past = {**data, "title": "Doel", "deadline": _deadline(-3).isoformat()}
    assert "De deadline kan niet in het verleden liggen." in (
        login(leader).post(create, past).content.decode()
    )
    assert not Goal.objects.exists()
    point.refresh_from_db()
    assert point.status == DevelopmentPoint.Status.ACCEPTED


def test_a_goal_without_points_can_be_added(school, leader, login):
    create = reverse("development:goal_create", kwargs={"slug": school.slug})
    response = login(leader).post(create, _fields(deadline=_deadline().isoformat()))
    assert response.status_code == 302
    assert Goal.objects.get().points.count() == 0


def test_staff_get_403_outsiders_404(school, staff_member, outsider, login):
    for name in ("development:plan", "development:goal_create"):
        url = reverse(name, kwargs={"slug": school.slug})
        assert login(staff_member).get(url).status_code == 403
        assert login(outsider).get(url).status_code == 404


def test_a_point_one_may_not_see_is_404(school, leader, outsider, login, propose):
    elsewhere = propose(TeamFactory(organisation=outsider.organisation, name="Elders"))
    create = reverse("development:goal_create", kwargs={"slug": school.slug})
    assert login(leader).get(f"{create}?point={elsewhere.pk}").status_code == 404
    assert login(leader).get(f"{create}?point=abc").status_code == 404


@pytest.mark.parametrize("goals", [1, 5])
def test_the_plan_query_count_does_not_grow(
    school, leader, login, propose, goals, django_assert_num_queries
):
    for index in range(goals):
        team = TeamFactory(organisation=school, name=f"Team {index}")
        points = [_accepted(propose(team, key=f"K-{index}-{n}")) for n in range(2)]
        goal_create(
            organisation=school, actor=leader.user, points=points, **_fields(title=f"Doel {index}")
        )
    client = login(leader)
    url = reverse("development:plan", kwargs={"slug": school.slug})
    client.get(url)
    with django_assert_num_queries(9):
        response = client.get(url)
    assert response.content.decode().count('class="goal"') == goals


def test_a_leader_moves_a_goal_to_another_status(school, leader, staff_member, login):
    goal = goal_create(organisation=school, actor=leader.user, **_fields())
    url = reverse("development:goal_status", kwargs={"slug": school.slug, "pk": goal.pk})
    client = login(leader)
    response = client.post(url, {"status": "in_progress"})
    plan = reverse("development:plan", kwargs={"slug": school.slug})
    assert response.url == f"{plan}#goal-{goal.pk}"
    goal.refresh_from_db()
    assert goal.status == Goal.Status.IN_PROGRESS
    page = client.get(plan).content.decode()
    assert "▸ bezig" in page
    assert AuditEvent.objects.filter(
        object_type="development.goal", action=AuditEvent.Action.UPDATE
    ).exists()
    bad = client.post(url, {"status": "done-ish"})
    assert "Kies een van de statussen." in client.get(bad.url).content.decode()
    goal.refresh_from_db()
    assert goal.status == Goal.Status.IN_PROGRESS
    assert login(staff_member).post(url, {"status": "achieved"}).status_code == 403
    goal.refresh_from_db()
    assert goal.status == Goal.Status.IN_PROGRESS


def test_a_goal_of_another_school_is_404(school, leader, outsider, login):
    theirs = goal_create(organisation=outsider.organisation, actor=outsider.user, **_fields())
    url = reverse("development:goal_status", kwargs={"slug": school.slug, "pk": theirs.pk})
    assert login(leader).post(url, {"status": "achieved"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Goal.Status.PLANNED


def test_a_goals_measures_open_as_a_page_of_their_own_without_javascript(login, leader, school):
    goal = goal_create(
        organisation=school,
        title="Leesplezier",
        description="70% leest graag.",
        deadline=datetime.date.today() + datetime.timedelta(days=90),
        actor=leader.user,
    )
    client = login(leader)
    plan = client.get(reverse("development:plan", kwargs={"slug": school.slug})).content.decode()
    url = reverse("development:goal_measures", kwargs={"slug": school.slug, "pk": goal.pk})
    assert f'<a href="{url}">' in plan  # the link the page offers without JavaScript
    page = client.get(url).content.decode()
    assert "<h1>Leesplezier</h1>" in page and "Nog geen nieuwe meting" in page
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith(f'<div class="goal-measures" id="goal-{goal.pk}-measures">')


def test_staff_do_not_read_a_goals_measures(login, staff_member, leader, school):
    goal = goal_create(
        organisation=school,
        title="Leesplezier",
        description="70% leest graag.",
        deadline=datetime.date.today() + datetime.timedelta(days=90),
        actor=leader.user,
    )
    url = reverse("development:goal_measures", kwargs={"slug": school.slug, "pk": goal.pk})
    assert login(staff_member).get(url).status_code == 403
