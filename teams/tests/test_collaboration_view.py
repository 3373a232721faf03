"""The collaboration page: who sees it, what it names, and that it stays light."""

import pytest
from django.urls import reverse

from communities.tests.factories import PLGFactory, PLGMemberFactory
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, TeamFactory, TeamMembershipFactory

pytestmark = pytest.mark.django_db


def _url(school):
    return reverse("teams:collaboration", kwargs={"slug": school.slug})


@pytest.fixture
def teams(school, team, staff_member):
    """Kleuterbouw and Lagere school share a PLG; Zorgteam stands alone."""
    lower = TeamFactory(organisation=school, name="Lagere school")
    care = TeamFactory(organisation=school, name="Zorgteam")
    colleague = TeamMembershipFactory(team=lower, is_home=True).membership
    plg = PLGFactory(organisation=school, name="Rekenen met begrip")
    PLGMemberFactory(plg=plg, person=staff_member)
    PLGMemberFactory(plg=plg, person=colleague)
    alone = TeamMembershipFactory(team=care, is_home=True).membership
    alone.user.first_name, alone.user.last_name = "Ilse", "Eiland"
    alone.user.save()
    return {"lower": lower, "care": care}


def test_a_leader_sees_the_island_team_and_person_with_links_to_charters(
    login, school, leader, teams
):
    response = login(leader).get(_url(school))
    assert response.status_code == 200
    html = response.content.decode()
    care = reverse("teams:charter", kwargs={"slug": school.slug, "pk": teams["care"].pk})
    assert f'href="{care}"' in html
    assert "<svg" in html and "eiland" in html
    assert "Ilse Eiland" in html
    assert "Rekenen met begrip" in html  # what connects Kleuterbouw and Lagere school
    result = response.context["result"]
    assert [t.name for t in result.island_teams] == ["Zorgteam"]


def test_a_coach_sees_it(login, school, teams):
    coach = MembershipFactory(organisation=school, role=Membership.Role.COACH)
    assert login(coach).get(_url(school)).status_code == 200


def test_a_staff_member_may_not_see_it(login, school, staff_member, teams):
    assert login(staff_member).get(_url(school)).status_code == 403


def test_another_school_gets_404(login, school, outsider):
    assert login(outsider).get(_url(school)).status_code == 404


def test_the_query_count_does_not_grow_with_teams(
    login, school, leader, teams, django_assert_max_num_queries
):
    client = login(leader)
    client.get(_url(school))
    with django_assert_max_num_queries(12) as captured:
        client.get(_url(school))
    before = len(captured)
    for name in ("Eerste graad", "Tweede graad", "Derde graad"):
        extra = TeamFactory(organisation=school, name=name)
        TeamMembershipFactory(team=extra, is_home=True)
        TeamMembershipFactory(
            team=teams["lower"],
            membership=TeamMembershipFactory(team=extra, is_home=True).membership,
        )
    with django_assert_max_num_queries(before) as captured:
        client.get(_url(school))


def test_the_school_overview_names_the_island_team(
    login, school, leader, teams, django_assert_max_num_queries
):
    client = login(leader)
    overview = reverse(
        "organisations:overview_sections", kwargs={"slug": school.slug, "app": "teams"}
    )
    response = client.get(overview)
    sections = {section["title"]: section for section in response.context["sections"]}
    card = sections["Eilandteams"]
    care = reverse("teams:charter", kwargs={"slug": school.slug, "pk": teams["care"].pk})
    assert (card["figure"], card["attention"], card["items"]) == (1, True, [("Zorgteam", care)])
    assert card["url"] == _url(school)
    assert "<strong>1</strong> team deelt geen collega" in " ".join(
        response.content.decode().split()
    )


def test_the_navigation_links_leaders_and_coaches_but_not_staff(login, school, leader, teams):
    html = login(leader).get(reverse("teams:decision_matrix", kwargs={"slug": school.slug}))
    assert f'href="{_url(school)}"' in html.content.decode()
    page = login(leader).get(_url(school)).content.decode()
    assert f'href="{_url(school)}" aria-current="page"' in page
    staff = teams["lower"].team_memberships.get().membership
    html = login(staff).get(reverse("teams:decision_matrix", kwargs={"slug": school.slug}))
    assert _url(school) not in html.content.decode()
