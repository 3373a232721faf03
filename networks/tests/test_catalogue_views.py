import datetime

from django.urls import reverse
from django.utils import timezone

from networks.models import Programme

from .factories import EditionFactory, ProgrammeFactory, SessionFactory


def _url(provider):
    return reverse("networks:catalogue", kwargs={"provider_slug": provider.slug})


def test_the_catalogue_is_public(client, edition):
    response = client.get(_url(edition.programme.provider))
    assert response.status_code == 200
    assert "Onderwijskundig leiderschap" in response.content.decode()


def test_unpublished_programmes_and_other_providers_are_not_listed(client, edition):
    hidden = EditionFactory(
        programme=ProgrammeFactory(
            provider=edition.programme.provider, title="Geheim", is_published=False
        )
    )
    other = EditionFactory(programme=ProgrammeFactory(title="Andermans cursus"))
    body = client.get(_url(edition.programme.provider)).content.decode()
    assert "Geheim" not in body and "Andermans cursus" not in body
    assert hidden.programme.title not in body and other.pk


def test_the_catalogue_filters_by_audience_theme_month_and_place(client, edition, provider):
    teachers = EditionFactory(
        programme=ProgrammeFactory(
            provider=provider,
            title="Lesson study in de praktijk",
            audience=Programme.Audience.TEACHERS,
            theme="lesson study",
        ),
        city="Brugge",
        starts_on=timezone.localdate() + datetime.timedelta(days=120),
        ends_on=timezone.localdate() + datetime.timedelta(days=121),
    )
    url = _url(provider)
    assert "Lesson study" not in client.get(url, {"audience": "leaders"}).content.decode()
    assert "Lesson study" in client.get(url, {"audience": "teachers"}).content.decode()
    body = client.get(url, {"place": "Brugge"}).content.decode()
    assert "Lesson study" in body and "Onderwijskundig" not in body
    body = client.get(url, {"theme": "lesson study"}).content.decode()
    assert "Lesson study" in body and "Onderwijskundig" not in body
    month = teachers.starts_on.strftime("%Y-%m")
    body = client.get(url, {"month": month}).content.decode()
    assert "Lesson study" in body and "Onderwijskundig" not in body
    body = client.get(url, {"q": "EDU-101"}).content.decode()
    assert "Onderwijskundig" in body and "Lesson study" not in body


def test_the_catalogue_query_count_does_not_grow(client, provider, django_assert_max_num_queries):
    for _ in range(2):
        EditionFactory(programme=ProgrammeFactory(provider=provider))
    with django_assert_max_num_queries(8) as small:
        client.get(_url(provider))
    for _ in range(20):
        SessionFactory(edition=EditionFactory(programme=ProgrammeFactory(provider=provider)))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(_url(provider))


def test_an_unknown_provider_is_404(client, db):
    assert (
        client.get(reverse("networks:catalogue", kwargs={"provider_slug": "niemand"})).status_code
        == 404
    )


def test_the_edition_page_shows_practical_details_and_sessions(client, edition):
    edition.what_to_bring = "Je laptop en het schoolwerkplan"
    edition.save()
    SessionFactory(edition=edition, title="Dag 1: PLG-types")
    url = reverse(
        "networks:edition",
        kwargs={"provider_slug": edition.programme.provider.slug, "pk": edition.pk},
    )
    body = client.get(url).content.decode()
    assert "Je laptop en het schoolwerkplan" in body
    assert "Dag 1: PLG-types" in body
    assert "EDU-101" in body and "295" in body


def test_an_edition_of_another_provider_is_404_under_this_provider(client, edition):
    other = EditionFactory()
    url = reverse(
        "networks:edition",
        kwargs={"provider_slug": edition.programme.provider.slug, "pk": other.pk},
    )
    assert client.get(url).status_code == 404


def test_the_edition_calendar_has_every_public_session(client, edition):
    SessionFactory(edition=edition, title="Dag 1", start_time=datetime.time(9, 30))
    SessionFactory(
        edition=edition, title="Dag 2", date=edition.starts_on + datetime.timedelta(days=7)
    )
    url = reverse(
        "networks:edition_ical",
        kwargs={"provider_slug": edition.programme.provider.slug, "pk": edition.pk},
    )
    response = client.get(url)
    assert response["Content-Type"].startswith("text/calendar")
    from icalendar import Calendar

    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == ["Dag 1", "Dag 2"]
    first = next(e for e in events if str(e["SUMMARY"]) == "Dag 1")
    assert first.decoded("DTSTART").hour == 9 and first.decoded("DTSTART").minute == 30


def test_an_htmx_filter_request_gets_only_the_results(client, edition):
    response = client.get(_url(edition.programme.provider), {"q": "EDU"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and "Onderwijskundig leiderschap" in body
