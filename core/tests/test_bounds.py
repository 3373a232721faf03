"""Numbers in URLs and query strings beyond the database's integers are refused or not found,
never a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.services import api_token_create
from core.converters import MAX_ID
from organisations.models import Team

HUGE = "99999999999999999999"
API = "/api/v1"


@pytest.fixture
def api_client(leader):
    _token, key = api_token_create(user=leader.user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


# Path ids in the web pages -------------------------------------------------------------------


def test_an_id_beyond_the_database_range_is_not_found(login, leader, school):
    client = login(leader)
    team_url = reverse("organisations:team_detail", kwargs={"slug": school.slug, "pk": 1})

    for pk in (HUGE, str(MAX_ID + 1), "9" * 5000):
        response = client.get(team_url.replace("/1/", f"/{pk}/"))
        assert response.status_code == 404, pk


def test_the_largest_id_is_looked_up_and_not_found(login, leader, school):
    url = reverse("organisations:team_detail", kwargs={"slug": school.slug, "pk": MAX_ID})

    assert login(leader).get(url).status_code == 404


def test_an_id_in_range_still_opens_the_page(login, leader, team, school):
    url = reverse("organisations:team_detail", kwargs={"slug": school.slug, "pk": team.pk})

    assert login(leader).get(url).status_code == 200


# Page numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [HUGE, "9" * 5000, str(2**31), "-1", "abc", "1e9", ""])
def test_any_page_number_gives_a_page(login, leader, school, page):
    Team.objects.bulk_create(Team(organisation=school, name=f"Team {i:02}") for i in range(55))

    response = login(leader).get(
        reverse("organisations:team_list", args=[school.slug]), {"page": page}
    )

    assert response.status_code == 200


def test_a_page_number_beyond_the_last_gives_the_last(login, leader, school, rf):
    from core.pagination import paginate

    request = rf.get("/", {"page": HUGE})
    assert paginate(request, list(range(120)), per_page=50).number == 3
    assert paginate(rf.get("/", {"page": "2"}), list(range(120)), per_page=50).number == 2


# The API -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "word"),
    [
        ({"offset": HUGE}, "offset"),
        ({"offset": str(2**31)}, "offset"),
        ({"limit": HUGE}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"limit": "0"}, "limit"),
        ({"offset": "abc"}, "offset"),
    ],
)
def test_api_pagination_beyond_its_bounds_is_a_clear_400(api_client, school, params, word):
    for endpoint in ("people", "teams"):
        response = api_client.get(f"{API}/organisations/{school.slug}/{endpoint}", params)

        assert response.status_code == 400, (endpoint, params)
        assert f"‘{word}’" in response.json()["detail"]


def test_api_refusals_are_in_the_users_language(api_client, school):
    url = f"{API}/organisations/{school.slug}/people"

    dutch = api_client.get(url, {"offset": HUGE}).json()["detail"]
    english = api_client.get(url, {"offset": HUGE}, headers={"accept-language": "en"}).json()

    assert dutch == "‘offset’ mag hoogstens 2147483647 zijn."
    assert english["detail"] == "“offset” may be at most 2147483647."


def test_the_largest_offset_is_an_empty_page(api_client, school):
    url = f"{API}/organisations/{school.slug}/people"

    response = api_client.get(url, {"offset": str(2**31 - 1)})

    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("endpoint", ["teams", "people"])
def test_api_path_ids_beyond_the_database_range_are_refused(api_client, school, endpoint):
    for pk in (HUGE, str(MAX_ID + 1)):
        response = api_client.get(f"{API}/organisations/{school.slug}/{endpoint}/{pk}")
        assert response.status_code == 400, pk
    assert (
        api_client.get(f"{API}/organisations/{school.slug}/{endpoint}/{MAX_ID}").status_code == 404
    )


def test_api_refuses_a_slug_or_search_the_database_cannot_take(api_client, school):
    assert api_client.get(f"{API}/organisations/bad%00slug").status_code == 400
    response = api_client.get(f"{API}/organisations/{school.slug}/people", {"q": "a\x00b"})
    assert response.status_code == 400
