"""The public catalogue: its filter values, its filtered editions with their free places,
and the facts on its cards."""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from networks.models import Application, Edition, Programme
from networks.selectors import catalogue, catalogue_filter_values
from networks.services import registration
from organisations.tests.factories import UserFactory

from .factories import EditionFactory, ProgrammeFactory, SessionFactory


def test_the_filter_values_are_those_of_running_published_editions(edition, provider):
    today = timezone.localdate()
    later = EditionFactory(
        programme=ProgrammeFactory(provider=provider, theme="lesson study"),
        city="Brugge",
        starts_on=today + datetime.timedelta(days=100),
        ends_on=today + datetime.timedelta(days=400),
    )
    SessionFactory(edition=later, date=today + datetime.timedelta(days=200))
    SessionFactory(edition=later, date=today + datetime.timedelta(days=201))
    EditionFactory(programme=ProgrammeFactory(provider=provider, theme=""), city="")
    ended = EditionFactory(
        programme=ProgrammeFactory(provider=provider, theme="voorbij"),
        city="Ieper",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today - datetime.timedelta(days=1),
    )
    SessionFactory(edition=ended, date=today - datetime.timedelta(days=30))
    EditionFactory(programme=ProgrammeFactory(provider=provider, is_published=False), city="Aalst")
    EditionFactory(programme=ProgrammeFactory(theme="elders"), city="Hasselt")

    themes, months, places = catalogue_filter_values(provider)
    assert "lesson study" in themes and "voorbij" not in themes
    assert "" not in themes and themes == sorted(set(themes))
    assert "Brugge" in places and not {"Ieper", "Aalst", "Hasselt"} & set(places)
    values = [value for value, _label in months]
    session_month = (today + datetime.timedelta(days=200)).strftime("%Y-%m")
    assert session_month in values
    assert (today + datetime.timedelta(days=100)).strftime("%Y-%m") in values
    assert (today - datetime.timedelta(days=30)).strftime("%Y-%m") not in values
    assert values == sorted(set(values))


def test_a_provider_without_courses_has_no_filter_values(provider):
    assert catalogue_filter_values(provider) == ([], [], [])


def test_a_card_shows_the_facts_of_the_edition(client, edition, provider):
    programme = edition.programme
    programme.fee = Decimal("150.50")
    programme.summary = "Leiden <samen>"
    programme.save()
    Edition.objects.filter(pk=edition.pk).update(
        registration_deadline=timezone.now() - datetime.timedelta(hours=1)
    )
    body = client.get(
        reverse("networks:catalogue", kwargs={"provider_slug": provider.slug})
    ).content.decode()
    detail = reverse("networks:edition", kwargs={"provider_slug": provider.slug, "pk": edition.pk})
    assert f'<a href="{detail}">Onderwijskundig leiderschap</a>' in body
    assert "<p>Leiden &lt;samen&gt;</p>" in body
    assert "<dt>Prijs</dt><dd>€ 150,50</dd>" in body
    assert "<dd>afgesloten</dd>" in body


def test_the_catalogue_filters_running_published_editions(edition, provider):
    today = timezone.localdate()
    later = EditionFactory(
        programme=ProgrammeFactory(
            provider=provider, theme="lesson study", title="Samen 100% leren_", fee=0
        ),
        city="Brugge",
        capacity=5,
        starts_on=today + datetime.timedelta(days=100),
        ends_on=today + datetime.timedelta(days=400),
    )
    session = SessionFactory(edition=later, date=today + datetime.timedelta(days=200))
    online = EditionFactory(programme=ProgrammeFactory(provider=provider, theme=""), is_online=True)
    EditionFactory(
        programme=edition.programme,
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today - datetime.timedelta(days=1),
    )
    EditionFactory(programme=ProgrammeFactory(provider=provider, is_published=False))
    EditionFactory(programme=ProgrammeFactory(theme="elders"))
    people = UserFactory.create_batch(3)
    registration.application_submit(edition_id=later.pk, applicant=people[0], people=people[:2])
    offered = registration.application_submit(edition_id=later.pk, applicant=people[2])
    Application.objects.filter(pk=offered.pk).update(
        status=Application.Status.OFFERED,
        offer_expires_at=timezone.now() + datetime.timedelta(hours=1),
    )

    mine = {edition.pk: "edition", later.pk: "later", online.pk: "online"}
    filters = [
        ({}, ["edition", "online", "later"]),
        ({"q": "LESSON"}, ["later"]),
        ({"q": "100%"}, ["later"]),
        ({"q": "n_"}, ["later"]),
        ({"q": "leren_"}, ["later"]),
        ({"audience": Programme.Audience.LEADERS}, ["edition", "online", "later"]),
        ({"audience": "teachers"}, []),
        ({"theme": "lesson study"}, ["later"]),
        ({"place": "Brugge"}, ["later"]),
        ({"month": f"{session.date:%Y-%m}"}, ["later"]),
        ({"month": f"{edition.starts_on:%Y-%m}", "place": "Gent"}, ["edition", "online"]),
    ]
    for given, expected in filters:
        editions = catalogue(provider, **given)
        assert editions.count() == len(expected), given
        assert [mine[e.pk] for e in editions] == expected, given
    free = {mine[e.pk]: e.free for e in catalogue(provider)}
    assert free["later"] == 2  # 5 places, 2 accepted and 1 offered


def test_the_places_taken_are_those_accepted_and_offered(edition):
    edition.capacity = 20
    edition.save()
    now = timezone.now()
    applications = [
        registration.application_submit(edition_id=edition.pk, applicant=people[0], people=people)
        for people in (UserFactory.create_batch(n) for n in (3, 2, 4, 1))
    ]
    expired, offered, refused = applications[1:]
    for application, expires in ((expired, -1), (offered, 1)):
        Application.objects.filter(pk=application.pk).update(
            status=Application.Status.OFFERED,
            offer_expires_at=now + datetime.timedelta(hours=expires),
        )
    Application.objects.filter(pk=refused.pk).update(status=Application.Status.REFUSED)

    assert registration.places_taken(edition, now=now) == 3 + 4
    later = now + datetime.timedelta(hours=2)
    assert registration.places_taken(edition, now=later) == 3
    assert registration.places_taken(EditionFactory(), now=now) == 0
