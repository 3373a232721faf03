"""The school's inbox of development points."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from development.models import DevelopmentPoint
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, TeamFactory
from surveys import services as survey_services
from surveys.loader import load_all
from surveys.models import InstrumentVersion


def _url(school):
    return reverse("development:point_list", kwargs={"slug": school.slug})


def test_a_leader_sees_every_point_with_its_source_origin_team_and_status(
    school, team, leader, login, propose
):
    point = propose(team)
    response = login(leader).get(_url(school))
    assert response.status_code == 200
    page = response.content.decode()
    assert point.description in page
    assert "competentie ontbreekt in een team" in page  # the source, readable
    assert f'href="{point.anchor}"' in page  # the link back to the origin
    assert ">Kleuterbouw<" in page  # the origin's name and the team
    assert "? voorgesteld" in page  # the status with a symbol, not by colour alone
    assert f'id="point-{point.pk}"' in page


def test_the_list_filters_by_status_and_source(school, team, leader, login, propose):
    language = propose(team)
    maths = propose(team, key="K-rekenen", source=DevelopmentPoint.Source.COMPETENCE_FRAGILE)
    DevelopmentPoint.objects.filter(pk=maths.pk).update(status=DevelopmentPoint.Status.ACCEPTED)
    client = login(leader)

    def shown(query):
        return [p.pk for p in client.get(_url(school) + query).context["page"]]

    assert shown("") == [maths.pk, language.pk]
    assert shown("?status=proposed") == [language.pk]
    assert shown("?status=accepted") == [maths.pk]
    assert shown("?source=competence_fragile") == [maths.pk]
    assert shown("?status=proposed&source=competence_fragile") == []
    assert (
        "Geen ontwikkelpunten voor deze filters."
        in client.get(_url(school) + "?status=declined").content.decode()
    )


def test_an_unknown_filter_says_so_and_filters_nothing(school, team, leader, login, propose):
    propose(team)
    response = login(leader).get(_url(school) + "?status=maybe")
    assert response.status_code == 200
    assert len(response.context["page"]) == 1
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_staff_get_403_outsiders_404_and_anonymous_the_login(
    school, team, staff_member, outsider, client, login, propose
):
    propose(team)
    assert client.get(_url(school)).status_code == 302
    assert login(staff_member).get(_url(school)).status_code == 403
    assert login(outsider).get(_url(school)).status_code == 404


def test_points_of_another_school_are_not_listed(school, team, leader, outsider, login, propose):
    mine = propose(team)
    propose(TeamFactory(organisation=outsider.organisation, name="Elders"))
    assert [p.pk for p in login(leader).get(_url(school)).context["page"]] == [mine.pk]


def test_a_leader_does_not_see_the_points_of_a_360_about_someone_else(school, leader, login):
    load_all()
    today = timezone.localdate()
    survey = survey_services.survey_create(
        organisation=school,
        version=InstrumentVersion.objects.get(instrument__code="gedeeld-leiderschap-360"),
        title="360° directeur",
        subject=leader,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
    )
    from development.services import point_propose

    point, _ = point_propose(
        organisation=school,
        origin=survey.rounds.get(),
        source="weak",
        key="data",
        description="Versterk data.",
        actor=leader.user,
    )
    colleague = MembershipFactory(organisation=school, role=Membership.Role.ADMIN)
    assert len(login(colleague).get(_url(school)).context["page"]) == 0
    decide = reverse("development:point_decide", kwargs={"slug": school.slug, "pk": point.pk})
    assert login(colleague).post(decide, {"decision": "accept"}).status_code == 404
    page = login(leader).get(_url(school)).content.decode()
    assert "360° directeur (voormeting)" in page  # the round names its survey
    survey.shared_with.add(colleague)
    assert len(login(colleague).get(_url(school)).context["page"]) == 1


def test_the_old_survey_points_page_leads_here(school, leader, login):
    old = reverse("surveys:point_list", kwargs={"slug": school.slug})
    response = login(leader).get(old)
    assert (response.status_code, response.url) == (302, _url(school))


def test_leaders_find_the_inbox_in_the_navigation(school, leader, staff_member, login):
    overview = reverse("organisations:overview", kwargs={"slug": school.slug})
    assert f'href="{_url(school)}"' in login(leader).get(overview).content.decode()
    assert f'href="{_url(school)}"' not in login(staff_member).get(overview).content.decode()


@pytest.mark.parametrize("rows", [1, 6])
def test_the_query_count_does_not_grow_with_the_points(
    school, leader, login, propose, rows, django_assert_num_queries
):
    for index in range(rows):
        team = TeamFactory(organisation=school, name=f"Team {index}")
        propose(team, key=f"K-{index}")
        propose(team, key=f"R-{index}", source=DevelopmentPoint.Source.COMPETENCE_FRAGILE)
    client = login(leader)
    client.get(_url(school))
    with django_assert_num_queries(6):
        response = client.get(_url(school))
    assert len(response.context["page"]) == 2 * rows
