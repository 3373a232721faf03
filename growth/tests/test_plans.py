"""The professionalisation plan: leaders edit; staff read the school and team parts and
their own individual needs; totals per dimension and team; bad input is refused."""

from decimal import Decimal

import pytest
from django.urls import reverse

from growth import selectors, services
from growth.models import Need, ProfessionalisationPlan, Response
from networks.tests.factories import EditionFactory
from organisations.access import get_access
from organisations.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def _access(membership):
    return get_access(membership.user, membership.organisation.slug)


def _url(name, school, **kwargs):
    return reverse(f"growth:{name}", kwargs={"slug": school.slug, **kwargs})


@pytest.fixture
def plan(leader):
    return services.plan_create(access=_access(leader), school_year="2026-2027")


@pytest.fixture
def filled(plan, leader, team, staff_member, colleague, school):
    access = _access(leader)
    other_team = TeamFactory(organisation=school, name="Lagere school")

    def need(dimension, text, **kw):
        return services.need_save(
            access=access, plan=plan, dimension=dimension, description=text, **kw
        )

    def respond(n, hours, budget, status=Response.Status.PLANNED, **kw):
        return services.response_save(
            access=access,
            need=n,
            kind=Response.Kind.COACHING,
            hours=Decimal(hours),
            budget=Decimal(budget),
            status=status,
            **kw,
        )

    mine = need("individual", "Mijn eigen leervraag over lezen", person=staff_member)
    respond(mine, "6", "150")
    theirs = need("individual", "Geheime nood van een collega", person=colleague)
    respond(theirs, "10", "900")
    t1 = need("team", "Co-teaching in de kleuterbouw", team=team)
    respond(t1, "12", "400")
    respond(t1, "4", "1000", status=Response.Status.CANCELLED)
    t2 = need("team", "Rekenen in de lagere school", team=other_team)
    respond(t2, "8", "250.50")
    school_need = need("school", "Een taalbeleid voor de hele school")
    respond(school_need, "3", "0")
    return plan


def test_totals_per_dimension_and_team_for_the_leader(leader, filled):
    totals = selectors.plan_totals(access=_access(leader), plan=filled)
    rows = {row["dimension"]: row for row in totals["dimensions"]}
    assert rows["individual"]["hours"] == 16 and rows["individual"]["budget"] == 1050
    assert rows["team"]["hours"] == 20 and rows["team"]["budget"] == Decimal("650.50")
    assert rows["team"]["need_count"] == 2
    assert rows["school"]["hours"] == 3
    assert totals["total"]["hours"] == 39 and totals["total"]["need_count"] == 5
    teams = {row["team__name"]: row for row in totals["teams"]}
    assert teams["Kleuterbouw"]["hours"] == 12  # the cancelled response does not count
    assert teams["Lagere school"]["budget"] == Decimal("250.50")


def test_staff_read_school_team_and_their_own_needs_only(login, staff_member, filled):
    page = login(staff_member).get(_url("plan", filled.organisation, pk=filled.pk)).text
    assert "Co-teaching" in page and "taalbeleid" in page and "Mijn eigen leervraag" in page
    assert "Geheime nood" not in page
    totals = selectors.plan_totals(access=_access(staff_member), plan=filled)
    assert totals["total"]["hours"] == 29  # without the colleague's 10 hours
    assert _url("need_new", filled.organisation, pk=filled.pk) not in page


def test_the_leader_sees_every_need_and_edit_links(login, leader, filled):
    page = login(leader).get(_url("plan", filled.organisation, pk=filled.pk)).text
    assert "Geheime nood" in page
    assert _url("need_new", filled.organisation, pk=filled.pk) in page


def test_staff_cannot_edit_the_plan(login, staff_member, filled, school):
    client = login(staff_member)
    need = Need.objects.filter(dimension="team").first()
    assert client.get(_url("need_new", school, pk=filled.pk)).status_code == 403
    assert client.post(_url("need_delete", school, pk=need.pk)).status_code == 403
    assert client.post(_url("plans", school), {"school_year": "2027-2028"}).status_code == 403
    assert Need.objects.filter(pk=need.pk).exists()
    assert ProfessionalisationPlan.objects.count() == 1


def test_a_leader_adds_a_need_and_a_course_response(login, leader, plan, team, school):
    client = login(leader)
    response = client.post(
        _url("need_new", school, pk=plan.pk),
        {"dimension": "team", "team": team.pk, "description": "Data lezen", "source": "other"},
    )
    assert response.status_code == 302
    need = Need.objects.get()
    edition = EditionFactory()
    data = {"kind": "course", "edition": edition.pk, "budget": "350", "hours": "12,5"}
    response = client.post(_url("response_new", school, pk=need.pk), data | {"status": "planned"})
    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.edition == edition and saved.hours == Decimal("12.5")


@pytest.mark.parametrize(
    "budget,hours,message",
    [("-5", "2", "minstens 0"), ("veel", "2", "Voer een getal in"), ("1", "-1", "minstens 0")],
)
def test_negative_or_non_numeric_amounts_are_refused(
    login, leader, plan, school, budget, hours, message
):
    need = services.need_save(
        access=_access(leader), plan=plan, dimension="school", description="Taalbeleid"
    )
    data = {"kind": "reading", "budget": budget, "hours": hours, "status": "planned"}
    response = login(leader).post(_url("response_new", school, pk=need.pk), data)
    assert response.status_code == 200
    assert message in response.text
    assert not Response.objects.exists()


def test_a_second_plan_for_the_same_year_is_refused(login, leader, plan, school):
    response = login(leader).post(_url("plans", school), {"school_year": "2026-2027"})
    assert response.status_code == 200
    assert "al een plan voor dat schooljaar" in response.text
    response = login(leader).post(_url("plans", school), {"school_year": "2026-2029"})
    assert "twee opeenvolgende jaren" in response.text
    assert ProfessionalisationPlan.objects.count() == 1


def test_a_need_keeps_a_link_to_its_origin(leader, plan, staff_member, today):
    import datetime

    agreement = services.agreement_create(
        access=_access(leader),
        person=staff_member,
        conversation_on=today,
        goal="Leren coachen",
        due_on=today + datetime.timedelta(days=30),
    )
    need = services.need_save(
        access=_access(leader),
        plan=plan,
        dimension="individual",
        description="Coachen",
        source=Need.Source.APPRAISAL,
        person=staff_member,
        origin=agreement,
    )
    need.refresh_from_db()
    assert need.origin == agreement


def test_another_schools_leader_cannot_reach_the_plan(login, outsider, filled):
    client = login(outsider)
    assert client.get(_url("plan", filled.organisation, pk=filled.pk)).status_code == 404
    other = _url("plan", outsider.organisation, pk=filled.pk)
    assert client.get(other).status_code == 404
