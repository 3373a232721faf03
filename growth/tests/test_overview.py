"""This school year's professionalisation plan on a leader's overview."""

import pytest
from django.urls import reverse
from django.utils import timezone

from growth import services
from growth.models import school_year_of
from organisations.access import get_access

pytestmark = pytest.mark.django_db


def _sections(client, school):
    url = reverse("organisations:overview_sections", kwargs={"slug": school.slug, "app": "growth"})
    return client.get(url)


def test_without_a_plan_the_overview_asks_to_make_one(login, leader, school):
    response = _sections(login(leader), school)
    assert response.status_code == 200
    assert "Er is nog geen plan voor dit schooljaar." in response.text


def test_the_overview_shows_hours_and_needs_without_response(login, leader, school):
    access = get_access(leader.user, school.slug)
    plan = services.plan_create(access=access, school_year=school_year_of(timezone.localdate()))
    need = services.need_save(access=access, plan=plan, dimension="school", description="Taal")
    services.need_save(access=access, plan=plan, dimension="school", description="Rekenbeleid")
    services.response_save(access=access, need=need, kind="reading", hours=12, budget=80)
    text = _sections(login(leader), school).text
    assert "uur gepland" in text and "80,00" in text
    assert "Rekenbeleid" in text and "Nog geen antwoord: Taal" not in text
