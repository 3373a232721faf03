"""A PLG's coach plans a series of meetings: previewed with the holidays named, planned only
once confirmed, each an ordinary meeting changed on its own afterwards."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from communities.models import Meeting
from core.series import school_holiday_calendar


def _url(name, plg, **kwargs):
    return reverse(
        f"communities:{name}", kwargs={"slug": plg.organisation.slug, "pk": plg.pk, **kwargs}
    )


def _autumn_monday():
    """The first Monday of the next autumn holiday, so the series is always in the future."""
    holidays = school_holiday_calendar(language="nl")
    day = timezone.localdate() + datetime.timedelta(days=15)
    while not (day.weekday() == 0 and "Herfstvakantie" in holidays.get(day, "")):
        day += datetime.timedelta(days=1)
    return day


def _post(first, **changes):
    data = {
        "series-first_date": first.isoformat(),
        "series-start_time": "15:30",
        "series-every": "weeks",
        "series-interval": "2",
        "series-count": "3",
        "series-on_holiday": "skip",
        "duration_minutes": "90",
        "place": "Lokaal 12",
        "online_url": "",
    }
    data.update(changes)
    return data


def _page(response):
    return " ".join(response.content.decode().split())


def test_the_coach_previews_and_plans_a_series_skipping_the_autumn_holiday(login, plg, coach):
    autumn = _autumn_monday()
    first = autumn - datetime.timedelta(weeks=2)
    client = login(coach.person)
    assert client.get(_url("meeting_series", plg)).status_code == 200
    data = _post(first)
    preview = client.post(_url("meeting_series", plg), data)
    page = _page(preview)
    assert "Voorbeeld: 3 datums" in page
    assert re.search(r"overgeslagen: [^<]*Herfstvakantie", page)
    assert not Meeting.objects.exists()
    fingerprint = preview.context["series"].fingerprint()
    response = client.post(
        _url("meeting_series", plg), {**data, "confirm": "yes", "series-previewed": fingerprint}
    )
    assert response.status_code == 302
    meetings = list(Meeting.objects.filter(plg=plg).order_by("starts_at"))
    dates = [timezone.localtime(m.starts_at).date() for m in meetings]
    assert dates == [first + datetime.timedelta(weeks=w) for w in (0, 4, 6)]
    assert {timezone.localtime(m.starts_at).time() for m in meetings} == {datetime.time(15, 30)}
    assert {(m.place, m.duration_minutes, m.phase) for m in meetings} == {
        ("Lokaal 12", 90, plg.current_phase)
    }
    # Each is an ordinary meeting, moved on its own afterwards.
    edit = _url("meeting_edit", plg, meeting_pk=meetings[1].pk)
    assert client.get(edit).status_code == 200


def test_a_monthly_series_moved_out_of_holidays_is_planned(login, plg, coach):
    autumn = _autumn_monday()
    client = login(coach.person)
    data = _post(autumn, **{"series-every": "month", "series-interval": "1"})
    data["series-on_holiday"] = "move"
    page = _page(client.post(_url("meeting_series", plg), data))
    assert re.search(r"verplaatst van [^<]*\([^<]*Herfstvakantie\)", page)


def test_bad_input_gives_dutch_errors_and_plans_nothing(login, plg, coach, shows):
    client = login(coach.person)
    first = _autumn_monday() + datetime.timedelta(weeks=3)
    cases = [
        ({"series-count": "61"}, "Een reeks heeft tussen 1 en 60 datums."),
        ({"series-interval": "0"}, "Om de hoeveel weken of maanden is minstens 1."),
        ({"series-every": "month", "series-interval": "13"}, "Hoogstens om de 12 maanden."),
        ({"series-start_time": ""}, "Geef het beginuur."),
    ]
    for changes, error in cases:
        response = client.post(
            _url("meeting_series", plg), {**_post(first, **changes), "confirm": "yes"}
        )
        assert response.status_code == 200
        assert error in _page(response), changes
    assert not Meeting.objects.exists()


def test_a_series_starting_in_the_past_or_without_a_place_plans_nothing(login, plg, coach, shows):
    client = login(coach.person)
    for first, changes, message in (
        (
            timezone.localdate() - datetime.timedelta(days=7),
            {},
            "This date has passed. Plan the new meeting for today or later.",
        ),
        (
            _autumn_monday() + datetime.timedelta(weeks=3),
            {"place": ""},
            "Give a place or an online link.",
        ),
    ):
        data = _post(first, **changes)
        fingerprint = client.post(_url("meeting_series", plg), data).context["series"].fingerprint()
        response = client.post(
            _url("meeting_series", plg), {**data, "confirm": "yes", "series-previewed": fingerprint}
        )
        assert response.status_code == 200
        assert shows(response.content.decode(), message)
    assert not Meeting.objects.exists()


def test_a_member_who_does_not_lead_cannot_plan_a_series(login, plg, note_taker):
    response = login(note_taker.person).get(_url("meeting_series", plg))
    assert response.status_code == 403
