"""Round summaries: a finished 360° round's published dimension totals and offered
development points, kept in RoundSummary so that figures over many leaders' reports (a
learning group's combined profile) read one row per report instead of aggregating its
answers again.

A summary is written when something it rests on changes — a round closes (by hand, or its
close date passes: `manage.py round_summaries` each night), a group's threshold changes —
and never while a page is viewed. A reader that finds no summary computes the report live.
"""

from django.db import transaction
from django.utils import timezone

from .models import Instrument, Round, RoundSummary
from .points import proposals
from .reports import report_context


def summary_of(context: dict) -> tuple[list, list]:
    """(totals, points) of a report context: only what the report publishes, the total of
    all raters but self per dimension and the development points it offers."""
    totals = []
    for row in context.get("rows", []):
        dimension = row["dimension"]
        total = row["total"]
        mean = total.mean if total is not None else None
        totals.append([dimension.code, dimension.title_nl, dimension.title_en, mean])
    points = sorted([source, code] for source, code in proposals(context))
    return totals, points


def round_summary_write(*, round_: Round) -> RoundSummary | None:
    """Write (or rewrite) the summary of a finished round; None for an open one."""
    if not round_.is_finished():
        RoundSummary.objects.filter(round=round_).delete()
        return None
    totals, points = summary_of(report_context(round_.survey, round_.number))
    summary, _created = RoundSummary.objects.update_or_create(
        round=round_, defaults={"totals": totals, "points": points}
    )
    return summary


def round_summaries_write(*, rounds=None, missing_only: bool = True) -> int:
    """Write the summaries of finished 360° rounds (by default those without one yet);
    returns how many were written."""
    if rounds is None:
        today = timezone.localdate()
        rounds = Round.objects.filter(
            survey__version__instrument__kind=Instrument.Kind.FEEDBACK_360
        ).filter(closed=True) | Round.objects.filter(
            survey__version__instrument__kind=Instrument.Kind.FEEDBACK_360, closes_on__lt=today
        )
        if missing_only:
            rounds = rounds.filter(summary__isnull=True)
        rounds = rounds.select_related("survey__version__instrument").order_by("pk")
    written = 0
    for round_ in rounds:
        with transaction.atomic():
            written += round_summary_write(round_=round_) is not None
    return written


def survey_summaries_refresh(*, survey) -> None:
    """Rewrite the summaries of a survey's finished rounds (after a threshold changed)."""
    if survey.version.instrument.kind != Instrument.Kind.FEEDBACK_360:
        return
    round_summaries_write(rounds=list(survey.rounds.all()), missing_only=False)
