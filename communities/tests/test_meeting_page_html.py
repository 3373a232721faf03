"""The record lists and attendance of the meeting page written in Python give the markup the
template gave, in both languages, for who keeps the record, an action's owner and a reader."""

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from communities.meeting_page_html import (
    action_items_html,
    agenda_rows_html,
    attendance_html,
    decision_items_html,
    meeting_page_urls,
)
from communities.models import AgendaItem, Decision
from communities.tests.factories import ActionItemFactory, MeetingFactory, PLGMemberFactory

FORMER = (Path(__file__).parent / "former_templates" / "meeting_records.html").read_text()
CSRF_TOKEN = "t0k<en>"

pytestmark = pytest.mark.django_db


def _same_markup(html: str) -> str:
    """Markup compared without the whitespace between tags and around the text."""
    return re.sub(r"\s*(<[^>]*>)\s*", r"\1", html).strip()


@pytest.fixture
def records(plg):
    owner = PLGMemberFactory(plg=plg, person__user__first_name="An <&> “Bé”")
    other = PLGMemberFactory(plg=plg)
    meeting = MeetingFactory(plg=plg)
    agenda = [
        AgendaItem.objects.create(
            meeting=meeting, time=datetime.time(9, 5), title="Lessen <b>“kiezen”</b>", owner=owner
        ),
        AgendaItem.objects.create(meeting=meeting, time=datetime.time(16, 30), title="Rest"),
    ]
    agenda[0].owner, agenda[1].owner = owner, None
    decisions = [
        Decision.objects.create(meeting=meeting, text="Kort & <goed>\nTweede regel"),
        Decision.objects.create(
            meeting=meeting, text="We observeren elk één les van een collega en bespreken die"
        ),
    ]
    actions = [
        ActionItemFactory(owner=owner, meeting=meeting, description="Formulier <klaarzetten>"),
        ActionItemFactory(owner=other, meeting=meeting, description="Les 'filmen'"),
        ActionItemFactory(owner=owner, meeting=meeting, done_at=timezone.now()),
    ]
    for action in actions:
        action.owner = owner if action.owner_id == owner.pk else other
    return SimpleNamespace(
        meeting=meeting, agenda=agenda, decisions=decisions, actions=actions, owner=owner,
        attendance=[(owner, True), (other, None)],
    )  # fmt: skip


def _compare(plg, records, *, can_keep: bool, reader, taken: bool):
    """The template's markup and the Python's, for the same lists and reader."""
    context = {
        "plg": plg,
        "meeting": records.meeting,
        "agenda": records.agenda,
        "decisions": records.decisions,
        "actions": records.actions,
        "attendance": records.attendance,
        "attendance_taken": taken,
        "can_keep": can_keep,
        "pa": SimpleNamespace(member=reader),
        "csrf_token": CSRF_TOKEN,
    }
    expected = re.sub(r"\{#.*?#\}", "", Template(FORMER).render(Context(context)))
    shared = {"plg": plg, "can_keep": can_keep, "csrf_token": CSRF_TOKEN}
    # The former lines wrote both attendance lists: the checkboxes and the names.
    checkboxes = attendance_html(records.attendance, can_keep=True, taken=taken)
    names = attendance_html(records.attendance, can_keep=False, taken=taken)
    written = (
        "<table><tbody>"
        + agenda_rows_html(records.agenda, meeting=records.meeting, **shared)
        + '</tbody></table><ul class="meeting-record">'
        + decision_items_html(records.decisions, meeting=records.meeting, **shared)
        + '</ul><ul class="meeting-record">'
        + action_items_html(records.actions, member_pk=reader and reader.pk, **shared)
        + f'</ul><ul class="checkbox-list">{checkboxes}</ul><ul>{names}</ul>'
    )
    return _same_markup(written), _same_markup(expected)


@pytest.mark.parametrize("language", ["nl-be", "en"])
@pytest.mark.parametrize("taken", [True, False])
def test_for_who_keeps_the_record_the_lists_give_the_markup_of_the_template(
    plg, records, language, taken
):
    with translation.override(language):
        written, expected = _compare(plg, records, can_keep=True, reader=None, taken=taken)
    assert written == expected
    assert "Lessen &lt;b&gt;“kiezen”&lt;/b&gt;" in written
    assert "Kort &amp; &lt;goed&gt;<br>Tweede regel" in written
    assert f'value="{CSRF_TOKEN.replace("<", "&lt;").replace(">", "&gt;")}"' in written
    assert 'hx-target="#meeting-agenda"' in written and 'hx-target="#meeting-actions"' in written
    assert f"/agenda/{records.agenda[1].pk}/delete/" in written


@pytest.mark.parametrize("language", ["nl-be", "en"])
@pytest.mark.parametrize("reader_owns", [True, False])
def test_for_a_reader_the_lists_give_the_markup_of_the_template(
    plg, records, language, reader_owns
):
    reader = records.owner if reader_owns else PLGMemberFactory(plg=plg)
    with translation.override(language):
        written, expected = _compare(plg, records, can_keep=False, reader=reader, taken=True)
    assert written == expected
    assert "confirm-remove" not in written and "/edit/" not in written
    # Only the owner may mark their own open action done.
    assert written.count("/done/") == (1 if reader_owns else 0)


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_empty_lists_give_the_markup_of_the_template(plg, records, language):
    records.agenda, records.decisions, records.actions = [], [], []
    with translation.override(language):
        written, expected = _compare(plg, records, can_keep=True, reader=None, taken=True)
    assert written == expected
    assert "<li" in written.split('<ul class="meeting-record">')[1]


def test_the_meeting_page_urls_are_those_its_routes_reverse(plg, records):
    kwargs = {"slug": plg.organisation.slug, "pk": plg.pk, "meeting_pk": records.meeting.pk}
    urls = meeting_page_urls(plg, records.meeting)
    assert urls == {key: reverse(f"communities:meeting_{key}", kwargs=kwargs) for key in urls}
    assert len(urls) == 9
