"""A trainer plans a series of sessions: previewed with the holidays named, then created,
each session editable afterwards; bad input creates nothing."""

import datetime

from django.urls import reverse

from networks.models import Session
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, ProviderFactory

from .factories import LearningGroupFactory


def _url(edition, name="session_series"):
    provider = edition.programme.provider
    return reverse(f"networks:{name}", kwargs={"slug": provider.slug, "pk": edition.pk})


def _post(**changes):
    data = {
        "series-first_date": "2026-10-19",
        "series-start_time": "13:30",
        "series-every": "weeks",
        "series-interval": "2",
        "series-count": "3",
        "series-on_holiday": "skip",
        "kind": "group",
        "title": "Groepssessie",
        "end_time": "16:30",
        "location": "Pedagogisch Centrum",
        "room": "Zaal 2",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _page(response):
    return " ".join(response.content.decode().split())


def test_the_preview_shows_the_dates_and_names_the_skipped_holiday(login, trainer, edition):
    client = login(trainer)
    assert client.get(_url(edition)).status_code == 200
    response = client.post(_url(edition), _post())
    page = _page(response)
    assert "Voorbeeld: 3 datums" in page
    assert "maandag 19 oktober 2026" in page and "maandag 16 november 2026" in page
    assert "overgeslagen: Herfstvakantie" in page
    assert 'name="confirm" value="yes"' in page
    assert not Session.objects.exists()


def test_confirming_the_preview_creates_numbered_sessions_each_editable(login, trainer, edition):
    group = LearningGroupFactory(edition=edition, trainer=trainer)
    client = login(trainer)
    data = _post(group=str(group.pk))
    preview = client.post(_url(edition), data)
    fingerprint = preview.context["series"].fingerprint()
    response = client.post(
        _url(edition), {**data, "confirm": "yes", "series-previewed": fingerprint}
    )
    assert response.status_code == 302
    sessions = list(Session.objects.filter(edition=edition).order_by("date"))
    assert [s.date for s in sessions] == [
        datetime.date(2026, 10, 19),
        datetime.date(2026, 11, 16),
        datetime.date(2026, 11, 30),
    ]
    assert [s.title for s in sessions] == ["Groepssessie 1", "Groepssessie 2", "Groepssessie 3"]
    assert {(s.start_time, s.end_time, s.group_id) for s in sessions} == {
        (datetime.time(13, 30), datetime.time(16, 30), group.pk)
    }
    # Each date is an ordinary session, changed on its own afterwards.
    edit = reverse(
        "networks:session_edit",
        kwargs={"slug": edition.programme.provider.slug, "pk": sessions[1].pk},
    )
    assert client.get(edit).status_code == 200


def test_moved_dates_say_where_they_came_from(login, trainer, edition):
    response = login(trainer).post(_url(edition), _post(**{"series-on_holiday": "move"}))
    page = _page(response)
    assert "maandag 9 november 2026" in page
    assert "verplaatst van 2 november 2026 (Herfstvakantie)" in page


def test_a_changed_series_is_previewed_again_before_anything_is_created(login, trainer, edition):
    client = login(trainer)
    data = _post()
    fingerprint = client.post(_url(edition), data).context["series"].fingerprint()
    response = client.post(
        _url(edition),
        {**data, "series-count": "5", "confirm": "yes", "series-previewed": fingerprint},
    )
    assert response.status_code == 200
    assert "Voorbeeld: 5 datums" in _page(response)
    assert not Session.objects.exists()


def test_bad_input_gives_dutch_errors_and_creates_nothing(login, trainer, edition):
    client = login(trainer)
    cases = [
        ({"series-count": "61"}, "Een reeks heeft tussen 1 en 60 datums."),
        ({"series-count": "0"}, "Een reeks heeft tussen 1 en 60 datums."),
        ({"series-interval": "0"}, "Om de hoeveel weken of maanden is minstens 1."),
        ({"series-first_date": ""}, "Geef de eerste datum."),
        ({"end_time": "12:00"}, "De sessie moet eindigen na het begin."),
    ]
    for changes, error in cases:
        data = _post(**changes)
        # Even a confirmed post with a preview's fingerprint writes nothing.
        response = client.post(_url(edition), {**data, "confirm": "yes"})
        assert response.status_code == 200
        assert error in _page(response), changes
    assert not Session.objects.exists()


def test_the_end_time_is_checked_before_the_preview(login, trainer, edition):
    client = login(trainer)
    data = _post(end_time="13:30")
    response = client.post(_url(edition), data)
    assert "De sessie moet eindigen na het begin." in _page(response)
    assert not Session.objects.exists()


def test_another_providers_trainer_gets_404(login, edition):
    stranger = MembershipFactory(organisation=ProviderFactory(), role=Membership.Role.TRAINER)
    client = login(stranger)
    assert client.get(_url(edition)).status_code == 404
    assert client.post(_url(edition), _post()).status_code == 404
    assert not Session.objects.exists()
