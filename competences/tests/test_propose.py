"""A fragile or missing competence of a team goes to the development points with one click."""

import pytest
from django.urls import reverse

from competences.models import Rating
from development.models import DevelopmentPoint
from organisations.tests.factories import TeamMembershipFactory

pytestmark = pytest.mark.django_db


def _url(framework, team, competence):
    kwargs = {
        "slug": framework.organisation.slug,
        "fw": framework.pk,
        "team": team.pk,
        "competence": competence.pk,
    }
    return reverse("competences:propose", kwargs=kwargs)


def test_the_leader_sends_a_fragile_competence_once(login, leader, team, staff_member, framework):
    data = framework.competences.get(code="DATA")
    Rating.objects.create(membership=staff_member, competence=data, kind="agreed", level=4)
    client = login(leader)
    matrix = reverse(
        "competences:team_matrix",
        kwargs={"slug": team.organisation.slug, "fw": framework.pk, "pk": team.pk},
    )
    assert _url(framework, team, data) in client.get(matrix).content.decode()
    response = client.post(_url(framework, team, data))
    assert response.status_code == 302
    point = DevelopmentPoint.objects.get()
    assert (point.source, point.key, point.team, point.origin) == (
        "competence_fragile",
        f"{team.pk}:DATA",
        team,
        data,
    )
    assert "Datageletterdheid" in point.description and "één persoon" in point.description
    assert point.origin_url().startswith(matrix)
    client.post(_url(framework, team, data))
    assert DevelopmentPoint.objects.count() == 1
    html = client.get(matrix).content.decode()
    assert _url(framework, team, data) not in html
    assert "verstuurd naar de ontwikkelpunten" in html


def test_a_missing_competence_is_sent_as_missing(login, leader, team, framework):
    care = framework.competences.get(code="ZORG")
    login(leader).post(_url(framework, team, care))
    assert DevelopmentPoint.objects.get().source == "competence_missing"


def test_an_assured_competence_is_not_sent(login, leader, team, staff_member, framework):
    care = framework.competences.get(code="ZORG")
    colleague = TeamMembershipFactory(team=team).membership
    for person in (staff_member, colleague):
        Rating.objects.create(membership=person, competence=care, kind="agreed", level=3)
    response = login(leader).post(_url(framework, team, care), follow=True)
    assert "niet (meer) kwetsbaar" in response.content.decode()
    assert not DevelopmentPoint.objects.exists()


def test_staff_and_coaches_do_not_send(login, staff_member, coach, team, framework):
    care = framework.competences.get(code="ZORG")
    for who in (staff_member, coach):
        assert login(who).post(_url(framework, team, care)).status_code == 403
    assert not DevelopmentPoint.objects.exists()
