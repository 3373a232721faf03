"""The calendars of sessions: an online session is where its link is, not in a room."""

from django.urls import reverse
from icalendar import Calendar

from networks.forms import SessionForm

from .factories import SessionFactory


def _events(response):
    return {str(e["SUMMARY"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


def _edition_ical(client, edition):
    url = reverse(
        "networks:edition_ical",
        kwargs={"provider_slug": edition.programme.provider.slug, "pk": edition.pk},
    )
    return _events(client.get(url))


def test_a_session_in_a_room_is_at_its_location_and_room(client, edition):
    SessionFactory(edition=edition, title="Dag 1", location="Pedagogisch Centrum", room="Zaal 2")
    assert str(_edition_ical(client, edition)["Dag 1"]["LOCATION"]) == "Pedagogisch Centrum, Zaal 2"


def test_an_online_session_is_at_its_link_or_online(client, edition):
    edition.is_online = True
    edition.save()
    link = "https://meet.example.org/plg"
    SessionFactory(edition=edition, title="Met link", room="Zaal 2", online_link=link)
    SessionFactory(edition=edition, title="Zonder link", room="Zaal 2")
    events = _edition_ical(client, edition)
    assert str(events["Met link"]["LOCATION"]) == link and str(events["Met link"]["URL"]) == link
    assert str(events["Zonder link"]["LOCATION"]) == "online"


def test_a_session_with_a_link_is_online_in_an_edition_on_site(client, edition):
    SessionFactory(edition=edition, title="Webinar", online_link="https://meet.example.org/w")
    assert (
        str(_edition_ical(client, edition)["Webinar"]["LOCATION"]) == "https://meet.example.org/w"
    )


def test_a_new_session_of_an_online_edition_gets_no_room(edition):
    assert SessionForm(edition=edition).initial["room"] == edition.room
    edition.is_online = True
    assert "room" not in SessionForm(edition=edition).initial
