"""Bench pages of surveys: the own instruments, the builder of a 60-item one and its preview,
the list, the progress page, the 360° report with its pre/post
comparison (as most views see it, and the first view that computes its results), the report of
a team's own pulse whose rounds were answered with two versions (idem), the answer
page behind a token link, and the two posts of that page — submitting all answers, and
saving them to come back later — all in the main demo school."""

import secrets

from django.core.cache import cache
from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG
from core.tokens import new_token

from .answering import questions_for
from .demo import OWN_PULSE_TITLE
from .models import Instrument, Invitation, Survey


def _answers(invitation: Invitation, *, action: str) -> dict:
    """The POST of a complete form for this invitee's rater group."""
    items, questions = questions_for(invitation)
    data = {"round": str(invitation.round_id), "action": action}
    data.update({f"i{item.pk}": str(item.scale.maximum - i % 2) for i, item in enumerate(items)})
    data.update({f"q{q.pk}": "Heldere opbouw van de dag." for q in questions})
    return data


def _fresh_link(template: Invitation, data: dict):
    """A token can be submitted only once: every timed submit gets a new invitation in the
    same round and rater group."""

    def prepare():
        invitation = Invitation.objects.create(
            round_id=template.round_id,
            rater_group_id=template.rater_group_id,
            email=f"bench-{secrets.token_hex(8)}@example.invalid",
            token=new_token(),
        )
        return reverse("surveys:answer", args=[invitation.token]), data

    return prepare


def _first_view(url: str):
    def prepare():
        cache.clear()
        return url, {}

    return prepare


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    school = {"slug": MAIN_SCHOOL_SLUG}
    feedback = Survey.objects.get(organisation__slug=MAIN_SCHOOL_SLUG, subject__user=leader)
    survey = {**school, "pk": feedback.pk}
    waiting = Invitation.objects.filter(
        round__survey__organisation__slug=MAIN_SCHOOL_SLUG,
        round__survey__title="Evaluatie teamdag",
        status=Invitation.Status.INVITED,
    ).order_by("pk")
    open_link, saving = waiting[0], waiting[1]
    report_url = reverse("surveys:report", kwargs=survey)
    answer_url = reverse("surveys:answer", args=[open_link.token])
    save_url = reverse("surveys:answer", args=[saving.token])
    saved = _answers(saving, action="save")
    own_pulse = Survey.objects.get(organisation__slug=MAIN_SCHOOL_SLUG, title=OWN_PULSE_TITLE)
    own_report = reverse("surveys:report", kwargs={**school, "pk": own_pulse.pk})
    voice = Instrument.objects.get(owner__slug=MAIN_SCHOOL_SLUG, code__endswith="leerlingenstem")
    own = {**school, "pk": voice.pk}
    return [
        BenchPage("own instruments", reverse("surveys:instrument_list", kwargs=school), leader),
        BenchPage(
            "instrument builder (60 items)",
            reverse("surveys:instrument_detail", kwargs=own),
            leader,
        ),
        BenchPage(
            "instrument preview (60 items)",
            reverse("surveys:instrument_preview_frame", kwargs=own),
            leader,
        ),
        BenchPage("survey list", reverse("surveys:survey_list", kwargs=school), leader),
        BenchPage("survey progress", reverse("surveys:survey_detail", kwargs=survey), leader),
        BenchPage("360° report", report_url, leader),
        # The first view after a round closes computes the results; later views reuse them.
        BenchPage("360° report, first view", report_url, leader, prepare=_first_view(report_url)),
        BenchPage("own instrument report (two versions)", own_report, leader),
        BenchPage(
            "own instrument report (two versions), first view",
            own_report,
            leader,
            prepare=_first_view(own_report),
        ),
        BenchPage("survey answer page", answer_url, leader),
        BenchPage(
            "survey submit",
            answer_url,
            leader,
            method="post",
            prepare=_fresh_link(open_link, _answers(open_link, action="submit")),
        ),
        # Saving may repeat on one link: the first save stores the answers, later ones
        # update them (the warm-up requests take the first).
        BenchPage(
            "survey save and come back",
            save_url,
            leader,
            method="post",
            prepare=lambda: (save_url, saved),
        ),
    ]
