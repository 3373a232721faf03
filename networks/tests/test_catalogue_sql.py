"""The catalogue's filter values come from one plain query (catalogue_sql.py); they must be
those the ORM queries it stands for give. And its cards are drawn in one pass."""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from networks.catalogue_sql import filter_values
from networks.models import Edition, Session

from .factories import EditionFactory, ProgrammeFactory, SessionFactory


def _orm_filter_values(provider):
    """The ORM queries of the filter values before they were written in SQL."""
    editions = Edition.objects.filter(
        programme__provider=provider,
        programme__is_published=True,
        ends_on__gte=timezone.localdate(),
    )
    themes = sorted(
        set(editions.exclude(programme__theme="").values_list("programme__theme", flat=True))
    )
    places = sorted(set(editions.exclude(city="").values_list("city", flat=True)))
    dates = Session.objects.filter(edition__in=editions).dates("date", "month")
    starts = editions.dates("starts_on", "month")
    months = sorted(f"{d:%Y-%m}" for d in set(dates) | set(starts))
    return {"theme": themes, "place": places, "month": months}


def test_the_filter_values_are_those_of_the_orm(edition, provider):
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

    values = filter_values(provider.pk)
    assert values == _orm_filter_values(provider)
    assert "lesson study" in values["theme"] and "voorbij" not in values["theme"]
    assert "Brugge" in values["place"] and not {"Ieper", "Aalst", "Hasselt"} & set(values["place"])
    session_month = (today + datetime.timedelta(days=200)).strftime("%Y-%m")
    assert session_month in values["month"]
    assert all(len(month) == 7 for month in values["month"])


def test_a_provider_without_courses_has_no_filter_values(provider):
    assert filter_values(provider.pk) == {"theme": [], "place": [], "month": []}


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
