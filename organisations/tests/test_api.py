"""The JSON API for organisations, schools, teams and people: scoped like the web pages."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.services import api_token_create, api_token_revoke
from organisations.models import Membership, Team
from organisations.tests.factories import (
    CommunityFactory,
    MembershipFactory,
    SchoolFactory,
    TeamFactory,
    TeamMembershipFactory,
)

API = "/api/v1"


def token_client(membership_or_user) -> Client:
    user = getattr(membership_or_user, "user", membership_or_user)
    _token, key = api_token_create(user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


def session_client(membership_or_user) -> Client:
    client = Client()
    client.force_login(getattr(membership_or_user, "user", membership_or_user))
    return client


def query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Authentication ------------------------------------------------------------------------------


def test_anonymous_gets_401_with_a_clear_message(db):
    response = Client().get(f"{API}/me")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "Authorization: Bearer" in response.json()["detail"]
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_bad_token_gets_401(leader):
    response = Client().get(f"{API}/me", HTTP_AUTHORIZATION="Bearer lk_verzonnen")
    assert response.status_code == 401
    assert response.json()["detail"] == "Dit API-token is ongeldig of ingetrokken."
    assert 'error="invalid_token"' in response["WWW-Authenticate"]


def test_a_revoked_token_gets_401(leader, school):
    token, key = api_token_create(user=leader.user, name="weg")
    client = Client(headers={"Authorization": f"Bearer {key}"})
    assert client.get(f"{API}/organisations/{school.slug}").status_code == 200

    api_token_revoke(user=leader.user, token_id=token.pk)

    assert client.get(f"{API}/organisations/{school.slug}").status_code == 401


def test_a_bad_token_is_refused_even_with_a_valid_session(leader):
    client = session_client(leader)
    response = client.get(f"{API}/me", HTTP_AUTHORIZATION="Bearer lk_verzonnen")
    assert response.status_code == 401


def test_the_token_decides_who_you_are_over_the_session(leader, outsider):
    client = session_client(outsider)
    _token, key = api_token_create(user=leader.user, name="script")
    response = client.get(f"{API}/me", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.json()["email"] == leader.user.email


def test_the_browser_session_works_without_a_token(staff_member, school):
    response = session_client(staff_member).get(f"{API}/organisations/{school.slug}")
    assert response.status_code == 200
    assert response.json()["slug"] == school.slug


def test_read_only_endpoints_answer_405_to_post(leader, school):
    client = token_client(leader)
    assert client.post(f"{API}/me").status_code == 405
    assert client.post(f"{API}/organisations/{school.slug}/teams").status_code == 405


ENDPOINTS = [
    "/me",
    "/organisations",
    "/schools",
    "/organisations/{slug}",
    "/organisations/{slug}/teams",
    "/organisations/{slug}/teams/{team}",
    "/organisations/{slug}/people",
    "/organisations/{slug}/people/{person}",
]


@pytest.fixture
def endpoint_url(school, team, staff_member):
    def _url(endpoint):
        return API + endpoint.format(slug=school.slug, team=team.pk, person=staff_member.pk)

    return _url


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_every_endpoint_serves_leader_and_staff_and_refuses_strangers(
    endpoint, endpoint_url, leader, staff_member, outsider
):
    url = endpoint_url(endpoint)
    assert token_client(leader).get(url).status_code == 200
    assert token_client(staff_member).get(url).status_code == 200
    assert session_client(staff_member).get(url).status_code == 200
    if "{slug}" in endpoint:
        assert token_client(outsider).get(url).status_code == 404
    assert Client().get(url).status_code == 401
    bad = Client(headers={"Authorization": "Bearer lk_geen-echt-token"})
    assert bad.get(url).status_code == 401
    revoked, key = api_token_create(user=leader.user, name="ingetrokken")
    api_token_revoke(user=leader.user, token_id=revoked.pk)
    assert Client(headers={"Authorization": f"Bearer {key}"}).get(url).status_code == 401
    assert token_client(leader).post(url).status_code == 405


# /me, /organisations, /schools ---------------------------------------------------------------


def test_me_shows_the_user_and_their_memberships(leader, school):
    data = token_client(leader).get(f"{API}/me").json()
    assert data["email"] == leader.user.email
    assert data["full_name"] == leader.user.get_full_name()
    assert data["memberships"][0].pop("role_display")  # the role's name in the user's language
    assert data["memberships"] == [
        {
            "organisation": {
                "id": school.pk,
                "slug": "de-linde",
                "name": "Basisschool De Linde",
                "kind": "school",
            },
            "role": "leader",
            "function": "directeur",
        }
    ]


def test_a_token_never_lists_another_users_organisations(leader, outsider):
    mine = token_client(leader).get(f"{API}/organisations").json()
    theirs = token_client(outsider).get(f"{API}/organisations").json()
    assert [o["slug"] for o in mine] == ["de-linde"]
    assert [o["slug"] for o in theirs] == ["andere-school"]
    assert mine[0]["role"] == "leader"
    for endpoint in ("me", "schools"):
        assert "andere-school" not in token_client(leader).get(f"{API}/{endpoint}").content.decode()


def test_inactive_memberships_are_not_listed(leader):
    MembershipFactory(user=leader.user, is_active=False, organisation=SchoolFactory(slug="oud"))
    slugs = [o["slug"] for o in token_client(leader).get(f"{API}/organisations").json()]
    assert slugs == ["de-linde"]


def test_schools_include_those_of_a_community_the_user_manages(db):
    community = CommunityFactory(slug="sg-west")
    first = SchoolFactory(parent=community, name="A-school", slug="a-school")
    second = SchoolFactory(parent=community, name="B-school", slug="b-school")
    SchoolFactory(name="C-school", slug="c-school")  # another community
    director = MembershipFactory(organisation=community, role=Membership.Role.LEADER)
    MembershipFactory(user=director.user, organisation=second, role=Membership.Role.COACH)

    data = token_client(director).get(f"{API}/schools").json()

    assert [(s["slug"], s["role"], s["via_community"]) for s in data] == [
        (first.slug, "leader", True),
        (second.slug, "coach", False),
    ]
    assert data[0]["community"]["slug"] == "sg-west"


def test_staff_of_a_community_do_not_get_its_schools(db):
    community = CommunityFactory()
    SchoolFactory(parent=community)
    staff = MembershipFactory(organisation=community, role=Membership.Role.STAFF)
    assert token_client(staff).get(f"{API}/schools").json() == []


# /organisations/{slug} -----------------------------------------------------------------------


def test_leader_sees_the_organisation_and_may_manage_it(leader, school):
    data = token_client(leader).get(f"{API}/organisations/{school.slug}").json()
    assert data["name"] == "Basisschool De Linde"
    assert data["role"] == "leader"
    assert data["can_manage"] is True
    assert data["community"]["id"] == school.parent_id


def test_staff_member_sees_the_organisation_without_managing(staff_member, school):
    data = token_client(staff_member).get(f"{API}/organisations/{school.slug}").json()
    assert (data["role"], data["can_manage"]) == ("staff", False)


def test_community_leader_opens_a_school_of_their_community(school):
    director = MembershipFactory(organisation=school.parent, role=Membership.Role.LEADER)
    data = token_client(director).get(f"{API}/organisations/{school.slug}").json()
    assert (data["role"], data["can_manage"]) == ("leader", True)


@pytest.mark.parametrize(
    "path", ["", "/teams", "/teams/{team}", "/people", "/people/{person}"], ids=str
)
def test_outsider_gets_404_never_the_data(outsider, school, team, staff_member, path):
    url = f"{API}/organisations/{school.slug}" + path.format(team=team.pk, person=staff_member.pk)
    for client in (token_client(outsider), session_client(outsider)):
        response = client.get(url)
        assert response.status_code == 404
        assert school.name not in response.content.decode()
        assert team.name not in response.content.decode()
    anonymous = Client().get(url)
    assert anonymous.status_code == 401


def test_unknown_organisation_is_404(leader):
    assert token_client(leader).get(f"{API}/organisations/bestaat-niet").status_code == 404


# Teams ---------------------------------------------------------------------------------------


def test_team_list_has_mission_and_member_count(staff_member, school, team):
    TeamMembershipFactory(team=team)  # a second member, not at home here
    data = token_client(staff_member).get(f"{API}/organisations/{school.slug}/teams").json()
    assert data["count"] == 1
    assert data["items"] == [
        {
            "id": team.pk,
            "name": "Kleuterbouw",
            "mission": team.mission,
            "member_count": 2,
            "home_count": 1,
        }
    ]


def test_team_list_is_paginated_at_most_50(leader, school):
    Team.objects.bulk_create(Team(organisation=school, name=f"Team {i:02}") for i in range(55))
    client = token_client(leader)
    url = f"{API}/organisations/{school.slug}/teams"

    first = client.get(url).json()
    assert (first["count"], len(first["items"])) == (55, 50)
    assert len(client.get(url, {"limit": 500}).json()["items"]) == 50
    page = client.get(url, {"limit": 10, "offset": 50}).json()
    assert [t["name"] for t in page["items"]] == [f"Team {i}" for i in range(50, 55)]
    assert client.get(url, {"limit": 0}).status_code == 400


def test_team_list_query_count_does_not_grow_with_teams(leader, school):
    client = session_client(leader)
    url = f"{API}/organisations/{school.slug}/teams"

    def add_teams(n):
        for _ in range(n):
            team = TeamFactory(organisation=school)
            TeamMembershipFactory.create_batch(2, team=team)

    add_teams(2)
    few = query_count(client, url)
    add_teams(18)
    many = query_count(client, url)
    assert client.get(url).json()["count"] == 20
    assert few == many


def test_team_detail_lists_members_home_first(leader, school, team, staff_member):
    guest = TeamMembershipFactory(team=team).membership
    data = token_client(leader).get(f"{API}/organisations/{school.slug}/teams/{team.pk}").json()
    assert data["name"] == "Kleuterbouw"
    assert [(m["person_id"], m["is_home"]) for m in data["members"]] == [
        (staff_member.pk, True),
        (guest.pk, False),
    ]
    assert data["members"][0]["name"] == str(staff_member.user)


def test_team_of_another_school_is_404_under_your_own_slug(leader, school):
    foreign = TeamFactory(organisation=SchoolFactory())
    url = f"{API}/organisations/{school.slug}/teams/{foreign.pk}"
    assert token_client(leader).get(url).status_code == 404


# People --------------------------------------------------------------------------------------


def test_people_list_shows_people_with_their_teams(staff_member, leader, school, team):
    MembershipFactory(organisation=school, is_active=False)  # left the school
    data = token_client(staff_member).get(f"{API}/organisations/{school.slug}/people").json()
    assert data["count"] == 2
    by_id = {p["id"]: p for p in data["items"]}
    assert by_id[staff_member.pk]["teams"] == [
        {"id": team.pk, "name": "Kleuterbouw", "is_home": True}
    ]
    assert by_id[leader.pk]["role"] == "leader"
    assert by_id[leader.pk]["email"] == leader.user.email


def test_people_search_works_like_the_staff_page(leader, school):
    MembershipFactory(organisation=school, user__last_name="Vermeulen", function="zorgcoördinator")
    MembershipFactory(organisation=school, user__last_name="Janssens", function="leerkracht")
    client = token_client(leader)
    url = f"{API}/organisations/{school.slug}/people"

    assert [p["last_name"] for p in client.get(url, {"q": "zorg"}).json()["items"]] == ["Vermeulen"]
    assert client.get(url, {"q": "vermeulen zorg"}).json()["count"] == 1
    assert client.get(url, {"q": "niemand"}).json() == {"items": [], "count": 0}


def test_people_list_is_paginated(leader, school):
    MembershipFactory.create_batch(6, organisation=school)
    page = token_client(leader).get(
        f"{API}/organisations/{school.slug}/people", {"limit": 5, "offset": 5}
    )
    assert page.json()["count"] == 7
    assert len(page.json()["items"]) == 2


def test_people_list_query_count_does_not_grow_with_people(leader, school, team):
    client = session_client(leader)
    url = f"{API}/organisations/{school.slug}/people"
    TeamMembershipFactory(team=team, is_home=True)
    few = query_count(client, url)
    TeamMembershipFactory.create_batch(18, team=team, is_home=True)
    many = query_count(client, url)
    assert client.get(url).json()["count"] == 20
    assert few == many


def test_person_detail_shows_their_teams_home_first(staff_member, school, team):
    other = TeamFactory(organisation=school, name="Aaa-werkgroep")
    TeamMembershipFactory(team=other, membership=staff_member)
    url = f"{API}/organisations/{school.slug}/people/{staff_member.pk}"
    data = token_client(staff_member).get(url).json()
    assert data["name"] == str(staff_member.user)
    assert [(t["name"], t["is_home"]) for t in data["teams"]] == [
        ("Kleuterbouw", True),
        ("Aaa-werkgroep", False),
    ]


def test_person_of_another_school_is_404_under_your_own_slug(leader, school, outsider):
    url = f"{API}/organisations/{school.slug}/people/{outsider.pk}"
    assert token_client(leader).get(url).status_code == 404
