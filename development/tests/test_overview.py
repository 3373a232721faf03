"""Development points on a school leader's overview."""

from django.test import RequestFactory
from django.urls import reverse

from development import overview
from development.models import DevelopmentPoint
from organisations.access import get_access


def _request(membership):
    request = RequestFactory().get("/")
    request.user = membership.user
    request.access = get_access(membership.user, membership.organisation.slug)
    request.organisation = request.access.organisation
    return request


def test_the_card_counts_the_points_waiting_in_one_query(
    school, team, leader, propose, django_assert_num_queries
):
    points = [propose(team, key=f"K-{index}") for index in range(7)]
    DevelopmentPoint.objects.filter(pk=points[0].pk).update(status="accepted")
    request = _request(leader)
    overview.sections(request)  # the content types are read once per process
    with django_assert_num_queries(1):
        [card] = overview.sections(request)
    assert card["figure"] == 6 and card["attention"]
    url = reverse("development:point_list", kwargs={"slug": school.slug})
    label, link = card["items"][0]
    assert link == f"{url}#point-{points[-1].pk}"
    assert label == "Werk aan K-6 in Kleuterbouw."  # short texts stay whole, long ones end in …
    assert len(card["items"]) == 3
    assert card["url"] == f"{url}?status=proposed"


def test_nothing_waiting_needs_no_attention(school, leader, login):
    [card] = overview.sections(_request(leader))
    assert (card["figure"], card["attention"], card["items"]) == (0, False, [])
    url = reverse(
        "organisations:overview_sections", kwargs={"slug": school.slug, "app": "development"}
    )
    page = login(leader).get(url)
    assert "punten wachten op een beslissing" in page.content.decode()
