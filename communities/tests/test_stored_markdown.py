"""Minutes, evidence and phase conclusions keep their HTML next to their Markdown: it must
always be what the renderer makes of the source now."""

import importlib

from django.apps import apps
from django.urls import reverse

from communities import services
from communities.markdown import render_markdown
from communities.models import Evidence, Meeting, PhaseRecord
from communities.tests.factories import MeetingFactory

MINUTES = (
    "## Observatie\n\n- Tim telt **tot tien**\n- [Leerlijn](https://example.org)\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |"
)
FIELDS = ((Meeting, "minutes"), (Evidence, "text"), (PhaseRecord, "conclusion"))


def _stored_matches_a_fresh_render():
    for model, source in FIELDS:
        for item in model.objects.all():
            assert getattr(item, f"{source}_html") == render_markdown(getattr(item, source))


def test_saved_minutes_are_stored_as_the_renderer_makes_them_and_shown(login, plg, coach):
    meeting = MeetingFactory(plg=plg)
    removed = services.minutes_save(
        meeting=meeting, minutes=MINUTES + "<script>alert(1)</script>", actor=coach.person.user
    )
    meeting.refresh_from_db()
    assert removed and "<script" not in meeting.minutes_html
    assert meeting.minutes_html == render_markdown(meeting.minutes)
    assert "<h3>Observatie</h3>" in meeting.minutes_html and "<table>" in meeting.minutes_html
    url = reverse(
        "communities:meeting_detail",
        kwargs={"slug": plg.organisation.slug, "pk": plg.pk, "meeting_pk": meeting.pk},
    )
    assert meeting.minutes_html in login(coach.person).get(url).content.decode()


def test_a_save_of_other_fields_leaves_the_stored_html_alone(plg):
    meeting = MeetingFactory(plg=plg, minutes="*eerst*")
    assert meeting.minutes_html == render_markdown("*eerst*")
    Meeting.objects.filter(pk=meeting.pk).update(minutes_html="kept")
    meeting.place = "Refter"
    meeting.save(update_fields=["place"])
    meeting.refresh_from_db()
    assert meeting.minutes_html == "kept" and meeting.place == "Refter"


def test_evidence_and_a_phase_conclusion_are_stored_rendered(login, plg, coach):
    PhaseRecord.objects.create(plg=plg, phase=plg.current_phase, started_at=plg.created_at)
    services.plg_evidence_add(plg=plg, text=MINUTES, actor=coach.person.user)
    services.plg_advance_phase(plg=plg, conclusion="We **tellen** samen.", actor=coach.person.user)
    evidence = Evidence.objects.get(plg=plg)
    closed = PhaseRecord.objects.get(plg=plg, ended_at__isnull=False)
    assert "<strong>tot tien</strong>" in evidence.text_html
    assert closed.conclusion_html == render_markdown("We **tellen** samen.")
    _stored_matches_a_fresh_render()
    page = login(coach.person).get(
        reverse("communities:plg_detail", kwargs={"slug": plg.organisation.slug, "pk": plg.pk})
    )
    assert evidence.text_html in page.content.decode()
    assert closed.conclusion_html in page.content.decode()


def test_the_migration_renders_what_was_written_before_it(plg):
    meeting = MeetingFactory(plg=plg, minutes=MINUTES)
    Evidence.objects.create(plg=plg, phase=plg.current_phase, text="*gezien*")
    Meeting.objects.update(minutes_html="")
    Evidence.objects.update(text_html="")
    migration = importlib.import_module("communities.migrations.0006_fill_stored_markdown_html")
    migration.render_existing(apps, None)
    meeting.refresh_from_db()
    assert meeting.minutes_html.startswith("<h3>")
    _stored_matches_a_fresh_render()


def test_the_demo_stores_the_html_of_its_minutes_evidence_and_conclusions(db):
    from core.management.commands.demo import build_demo

    build_demo("small")
    assert Meeting.objects.exclude(minutes_html="").exists()
    _stored_matches_a_fresh_render()
