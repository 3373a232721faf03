"""Writes of `growth`. Each checks that the person writing may, validates, and runs in a
transaction; bad input raises a LeerkringError and changes nothing."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.validation import validate
from organisations.access import Access

from . import selectors
from .access import can_edit_plan, can_keep_journal, can_make_agreements
from .models import (
    DevelopmentAgreement,
    JournalEntry,
    Need,
    ProfessionalisationPlan,
    ProgressNote,
    Response,
    school_year_of,
)

# Journal ----------------------------------------------------------------------------------


def _check_reader(*, access: Access, sharing: str, coach, learning_group, plg) -> dict:
    """The reader fields for this choice of sharing, each checked against what the author
    may choose; the other readers are cleared."""
    readers = {"coach": None, "learning_group": None, "plg": None}
    if sharing == JournalEntry.Sharing.COACH:
        if coach is None or not selectors.sharing_coaches(access=access).filter(pk=coach.pk):
            raise LeerkringError(_("Choose a coach of your school to share with."), field="coach")
        readers["coach"] = coach
    elif sharing == JournalEntry.Sharing.GROUP:
        groups = selectors.sharing_groups(access=access)
        if learning_group is None or not groups.filter(pk=learning_group.pk):
            raise LeerkringError(
                _("Choose a learning group you take part in."), field="learning_group"
            )
        readers["learning_group"] = learning_group
    elif sharing == JournalEntry.Sharing.PLG:
        if plg is None or not selectors.sharing_plgs(access=access).filter(pk=plg.pk):
            raise LeerkringError(_("Choose a PLG you are a member of."), field="plg")
        readers["plg"] = plg
    elif sharing != JournalEntry.Sharing.PRIVATE:
        raise LeerkringError(_("Choose who may read this entry."), field="sharing")
    return readers


@transaction.atomic
def journal_entry_save(
    *,
    access: Access,
    entry: JournalEntry | None = None,
    date,
    what_happened: str,
    what_i_learned: str = "",
    what_i_will_try: str = "",
    sharing: str = JournalEntry.Sharing.PRIVATE,
    coach=None,
    learning_group=None,
    plg=None,
) -> JournalEntry:
    """Write a new entry in the user's own journal, or change one of their entries."""
    if not can_keep_journal(access):
        raise Http404
    if entry is None:
        entry = JournalEntry(membership=access.membership)
    elif entry.membership_id != access.membership.pk:
        raise Http404
    if not what_happened.strip():
        raise LeerkringError(_("Write down what happened."), field="what_happened")
    readers = _check_reader(
        access=access, sharing=sharing, coach=coach, learning_group=learning_group, plg=plg
    )
    entry.date = date
    entry.what_happened = what_happened.strip()
    entry.what_i_learned = what_i_learned.strip()
    entry.what_i_will_try = what_i_will_try.strip()
    entry.sharing = sharing
    for name, value in readers.items():
        setattr(entry, name, value)
    validate(entry)
    entry.save()
    return entry


@transaction.atomic
def journal_entry_delete(*, access: Access, entry: JournalEntry) -> None:
    if access.membership is None or entry.membership_id != access.membership.pk:
        raise Http404
    entry.delete()


# Development agreements -------------------------------------------------------------------


def _check_agreement_texts(*, goal: str, due_on, was_due_on=None) -> None:
    if not goal.strip():
        raise LeerkringError(_("Write down the goal of the agreement."), field="goal")
    if due_on is None:
        raise LeerkringError(_("Say by when the goal should be reached."), field="due_on")
    if due_on != was_due_on and due_on < timezone.localdate():
        raise LeerkringError(_("“By when” cannot lie in the past."), field="due_on")


@transaction.atomic
def agreement_create(
    *, access: Access, person, conversation_on, goal: str, support: str = "", due_on
) -> DevelopmentAgreement:
    """A leader records an agreement with a person of their school."""
    if not can_make_agreements(access):
        raise PermissionDenied
    if not selectors.agreement_people(access=access).filter(pk=getattr(person, "pk", None)):
        raise LeerkringError(_("Choose a person of your school."), field="person")
    _check_agreement_texts(goal=goal, due_on=due_on)
    agreement = DevelopmentAgreement(
        organisation=access.organisation,
        person=person,
        leader=access.membership,
        conversation_on=conversation_on or timezone.localdate(),
        goal=goal.strip(),
        support=support.strip(),
        due_on=due_on,
    )
    validate(agreement)
    agreement.save()
    audit_log(
        actor=access.membership.user,
        action=AuditEvent.Action.CREATE,
        obj=agreement,
        organisation=access.organisation,
    )
    return agreement


@transaction.atomic
def agreement_update(
    *,
    access: Access,
    agreement: DevelopmentAgreement,
    goal: str,
    support: str,
    due_on,
    status: str,
    conversation_on=None,
) -> DevelopmentAgreement:
    """The leader who made the agreement changes it; nobody else may."""
    if access.membership is None or agreement.leader_id != access.membership.pk:
        raise Http404
    _check_agreement_texts(goal=goal, due_on=due_on, was_due_on=agreement.due_on)
    agreement.goal = goal.strip()
    agreement.support = support.strip()
    agreement.due_on = due_on
    agreement.status = status
    if conversation_on:
        agreement.conversation_on = conversation_on
    validate(agreement)
    agreement.save()
    audit_log(
        actor=access.membership.user,
        action=AuditEvent.Action.UPDATE,
        obj=agreement,
        organisation=access.organisation,
    )
    return agreement


