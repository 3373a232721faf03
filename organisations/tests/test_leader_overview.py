"""The school overview is a leader's starting point: every app's section to follow up."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from communities.tests.factories import PLGFactory
from surveys.loader import load_all
from surveys.models import InstrumentVersion
from surveys.services import survey_create
from teams.models import Decision

pytestmark = pytest.mark.django_db


def _overview(client, school):
    return client.get(reverse("organisations:overview", kwargs={"slug": school.slug}))


def _sections(client, school, **headers) -> dict:
    """Every app's sections as the overview loads them, by title, and their markup."""
    overview = _overview(client, school)
    found, html = {}, ""
    for app in overview.context["section_apps"]:
        url = reverse(
            "organisations:overview_sections", kwargs={"slug": school.slug, "app": app.label}
        )
        assert url in overview.content.decode()
        response = client.get(url, **headers)
        assert response.status_code == 200
        found |= {section["title"]: section for section in response.context["sections"]}
        html += response.content.decode()
    return found, html


def test_a_leader_sees_unclear_decisions_open_rounds_and_active_plgs(login, school, leader, team):
    Decision.objects.create(organisation=school, theme="Mensen", name="Aanwerving", owner="")
    Decision.objects.create(organisation=school, theme="Mensen", name="Lesrooster", owner="team")
    load_all()
    today = timezone.localdate()
    survey_create(
        organisation=school,
        version=InstrumentVersion.objects.get(instrument__code="teampols"),
        title="Teampols november",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=7),
        actor=leader.user,
    )
    PLGFactory(organisation=school, name="Rekenen in de kleuterklas")
    PLGFactory(organisation=school, status="closed")

    sections, html = _sections(login(leader), school, headers={"HX-Request": "true"})

    decisions = sections["Beslissingsmatrix"]
    assert (decisions["figure"], decisions["attention"]) == (1, True)
    assert [label for label, _url in decisions["items"]] == ["Aanwerving"]
    surveys = sections["Bevragingen"]
    assert surveys["figure"] == 1
    assert surveys["items"][0][0].startswith("Teampols november: 0 van 0 beantwoord")
    plgs = sections["Professionele leergemeenschappen"]
    assert plgs["figure"] == 1
    assert "<html" not in html  # HTMX gets the cards alone
    assert "<strong>1</strong> beslissing nog onduidelijk" in " ".join(html.split())


def test_a_school_without_a_matrix_is_told_so(login, school, leader):
    sections, html = _sections(login(leader), school)
    assert "Op te volgen" in html  # without JavaScript, each app's sections are a page
    assert sections["Beslissingsmatrix"]["summary"] == "De beslissingsmatrix is nog niet ingevuld."


def test_staff_get_no_follow_up_sections(login, school, staff_member):
    client = login(staff_member)
    response = _overview(client, school)
    assert "section_apps" not in response.context
    assert "Op te volgen" not in response.content.decode()
    url = reverse("organisations:overview_sections", kwargs={"slug": school.slug, "app": "teams"})
    assert client.get(url).status_code == 403


def test_an_app_without_sections_is_not_found(login, school, leader):
    kwargs = {"slug": school.slug, "app": "accounts"}
    url = reverse("organisations:overview_sections", kwargs=kwargs)
    assert login(leader).get(url).status_code == 404
