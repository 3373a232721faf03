"""The catalogue's filter values and its filtered editions come from plain queries
(catalogue_sql.py); they must be those the ORM queries they stand for give. And its cards
are drawn in one pass."""

import datetime
from dataclasses import astuple
from decimal import Decimal

from django.db.models import F, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from networks.catalogue_sql import filter_values, places_taken
from networks.models import Application, Edition, Programme, Session
from networks.selectors import catalogue
from networks.services import registration
from organisations.tests.factories import UserFactory

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


def _orm_catalogue(provider, *, q="", audience="", theme="", month="", place=""):
    """The ORM query of the catalogue's editions before it was written in SQL."""
    now = timezone.now()
    held = Application.objects.filter(edition=OuterRef("pk")).filter(
        Q(status=Application.Status.ACCEPTED)
        | Q(status=Application.Status.OFFERED, offer_expires_at__gte=now)
    )
    taken = held.values("edition").annotate(total=Sum("size")).values("total")
    editions = (
        Edition.objects.filter(
            programme__provider=provider,
            programme__is_published=True,
            ends_on__gte=timezone.localdate(),
        )
        .select_related("programme")
        .annotate(taken=Coalesce(Subquery(taken, output_field=IntegerField()), 0))
        .annotate(free=F("capacity") - F("taken"))
        .order_by("starts_on", "pk")
    )
    if q:
        editions = editions.filter(
            Q(programme__title__icontains=q)
            | Q(programme__code__icontains=q)
            | Q(programme__summary__icontains=q)
            | Q(programme__theme__icontains=q)
        )
    if audience:
        editions = editions.filter(programme__audience=audience)
    if theme:
        editions = editions.filter(programme__theme=theme)
    if place:
        editions = editions.filter(city=place)
    if month:
        year, number = (int(part) for part in month.split("-"))
        in_month = Session.objects.filter(
            edition=OuterRef("pk"), date__year=year, date__month=number
        )
        editions = editions.filter(
            Q(starts_on__year=year, starts_on__month=number)
            | Q(pk__in=Subquery(in_month.values("edition")))
        )
    return [
        (
            e.pk,
            e.name,
            e.starts_on,
            e.ends_on,
            e.city,
            e.is_online,
            e.registration_deadline,
            e.programme.title,
            e.programme.code,
            e.programme.audience,
            e.programme.theme,
            e.programme.summary,
            e.programme.fee,
            e.free,
        )
        for e in editions
    ]


def test_the_catalogue_editions_are_those_of_the_orm(edition, provider):
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
    EditionFactory(programme=ProgrammeFactory(provider=provider, theme=""), is_online=True)
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

    filters = [
        {},
        {"q": "LESSON"},
        {"q": "100%"},
        {"q": "n_"},
        {"q": "leren_"},
        {"audience": Programme.Audience.LEADERS},
        {"audience": "teachers"},
        {"theme": "lesson study"},
        {"place": "Brugge"},
        {"month": f"{session.date:%Y-%m}"},
        {"month": f"{edition.starts_on:%Y-%m}", "place": "Gent"},
    ]
    for given in filters:
        editions = catalogue(provider, **given)
        expected = _orm_catalogue(provider, **given)
        assert editions.count() == len(expected), given
        assert [astuple(e) for e in editions[0 : len(expected) + 1]] == expected, given
    everything = _orm_catalogue(provider)
    assert len(everything) == 3
    assert 2 in {row[-1] for row in everything}  # 5 places, 2 accepted and 1 offered
    assert [astuple(e) for e in catalogue(provider)[1:2]] == everything[1:2]


def test_the_places_taken_are_those_of_the_orm(edition):
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

    def orm(at):
        return (
            Application.objects.filter(edition=edition)
            .filter(
                Q(status=Application.Status.ACCEPTED)
                | Q(status=Application.Status.OFFERED, offer_expires_at__gte=at)
            )
            .aggregate(total=Sum("size"))["total"]
            or 0
        )

    assert places_taken(edition.pk, now) == orm(now) == 3 + 4
    later = now + datetime.timedelta(hours=2)
    assert places_taken(edition.pk, later) == orm(later) == 3
    assert places_taken(EditionFactory().pk, now) == 0
