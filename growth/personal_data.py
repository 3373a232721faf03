"""Learning journals and development agreements: private, so erasure deletes them."""

from privacy.registry import Part, record

from .models import DevelopmentAgreement, JournalEntry, Need, ProgressNote


def export(user) -> list[Part]:
    entries = JournalEntry.objects.filter(membership__user=user).select_related(
        "membership__organisation", "membership__user", "coach__user", "learning_group", "plg"
    )
    agreements = DevelopmentAgreement.objects.filter(person__user=user).select_related(
        "organisation", "person__user", "person__organisation", "leader__user"
    )
    notes = ProgressNote.objects.filter(agreement__person__user=user).select_related(
        "agreement", "written_by"
    )
    needs = Need.objects.filter(person__user=user).select_related(
        "plan", "team", "person__user", "person__organisation", "source_type"
    )
    return [
        Part("journal_entries", [record(e) for e in entries]),
        Part("development_agreements", [record(a) for a in agreements]),
        Part("development_agreement_progress", [record(n) for n in notes]),
        Part("professionalisation_needs", [record(n) for n in needs]),
    ]


def erase(user) -> None:
    JournalEntry.objects.filter(membership__user=user).delete()
    DevelopmentAgreement.objects.filter(person__user=user).delete()
    Need.objects.filter(person__user=user).delete()
