"""Action plan items the person owns. The action plan is the school's shared plan: an erasure
keeps its items, their owner shown as a former staff member, so nothing to erase here."""

from privacy.registry import Part, files, record

from .models import Action, ActionEvidence


def export(user) -> list[Part]:
    actions = Action.objects.filter(owner__user=user).select_related(
        "organisation", "goal", "owner__user", "owner__organisation", "created_by", "updated_by"
    )
    evidence = ActionEvidence.objects.filter(uploaded_by=user).select_related(
        "action", "uploaded_by"
    )
    return [
        Part("action_plan_items", [record(a) for a in actions]),
        Part("action_evidence", [record(e) for e in evidence], files(evidence, "file", "evidence")),
    ]


def erase(user) -> None:
    return None
