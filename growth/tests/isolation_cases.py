"""Isolation cases for journals, development agreements and the professionalisation plan of
the world's school. Personal pages are requested by their own person (`owner_for`)."""

import datetime


def build(w):
    from growth.models import (
        DevelopmentAgreement,
        JournalEntry,
        Need,
        ProfessionalisationPlan,
        Response,
    )

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
    w.plan = ProfessionalisationPlan.objects.create(organisation=w.school, school_year="2026-2027")
    w.need = Need.objects.create(
        plan=w.plan, dimension=Need.Dimension.TEAM, team=w.team, description="Co-teaching"
    )
    w.response = Response.objects.create(need=w.need, kind=Response.Kind.COACHING, hours=6)
    owners = w.__dict__.setdefault("owner_for", {})
    for name in JOURNAL:
        owners[name] = w.staff.user


def _org(w):
    return {"slug": w.school.slug}


def _entry(w):
    return {"slug": w.school.slug, "pk": w.entry.pk}


def _agreement(w):
    return {"slug": w.school.slug, "pk": w.agreement.pk}


def _plan(w):
    return {"slug": w.school.slug, "pk": w.plan.pk}


def _need(w):
    return {"slug": w.school.slug, "pk": w.need.pk}


def _response(w):
    return {"slug": w.school.slug, "pk": w.response.pk}


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
    "growth:agreement_to_plan": _agreement,
}

PLAN = {
    "growth:plans": _org,
    "growth:plan": _plan,
    "growth:need_new": _plan,
    "growth:need_edit": _need,
    "growth:need_delete": _need,
    "growth:response_new": _need,
    "growth:response_edit": _response,
    "growth:response_delete": _response,
}

URLS = {**JOURNAL, **AGREEMENTS, **PLAN}
