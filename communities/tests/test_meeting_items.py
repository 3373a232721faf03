"""Changing and removing agenda items, decisions and action items of a meeting."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from communities.models import ActionItem, AgendaItem, Decision, MeetingRole, Role
from communities.tests.factories import (
    ActionItemFactory,
    MeetingFactory,
    PLGFactory,
    PLGMemberFactory,
)


def _url(name, plg, **kwargs):
    return reverse(
        f"communities:{name}", kwargs={"slug": plg.organisation.slug, "pk": plg.pk, **kwargs}
    )


@pytest.fixture
def meeting(plg):
    return MeetingFactory(plg=plg)


@pytest.fixture
def item(meeting, coach):
    return AgendaItem.objects.create(
        meeting=meeting, time=datetime.time(15, 30), title="Welkom", owner=coach
    )


@pytest.fixture
def decision(meeting):
    return Decision.objects.create(meeting=meeting, text="We observeren drie leerlingen.")


@pytest.fixture
def action(meeting, note_taker):
    return ActionItemFactory(owner=note_taker, meeting=meeting)


@pytest.fixture
def member(plg):
    """A member of the PLG without a role."""
    return PLGMemberFactory(plg=plg)


def test_the_note_taker_changes_an_agenda_item(login, plg, meeting, item, note_taker):
    response = login(note_taker.person).post(
        _url("agenda_item_edit", plg, meeting_pk=meeting.pk, item_pk=item.pk),
        {"time": "15:40", "title": "Welkom en terugblik", "owner": note_taker.pk},
    )
    item.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"].endswith("#meeting-agenda")
    assert (item.time, item.title, item.owner) == (
        datetime.time(15, 40),
        "Welkom en terugblik",
        note_taker,
    )


def test_the_edit_page_shows_the_item_as_it_is(login, plg, meeting, item, coach):
    response = login(coach.person).get(
        _url("agenda_item_edit", plg, meeting_pk=meeting.pk, item_pk=item.pk)
    )
    assert response.status_code == 200
    assert 'value="Welkom"' in response.content.decode()


def test_an_agenda_item_without_a_title_is_refused_and_kept_as_it_was(
    login, plg, meeting, item, coach
):
    response = login(coach.person).post(
        _url("agenda_item_edit", plg, meeting_pk=meeting.pk, item_pk=item.pk),
        {"time": "16:00", "title": "", "owner": ""},
    )
    item.refresh_from_db()
    assert response.status_code == 200
    assert 'value="16:00"' in response.content.decode()  # what was typed is still there
    assert item.title == "Welkom" and item.time == datetime.time(15, 30)


def test_a_member_without_a_role_may_not_change_the_agenda(login, plg, meeting, item, member):
    client = login(member.person)
    edit = client.post(
        _url("agenda_item_edit", plg, meeting_pk=meeting.pk, item_pk=item.pk),
        {"time": "16:00", "title": "Anders", "owner": ""},
    )
    delete = client.post(_url("agenda_item_delete", plg, meeting_pk=meeting.pk, item_pk=item.pk))
    assert (edit.status_code, delete.status_code) == (403, 403)
    item.refresh_from_db()
    assert item.title == "Welkom"


def test_removing_an_agenda_item_takes_a_post(login, plg, meeting, item, coach):
    client = login(coach.person)
    url = _url("agenda_item_delete", plg, meeting_pk=meeting.pk, item_pk=item.pk)
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


def test_removing_with_htmx_answers_with_the_agenda_section_only(login, plg, meeting, item, coach):
    other = AgendaItem.objects.create(
        meeting=meeting, time=datetime.time(16, 0), title="Lesontwerp"
    )
    response = login(coach.person).post(
        _url("agenda_item_delete", plg, meeting_pk=meeting.pk, item_pk=item.pk),
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.startswith('<section id="meeting-agenda"')
    assert "Lesontwerp" in page and "Welkom" not in page
    assert list(meeting.agenda.all()) == [other]


def test_an_agenda_item_of_another_meeting_is_not_found(login, plg, meeting, item, coach):
    other_meeting = MeetingFactory(plg=plg)
    response = login(coach.person).post(
        _url("agenda_item_delete", plg, meeting_pk=other_meeting.pk, item_pk=item.pk)
    )
    assert response.status_code == 404
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_the_note_taker_changes_and_removes_a_decision(login, plg, meeting, decision, note_taker):
    client = login(note_taker.person)
    client.post(
        _url("decision_edit", plg, meeting_pk=meeting.pk, decision_pk=decision.pk),
        {"text": "We observeren vier leerlingen."},
    )
    decision.refresh_from_db()
    assert decision.text == "We observeren vier leerlingen."
    client.post(_url("decision_delete", plg, meeting_pk=meeting.pk, decision_pk=decision.pk))
    assert not Decision.objects.filter(pk=decision.pk).exists()


def test_an_empty_decision_is_refused(login, plg, meeting, decision, note_taker):
    response = login(note_taker.person).post(
        _url("decision_edit", plg, meeting_pk=meeting.pk, decision_pk=decision.pk), {"text": " "}
    )
    decision.refresh_from_db()
    assert response.status_code == 200
    assert decision.text == "We observeren drie leerlingen."


def test_the_coach_changes_an_action_and_returns_to_the_meeting(login, plg, meeting, action, coach):
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    response = login(coach.person).post(
        _url("action_edit", plg, action_pk=action.pk),
        {"description": "Formulier afdrukken", "owner": coach.pk, "deadline": deadline},
    )
    action.refresh_from_db()
    assert response["Location"].endswith(f"/meetings/{meeting.pk}/#meeting-actions")
    assert (action.description, action.owner, action.deadline) == (
        "Formulier afdrukken",
        coach,
        deadline,
    )


def test_an_action_without_an_owner_is_refused_and_nothing_is_lost(
    login, plg, action, coach, note_taker, shows
):
    response = login(coach.person).post(
        _url("action_edit", plg, action_pk=action.pk),
        {"description": "Nieuw formulier", "owner": "", "deadline": action.deadline},
    )
    page = response.content.decode()
    action.refresh_from_db()
    assert response.status_code == 200
    assert "Nieuw formulier" in page
    assert shows(page, "Every action needs an owner: choose who takes it on.")
    assert action.owner == note_taker and action.description == "Observatieformulier klaarzetten"


def test_the_owner_of_an_action_may_mark_it_done_but_not_remove_it(
    login, plg, meeting, action, member
):
    action.owner = member
    action.save()
    client = login(member.person)
    assert client.post(_url("action_delete", plg, action_pk=action.pk)).status_code == 403
    client.post(_url("action_done", plg, action_pk=action.pk))
    action.refresh_from_db()
    assert action.done_at is not None


def test_the_coach_removes_an_action(login, plg, action, coach):
    response = login(coach.person).post(_url("action_delete", plg, action_pk=action.pk))
    assert response.status_code == 302
    assert not ActionItem.objects.filter(pk=action.pk).exists()


def test_an_action_of_another_plg_is_not_found(login, school, plg, coach):
    other = ActionItemFactory(owner=PLGMemberFactory(plg=PLGFactory(organisation=school)))
    client = login(coach.person)
    assert client.post(_url("action_delete", plg, action_pk=other.pk)).status_code == 404
    assert client.get(_url("action_edit", plg, action_pk=other.pk)).status_code == 404
    assert ActionItem.objects.filter(pk=other.pk).exists()


def test_every_role_can_be_named_for_one_meeting(login, plg, meeting, coach, member):
    response = login(coach.person).post(
        _url("meeting_roles", plg, meeting_pk=meeting.pk),
        {role: member.pk for role in Role.values},
    )
    assert response.status_code == 302
    assert set(MeetingRole.objects.filter(meeting=meeting).values_list("role", flat=True)) == set(
        Role.values
    )
    page = login(coach.person).get(_url("meeting_detail", plg, meeting_pk=meeting.pk))
    named = re.findall(
        r"<li>([^<:]+): " + re.escape(str(member.person.user)), page.content.decode()
    )
    with translation.override("nl-be"):
        assert named == [str(label).capitalize() for label in Role.labels]


def test_the_facilitator_of_one_meeting_keeps_that_meeting_only(login, plg, meeting, item, member):
    MeetingRole.objects.create(meeting=meeting, member=member, role=Role.FACILITATOR)
    other_meeting = MeetingFactory(plg=plg)
    other_item = AgendaItem.objects.create(
        meeting=other_meeting, time=datetime.time(15, 30), title="Welkom"
    )
    client = login(member.person)
    mine = client.post(_url("agenda_item_delete", plg, meeting_pk=meeting.pk, item_pk=item.pk))
    other = client.post(
        _url("agenda_item_delete", plg, meeting_pk=other_meeting.pk, item_pk=other_item.pk)
    )
    assert (mine.status_code, other.status_code) == (302, 403)


def test_the_curator_of_one_meeting_does_not_keep_its_record(login, plg, meeting, item, member):
    MeetingRole.objects.create(meeting=meeting, member=member, role=Role.CURATOR)
    response = login(member.person).post(
        _url("agenda_item_delete", plg, meeting_pk=meeting.pk, item_pk=item.pk)
    )
    assert response.status_code == 403


def test_the_meeting_page_offers_change_and_remove_to_whoever_keeps_it(
    login, plg, meeting, item, decision, action, coach, member
):
    keeper = login(coach.person).get(_url("meeting_detail", plg, meeting_pk=meeting.pk))
    reader = login(member.person).get(_url("meeting_detail", plg, meeting_pk=meeting.pk))
    delete_url = _url("agenda_item_delete", plg, meeting_pk=meeting.pk, item_pk=item.pk)
    assert delete_url in keeper.content.decode()
    assert delete_url not in reader.content.decode()


def test_the_note_taker_adds_an_agenda_item(login, plg, meeting, note_taker):
    response = login(note_taker.person).post(
        _url("meeting_agenda_add", plg, meeting_pk=meeting.pk),
        {"agenda-item-time": "16:15", "agenda-item-title": "Foto's bekijken"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/meetings/{meeting.pk}/#meeting-agenda")
    assert [(i.time, i.title) for i in meeting.agenda.all()] == [
        (datetime.time(16, 15), "Foto's bekijken")
    ]


def test_the_meeting_page_has_no_id_twice(login, plg, meeting, item, decision, action, coach):
    page = login(coach.person).get(_url("meeting_detail", plg, meeting_pk=meeting.pk))
    ids = re.findall(r'\sid="([^"]+)"', page.content.decode())
    assert "id_owner" in ids or "id_agenda-item-owner" in ids
    assert sorted(i for i in set(ids) if ids.count(i) > 1) == []


def test_the_meeting_page_query_count_does_not_grow_with_its_record(
    login, plg, meeting, coach, note_taker, django_assert_max_num_queries
):
    client = login(coach.person)
    url = _url("meeting_detail", plg, meeting_pk=meeting.pk)

    def add(n):
        for i in range(meeting.decisions.count(), meeting.decisions.count() + n):
            AgendaItem.objects.create(meeting=meeting, time=datetime.time(15, i), title=f"P{i}")
            Decision.objects.create(meeting=meeting, text=f"Besluit {i}")
            ActionItemFactory(owner=note_taker, meeting=meeting)

    add(2)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add(18)
    with django_assert_max_num_queries(len(few)):
        response = client.get(url)
    page = response.content.decode()
    assert "Besluit 19" in page and "P19" in page


def test_edit_pages_fill_date_and_time_fields_the_way_browsers_read_them(
    login, plg, meeting, action, coach
):
    client = login(coach.person)
    action_page = client.get(_url("action_edit", plg, action_pk=action.pk)).content.decode()
    meeting_page = client.get(_url("meeting_edit", plg, meeting_pk=meeting.pk)).content.decode()
    local = timezone.localtime(meeting.starts_at)
    assert f'value="{action.deadline.isoformat()}"' in action_page
    assert f'value="{local.date().isoformat()}"' in meeting_page
    assert f'value="{local:%H:%M}"' in meeting_page


def test_an_empty_action_names_what_is_missing(login, plg, action, coach, shows):
    response = login(coach.person).post(
        _url("action_edit", plg, action_pk=action.pk),
        {"description": "", "owner": action.owner_id, "deadline": ""},
    )
    page = response.content.decode()
    assert shows(page, "Describe the action.")
    assert shows(page, "Give the action a deadline.")
