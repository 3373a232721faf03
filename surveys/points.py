"""Which parts of a report can become a development point: the weakest dimensions, the
priorities (important but weak), and the large perception gaps (self versus others, or
leadership versus staff in the responsibilities dialogue).

Proposals are read from the report's own rows, so a point can only come from what the
report publishes under the anonymity rules. The description is written in Dutch whatever
the reader's language, as plans are kept in Dutch, and it names no scores: a plan may be
read by people who may not see the report."""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from development.models import DevelopmentPoint

Source = DevelopmentPoint.Source
WEAKEST = 2  # the lowest dimensions of a round are offered as weak
LARGE_GAP = 0.5  # scale points between two views that are worth a conversation


@dataclass(frozen=True)
class Proposal:
    source: str
    code: str
    anchor: str
    description: str


def _describe(source: str, *, name: str, survey, round_) -> str:
    with translation.override("nl"):
        values = {"name": name, "survey": survey.title, "round": str(round_.label)}
        text = {
            Source.WEAK_DIMENSION: _(
                "Strengthen “%(name)s”: one of the weakest dimensions in “%(survey)s” (%(round)s)."
            ),
            Source.PRIORITY: _(
                "Work on “%(name)s”: important for the school now but not yet strong "
                "(“%(survey)s”, %(round)s)."
            ),
            Source.SELF_GAP: _(
                "Talk about “%(name)s”: the self-assessment and the view of others differ "
                "(“%(survey)s”, %(round)s)."
            ),
            Source.DIALOGUE_GAP: _(
                "Agree on “%(name)s”: leadership and staff see it differently "
                "(“%(survey)s”, %(round)s)."
            ),
        }[source] % values
    return text[:300]


def proposals(context: dict) -> dict[tuple[str, str], Proposal]:
    """The development points a report context offers, by (source, code)."""
    current = context.get("current")
    if current is None:
        return {}
    survey, round_ = context["survey"], current.round
    found = {}

    def add(source, code, anchor, name):
        found[(source, code)] = Proposal(
            source, code, anchor, _describe(source, name=name, survey=survey, round_=round_)
        )

    rows = context.get("rows", [])
    rated = sorted((r for r in rows if r["total"] is not None), key=lambda r: r["total"].mean)
    for row in rated[:WEAKEST]:
        dimension = row["dimension"]
        add(Source.WEAK_DIMENSION, dimension.code, f"dim-{dimension.pk}", dimension.title_nl)
    for row in rows:
        if row["gap"] is not None and abs(row["gap"]) >= LARGE_GAP:
            dimension = row["dimension"]
            add(Source.SELF_GAP, dimension.code, f"dim-{dimension.pk}", dimension.title_nl)
    for row in context.get("priorities") or []:
        if row["is_priority"]:
            dimension = row["dimension"]
            add(Source.PRIORITY, dimension.code, f"prio-{dimension.pk}", dimension.title_nl)
    dialogue = context.get("dialogue") or {}
    for row in dialogue.get("rows", []):
        if row["size"] >= LARGE_GAP:
            item = row["item"]
            add(Source.DIALOGUE_GAP, item.statement, f"stmt-{item.pk}", item.text_nl)
    return found


def attach(context: dict, sent: set) -> None:
    """Mark the report's rows with the proposals they offer and whether each was sent, so
    the template shows a button (or "sent") next to the row it belongs to."""
    offered = proposals(context)
    context["proposals"] = offered

    def for_row(*keys):
        return [{"proposal": offered[key], "sent": key in sent} for key in keys if key in offered]

    for row in context.get("rows", []):
        code = row["dimension"].code
        row["points"] = for_row((Source.WEAK_DIMENSION, code), (Source.SELF_GAP, code))
    for row in context.get("priorities") or []:
        row["points"] = for_row((Source.PRIORITY, row["dimension"].code))
    for row in (context.get("dialogue") or {}).get("rows", []):
        row["points"] = for_row((Source.DIALOGUE_GAP, row["item"].statement))
