"""Minutes, evidence and phase conclusions are stored as written and shown rendered: Markdown
becomes HTML, and nothing outside the allow-list (scripts, event handlers) reaches the page."""

import pytest
from django.urls import reverse

from communities import services
from communities.models import PhaseRecord
from communities.tests.factories import MeetingFactory
from core.tests.pdf import pdf_page_png, pdf_pages_text

MINUTES = (
    "## Observatie\n\n- Tim telt **tot tien**\n- [Leerlijn](https://example.org)\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |"
)

pytestmark = pytest.mark.django_db


def _meeting_url(plg, meeting, name="meeting_detail"):
    return reverse(
        f"communities:{name}",
        kwargs={"slug": plg.organisation.slug, "pk": plg.pk, "meeting_pk": meeting.pk},
    )


def test_minutes_are_kept_as_written_and_shown_rendered_and_clean(login, plg, coach):
    meeting = MeetingFactory(plg=plg)
    services.minutes_save(
        meeting=meeting,
        minutes=MINUTES + '\n\n<img src=x onerror="alert(1)">',
        actor=coach.person.user,
    )
    meeting.refresh_from_db()
    assert meeting.minutes.startswith("## Observatie")
    page = login(coach.person).get(_meeting_url(plg, meeting)).content.decode()
    # A heading inside the page's minutes section is demoted to h3.
    assert "<h3>Observatie</h3>" in page and "<strong>tot tien</strong>" in page
    assert '<a href="https://example.org" rel="noopener noreferrer">Leerlijn</a>' in page
    assert "<table>" in page
    assert "onerror" not in page and "<img" not in page


def test_a_change_of_the_renderer_shows_at_once_without_a_migration(login, plg, coach, settings):
    # Nothing rendered is stored: what a page shows is the renderer's output of the source.
    meeting = MeetingFactory(plg=plg, minutes="*eerst*")
    client = login(coach.person)
    assert "<em>eerst</em>" in client.get(_meeting_url(plg, meeting)).content.decode()
    meeting.minutes = "*daarna*"
    meeting.save(update_fields=["minutes"])
    page = client.get(_meeting_url(plg, meeting)).content.decode()
    assert "<em>daarna</em>" in page and "eerst" not in page


def test_evidence_and_a_phase_conclusion_are_shown_rendered(login, plg, coach):
    PhaseRecord.objects.create(plg=plg, phase=plg.current_phase, started_at=plg.created_at)
    services.plg_evidence_add(plg=plg, text=MINUTES, actor=coach.person.user)
    services.plg_advance_phase(plg=plg, conclusion="We **tellen** samen.", actor=coach.person.user)
    page = login(coach.person).get(
        reverse("communities:plg_detail", kwargs={"slug": plg.organisation.slug, "pk": plg.pk})
    )
    html = page.content.decode()
    assert "<strong>tot tien</strong>" in html
    assert "We <strong>tellen</strong> samen." in html


def test_the_minutes_pdf_holds_the_rendered_minutes(login, plg, coach, tmp_path):
    meeting = MeetingFactory(plg=plg, minutes="## Besluit\n\n- **wekelijks** observeren")
    response = login(coach.person).get(_meeting_url(plg, meeting, "meeting_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(pdf_pages_text(response.content))
    assert "Besluit" in text and "wekelijks observeren" in text
    assert "**" not in text and "##" not in text
    pdf_page_png(response.content, tmp_path / "minutes.png")
    assert (tmp_path / "minutes.png").stat().st_size > 0