@transaction.atomic
def progress_note_add(
    *, access: Access, agreement: DevelopmentAgreement, text: str
) -> ProgressNote:
    """The person of the agreement writes how it is going."""
    if access.membership is None or agreement.person_id != access.membership.pk:
        raise PermissionDenied
    if not text.strip():
        raise LeerkringError(_("Write down how it is going."), field="text")
    note = ProgressNote(agreement=agreement, text=text.strip(), written_by=access.membership.user)
    validate(note)
    note.save()
    return note


# Professionalisation plan -----------------------------------------------------------------


def _editor(access: Access) -> None:
    if not can_edit_plan(access):
        raise PermissionDenied


def _actor(access: Access):
    return access.membership.user if access.membership is not None else None


@transaction.atomic
def plan_create(*, access: Access, school_year: str, focus: str = "") -> ProfessionalisationPlan:
    _editor(access)
    plan = ProfessionalisationPlan(
        organisation=access.organisation, school_year=school_year.strip(), focus=focus.strip()
    )
    validate(plan)
    start, end = (int(year) for year in plan.school_year.split("-"))
    if end != start + 1:
        raise LeerkringError(
            _("A school year runs over two years in a row, such as 2026-2027."),
            field="school_year",
        )
    plan.save()
    audit_log(
        actor=_actor(access),
        action=AuditEvent.Action.CREATE,
        obj=plan,
        organisation=access.organisation,
    )
    return plan


@transaction.atomic
def need_save(
    *,
    access: Access,
    plan: ProfessionalisationPlan,
    need: Need | None = None,
    dimension: str,
    description: str,
    source: str = Need.Source.OTHER,
    team=None,
    person=None,
    origin=None,
) -> Need:
    """Add a need to the plan (or change one). `origin` is the object it came from — a
    competence gap, a development point, an agreement — when an app makes the need."""
    _editor(access)
    if plan.organisation_id != access.organisation.pk:
        raise Http404
    if team is not None and team.organisation_id != access.organisation.pk:
        raise LeerkringError(_("Choose a team of this school."), field="team")
    if person is not None and person.organisation_id != access.organisation.pk:
        raise LeerkringError(_("Choose a person of this school."), field="person")
    if not description.strip():
        raise LeerkringError(_("Describe the need."), field="description")
    if need is None:
        need = Need(plan=plan)
    need.dimension = dimension
    need.description = description.strip()
    need.source = source
    need.team = team
    need.person = person
    if origin is not None:
        need.source_type = ContentType.objects.get_for_model(origin)
        need.source_id = origin.pk
    validate(need)
    need.save()
    return need


@transaction.atomic
def need_delete(*, access: Access, need: Need) -> None:
    _editor(access)
    if need.plan.organisation_id != access.organisation.pk:
        raise Http404
    need.delete()


@transaction.atomic
def response_save(
    *,
    access: Access,
    need: Need,
    response: Response | None = None,
    kind: str,
    budget,
    hours,
    status: str = Response.Status.PLANNED,
    description: str = "",
    edition=None,
) -> Response:
    _editor(access)
    if need.plan.organisation_id != access.organisation.pk:
        raise Http404
    if edition is not None and kind != Response.Kind.COURSE:
        raise LeerkringError(_("Only a course has an edition from the catalogue."), field="edition")
    if budget is None or budget < 0:
        raise LeerkringError(_("The budget cannot be negative."), field="budget")
    if hours is None or hours < 0:
        raise LeerkringError(_("The hours cannot be negative."), field="hours")
    if response is None:
        response = Response(need=need)
    response.kind = kind
    response.edition = edition
    response.description = description.strip()
    response.budget = budget
    response.hours = hours
    response.status = status
    validate(response)
    response.save()
    return response


@transaction.atomic
def response_delete(*, access: Access, response: Response) -> None:
    _editor(access)
    if response.need.plan.organisation_id != access.organisation.pk:
        raise Http404
    response.delete()


@transaction.atomic
def need_from_agreement(*, access: Access, agreement: DevelopmentAgreement) -> Need:
    """The leader who made an agreement puts it in this school year's plan as an individual
    need of the person, linked to the agreement. The plan's readers (leaders, administrators,
    the person) then see the need; the agreement itself stays between the two."""
    if access.membership is None or agreement.leader_id != access.membership.pk:
        raise Http404
    _editor(access)
    agreement_type = ContentType.objects.get_for_model(DevelopmentAgreement)
    if Need.objects.filter(source_type=agreement_type, source_id=agreement.pk).exists():
        raise LeerkringError(_("This agreement is already a need in a plan."))
    plan = ProfessionalisationPlan.objects.filter(
        organisation=agreement.organisation, school_year=school_year_of(timezone.localdate())
    ).first()
    if plan is None:
        raise LeerkringError(
            _("There is no professionalisation plan for this school year yet: make it first.")
        )
    return need_save(
        access=access,
        plan=plan,
        dimension=Need.Dimension.INDIVIDUAL,
        description=agreement.goal,
        source=Need.Source.APPRAISAL,
        person=agreement.person,
        origin=agreement,
    )
