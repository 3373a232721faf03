"""The overview card, the navigation item and the demo data of value stream maps."""

import random
from types import SimpleNamespace

from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from organisations.access import get_access
from valuestreams import demo, overview
from valuestreams.models import ValueStreamMap


def _request(membership):
    request = RequestFactory().get("/")
    request.user = membership.user
    request.access = get_access(membership.user, membership.organisation.slug)
    request.organisation = request.access.organisation
    return request


def test_the_card_lists_the_maps_with_their_flow_efficiency_in_one_query(
    school, intake, leader, django_assert_num_queries
):
    request = _request(leader)
    with translation.override("nl-be"), django_assert_num_queries(1):
        [card] = overview.sections(request)
    assert card["figure"] == 1
    label, url = card["items"][0]
    assert label == "Inschrijving nieuwe leerling (huidige situatie): flowefficiëntie 1%"
    assert url == reverse("valuestreams:map_detail", kwargs={"slug": school.slug, "pk": intake.pk})


def test_everyone_of_the_school_finds_the_maps_in_the_navigation(school, staff_member, login):
    url = reverse("valuestreams:map_list", kwargs={"slug": school.slug})
    overview_url = reverse("organisations:overview", kwargs={"slug": school.slug})
    assert f'href="{url}"' in login(staff_member).get(overview_url).content.decode()


def test_the_demo_maps_the_intake_as_current_and_future_with_pain_points(school, leader):
    ctx = SimpleNamespace(
        main_school=school, leaders_by_school={school.pk: leader}, rng=random.Random(1)
    )
    demo.build(ctx)
    current = ValueStreamMap.objects.get(process__startswith="Inschrijving", version="current")
    future = current.futures.get()
    assert current.steps.count() == future.steps.count() == 7
    assert current.steps.filter(pain_points__isnull=False).distinct().count() == 3
    assert ValueStreamMap.objects.get(process__startswith="Aanwerving").steps.count() == 25
    from development.models import DevelopmentPoint

    assert DevelopmentPoint.objects.get().source == "value_stream_pain"
