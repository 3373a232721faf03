"""The goal pages and the goals on the charter: who may edit, bad input, the HTMX form, queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from organisations.tests.factories import TeamFactory, TeamMembershipFactory
from teams.models import GoalMeasurement, TeamGoal

pytestmark = pytest.mark.django_db


def _url(name, school, pk):
    return reverse(f"teams:{name}", kwargs={"slug": school.slug, "pk": pk})


def _goal(team, **fields):
    data = {"title": "Meer kinderen lezen graag", "kind": "percentage", "unit": "%"}
    data |= {"baseline": 40, "target": 70, "direction": "higher"}
    return TeamGoal.objects.create(team=team, **data | fields)


GOAL_DATA = {
    "title": "Minder laatkomers",
    "kind": "number",
    "unit": "laatkomers per week",
    "baseline": "12",
    "target": "4",
    "direction": "lower",
    "deadline": "2027-06-30",
}


def test_a_member_adds_a_goal_and_sees_it_on_the_charter(login, school, team, staff_member):
    client = login(staff_member)
    charter = _url("charter", school, team.pk)
    assert _url("goal_add", school, team.pk) in client.get(charter).content.decode()
    response = client.post(_url("goal_add", school, team.pk), GOAL_DATA)
    goal = TeamGoal.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#goal-{goal.pk}")
    assert goal.direction == "lower" and goal.created_by == staff_member.user
    html = client.get(charter).content.decode()
    assert "Minder laatkomers" in html and "Nog niet gemeten" in html


def test_bad_goal_input_is_refused_in_dutch_and_nothing_is_written(login, school, team, leader):
    client = login(leader)
    url = _url("goal_add", school, team.pk)
    response = client.post(url, GOAL_DATA | {"direction": "higher"})
    assert "boven de beginwaarde" in response.content.decode()
    response = client.post(url, GOAL_DATA | {"kind": "percentage", "baseline": "140"})
    assert "Een percentage ligt tussen 0 en 100." in response.content.decode()
    response = client.post(url, GOAL_DATA | {"title": "", "baseline": "twaalf"})
    html = response.content.decode()
    assert "Geef het doel een naam." in html and "Voer een getal in." in html
    assert not TeamGoal.objects.exists()


def test_values_are_typed_the_dutch_way(login, school, team, staff_member):
    goal = _goal(team)
    response = login(staff_member).post(
        _url("measurement_add", school, goal.pk),
        {f"m{goal.pk}-date": "2026-01-15", f"m{goal.pk}-value": "45,5"},
    )
    assert response.status_code == 302
    assert GoalMeasurement.objects.get().value == Decimal("45.5")


def test_a_measurement_in_the_future_or_out_of_range_changes_nothing(
    login, school, team, staff_member
):
    goal = _goal(team)
    client = login(staff_member)
    url = _url("measurement_add", school, goal.pk)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(url, {f"m{goal.pk}-date": tomorrow, f"m{goal.pk}-value": "50"})
    assert "Een meting kan niet in de toekomst liggen." in response.content.decode()
    response = client.post(url, {f"m{goal.pk}-date": "2026-01-15", f"m{goal.pk}-value": "101"})
    assert "Een percentage ligt tussen 0 en 100." in response.content.decode()
    assert not GoalMeasurement.objects.exists()


def test_with_htmx_the_form_opens_in_the_card_and_the_card_is_refreshed(
    login, school, team, staff_member
):
    goal = _goal(team)
    client = login(staff_member)
    url = _url("measurement_add", school, goal.pk)
    form = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in form and 'hx-post="' in form and f'name="m{goal.pk}-value"' in form
    bad = client.post(url, {f"m{goal.pk}-value": "20"}, headers={"HX-Request": "true"})
    assert "<html" not in bad.content.decode() and "Vul de datum" in bad.content.decode()
    data = {f"m{goal.pk}-date": timezone.localdate(), f"m{goal.pk}-value": "75"}
    response = client.post(url, data, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response["HX-Retarget"] == f"#goal-{goal.pk}" and response["HX-Reswap"] == "outerHTML"
    assert f'id="goal-{goal.pk}"' in html and "Streefwaarde bereikt" in html and "<svg" in html


def test_the_charter_shows_status_chart_and_table_for_every_reader(login, school, team, leader):
    goal = _goal(team, deadline=datetime.date(2020, 6, 30))  # passed
    GoalMeasurement.objects.create(goal=goal, date=datetime.date(2020, 1, 10), value=50)
    GoalMeasurement.objects.create(goal=goal, date=datetime.date(2020, 5, 10), value=60)
    other = TeamFactory(organisation=school, name="Lagere school")
    reader = TeamMembershipFactory(team=other, is_home=True).membership
    client = login(reader)
    html = client.get(_url("charter", school, team.pk)).content.decode()
    assert "Niet op koers: deadline voorbij" in html and "⚠" in html
    assert "<svg" in html and "60%" in html and "10 mei 2020" in html
    # The table of measurements comes when the reader opens it.
    assert "10 januari 2020" not in html
    table = client.get(
        _url("charter", school, team.pk), {"measurements": goal.pk}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'class="visually-hidden">Metingen van' in table and "<article" not in table
    assert "10 januari 2020" in table and "10 mei 2020" in table
    assert "measurements/" not in table  # no delete buttons for a reader
    assert _url("goal_add", school, team.pk) not in html
    assert _url("measurement_add", school, goal.pk) not in html
    assert client.get(_url("goal_edit", school, goal.pk)).status_code == 403
    assert client.post(_url("goal_delete", school, goal.pk)).status_code == 403
    assert client.post(_url("measurement_add", school, goal.pk), {}).status_code == 403
    assert TeamGoal.objects.count() == 1


def test_a_leader_edits_and_deletes_a_goal(login, school, team, leader):
    goal = _goal(team)
    client = login(leader)
    data = GOAL_DATA | {"title": "Minder laatkomers in de klas"}
    assert client.post(_url("goal_edit", school, goal.pk), data).status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Minder laatkomers in de klas" and goal.kind == "number"
    assert client.post(_url("goal_delete", school, goal.pk)).status_code == 302
    assert not TeamGoal.objects.exists()


def _charter_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_charter_makes_as_many_queries_for_many_goals_as_for_one(login, school, team, leader):
    client = login(leader)
    url = _url("charter", school, team.pk)
    goal = _goal(team)
    GoalMeasurement.objects.create(goal=goal, date=datetime.date(2026, 1, 1), value=50)
    one = _charter_queries(client, url)
    for index in range(15):
        extra = _goal(team, title=f"Doel {index}")
        GoalMeasurement.objects.bulk_create(
            GoalMeasurement(
                goal=extra,
                date=datetime.date(2025, 1, 1) + datetime.timedelta(days=d),
                value=d % 100,
            )
            for d in range(40)
        )
    many = _charter_queries(client, url)
    assert many == one and many <= 12


def test_a_member_deletes_a_wrong_measurement_and_a_reader_may_not(
    login, school, team, staff_member, leader
):
    goal = _goal(team)
    wrong = GoalMeasurement.objects.create(goal=goal, date=datetime.date(2026, 1, 1), value=5)
    url = _url("measurement_delete", school, wrong.pk)
    reader = TeamMembershipFactory(team=TeamFactory(organisation=school)).membership
    assert login(reader).post(url).status_code == 403
    client = login(staff_member)
    charter = _url("charter", school, team.pk)
    assert (
        url
        in client.get(charter, {"measurements": goal.pk}, HTTP_HX_REQUEST="true").content.decode()
    )
    response = client.post(url)
    assert response.status_code == 302 and response["Location"].endswith(f"#goal-{goal.pk}")
    assert not GoalMeasurement.objects.exists()


def test_without_javascript_the_charter_reloads_with_one_goals_measurements(
    login, school, team, leader
):
    first, second = _goal(team), _goal(team, title="Meer lezen thuis")
    # The latest measurement shows on the card; the earlier ones only in the table.
    for goal, day in ((first, 12), (second, 9)):
        GoalMeasurement.objects.create(goal=goal, date=datetime.date(2026, 2, day), value=5)
        GoalMeasurement.objects.create(goal=goal, date=datetime.date(2026, 3, 30), value=7)
    client = login(leader)
    html = client.get(_url("charter", school, team.pk), {"measurements": first.pk}).content.decode()
    assert f'<details id="goal-{first.pk}-measurements" open>' in html
    assert "12 februari 2026" in html and "9 februari 2026" not in html
    assert f"?measurements={second.pk}#goal-{second.pk}-measurements" in html


def test_the_measurements_of_another_teams_goal_are_not_found(login, school, team, leader):
    elsewhere = _goal(TeamFactory(organisation=school, name="Kleuters"))
    response = login(leader).get(
        _url("charter", school, team.pk), {"measurements": elsewhere.pk}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 404


def test_a_measurements_parameter_that_is_no_id_shows_the_charter(login, school, team, leader):
    client = login(leader)
    for value in ("²", "9" * 30):
        response = client.get(
            _url("charter", school, team.pk), {"measurements": value}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200 and "<html" in response.content.decode()
