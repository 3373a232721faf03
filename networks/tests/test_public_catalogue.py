"""The catalogue of all providers at /catalogus/: the same filters and cards as a provider's
catalogue, over every provider's published offer, linked from the login and home pages."""

import datetime

from django.urls import reverse
from django.utils import timezone

from networks.selectors import catalogue_filter_values
from organisations.tests.factories import ProviderFactory, UserFactory

from .factories import EditionFactory, ProgrammeFactory, SessionFactory

URL = "/catalogus/"


def test_the_catalogue_of_all_providers_lists_every_published_offer(client, edition):
    other = ProviderFactory(name="Ander Huis", slug="ander-huis")
    theirs = EditionFactory(programme=ProgrammeFactory(provider=other, title="Andermans cursus"))
    EditionFactory(programme=ProgrammeFactory(provider=other, title="Geheim", is_published=False))
    assert reverse("networks:public_catalogue") == URL
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Onderwijskundig leiderschap" in body and "Andermans cursus" in body
    assert "Geheim" not in body
    # Each card names its provider and links into that provider's catalogue.
    assert "Ander Huis" in body
    assert reverse("networks:edition", args=["ander-huis", theirs.pk]) in body


def test_the_catalogue_of_all_providers_filters_like_a_providers(client, edition):
    other = ProviderFactory(slug="ander-huis")
    EditionFactory(programme=ProgrammeFactory(provider=other, title="Lesson study"), city="Brugge")
    body = client.get(URL, {"place": "Brugge"}).content.decode()
    assert "Lesson study" in body and "Onderwijskundig" not in body
    body = client.get(URL, {"q": "EDU-101"}).content.decode()
    assert "Onderwijskundig" in body and "Lesson study" not in body
    fragment = client.get(URL, {"q": "lesson"}, headers={"HX-Request": "true"})
    assert "<h1>" not in fragment.content.decode() and "Lesson study" in fragment.content.decode()


def test_the_month_filter_starts_at_the_current_month(edition, provider):
    today = timezone.localdate()
    running = EditionFactory(
        programme=ProgrammeFactory(provider=provider),
        starts_on=today - datetime.timedelta(days=90),
        ends_on=today + datetime.timedelta(days=90),
    )
    SessionFactory(edition=running, date=today - datetime.timedelta(days=60))
    SessionFactory(edition=running, date=today)
    for values in (catalogue_filter_values(provider), catalogue_filter_values()):
        months = [value for value, _label in values[1]]
        assert months and months[0] == today.strftime("%Y-%m")
        assert (today - datetime.timedelta(days=60)).strftime("%Y-%m") not in months


def test_the_login_and_home_pages_link_to_the_catalogue(client, db):
    assert URL in client.get(reverse("accounts:login")).content.decode()
    client.force_login(UserFactory())
    assert URL in client.get(reverse("dashboard")).content.decode()


def test_the_catalogue_of_all_providers_query_count_does_not_grow(
    client, edition, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8) as small:
        client.get(URL)
    for _ in range(10):
        provider = ProviderFactory()
        SessionFactory(edition=EditionFactory(programme=ProgrammeFactory(provider=provider)))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(URL)
