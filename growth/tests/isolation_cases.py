"""Isolation cases for journals, development agreements and the professionalisation plan of
the world's school. Personal pages are requested by their own person (`owner_for`)."""

import datetime


def build(w):
    from growth.models import DevelopmentAgreement, JournalEntry

    today = datetime.date.today()
    w.entry = JournalEntry.objects.create(
        membership=w.staff, date=today, what_happened="Een les die niet liep zoals gepland."
    )
    w.agreement = DevelopmentAgreement.objects.create(
        organisation=w.school,
        person=w.staff,
        leader=w.leader,
        conversation_on=today,
        goal="Klasmanagement versterken",
        due_on=today + datetime.timedelta(days=60),
    )
    owners = w.__dict__.setdefault("owner_for", {})
    for name in JOURNAL:
        owners[name] = w.staff.user


def _org(w):
    return {"slug": w.school.slug}


def _entry(w):
    return {"slug": w.school.slug, "pk": w.entry.pk}


def _agreement(w):
    return {"slug": w.school.slug, "pk": w.agreement.pk}


JOURNAL = {
    "growth:journal": _org,
    "growth:journal_new": _org,
    "growth:journal_edit": _entry,
    "growth:journal_delete": _entry,
    "growth:journal_shared": _org,
}

# Requested by the leader who made the agreement.
AGREEMENTS = {
    "growth:agreements": _org,
    "growth:agreement_new": _org,
    "growth:agreement": _agreement,
    "growth:agreement_edit": _agreement,
}

URLS = {**JOURNAL, **AGREEMENTS}
