"""The meeting lists of the PLG page written in Python give the markup the template gave, in
both languages."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from communities.plg_page_html import meeting_links_html
from communities.tests.factories import MeetingFactory

FORMER = (Path(__file__).parent / "former_templates" / "meeting_links.html").read_text()

pytestmark = pytest.mark.django_db


def _same_markup(html: str) -> str:
    """Markup compared without the whitespace between tags and around the text."""
    return re.sub(r"\s*(<[^>]*>)\s*", r"\1", html).strip()


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_the_meeting_lists_give_the_markup_of_the_template_they_replace(plg, language):
    now = timezone.now()
    coming = [
        MeetingFactory(plg=plg, starts_at=now + datetime.timedelta(days=2), place="Lokaal <3>"),
        MeetingFactory(
            plg=plg,
            starts_at=now + datetime.timedelta(days=9),
            place="",
            online_url="https://meet.example.org/plg",
        ),
    ]
    past = [
        MeetingFactory(plg=plg, starts_at=now - datetime.timedelta(days=days), phase=phase)
        for days, phase in ((3, plg.current_phase), (40, "no-such-phase"))
    ]
    for meeting, present in zip(past, (1, 4), strict=True):
        meeting.present = present
    with translation.override(language):
        expected = Template(FORMER).render(Context({"plg": plg, "upcoming": coming, "past": past}))
        coming_html = meeting_links_html(coming, plg=plg, past=False)
        past_html = meeting_links_html(past, plg=plg, past=True)
    written = f"<ul>{coming_html}</ul><ul>{past_html}</ul>"
    expected = re.sub(r"\{#.*?#\}", "", expected)
    assert _same_markup(written) == _same_markup(expected)
    assert "Lokaal &lt;3&gt;" in written and "no-such-phase" in written
    assert f"/meetings/{past[1].pk}/" in written
