"""Reads of `growth`. Journal entries are read here and nowhere else: every function below
names the one person whose reading it serves, and none lets a role stand in for that."""

from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.http import Http404

from communities.models import PLG
from networks.models import Edition, LearningGroup
from organisations.access import Access
from organisations.models import Membership, Team

from .access import can_edit_plan
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


def _journal_rows() -> QuerySet[JournalEntry]:
    return JournalEntry.objects.select_related(
        "membership__user", "coach__user", "learning_group", "plg"
    )


def journal_of(*, access: Access) -> QuerySet[JournalEntry]:
    """The entries the user wrote through their membership here, newest first."""
    if access.membership is None:
        return JournalEntry.objects.none()
    return _journal_rows().filter(membership=access.membership)


def journal_entry_of_author(*, access: Access, pk: int) -> JournalEntry:
    """One of the user's own entries here, or a 404 (for everyone else: leaders too)."""
    entry = journal_of(access=access).filter(pk=pk).first()
    if entry is None:
        raise Http404
    return entry


def _shared_with(user) -> Q:
    coach = Q(sharing=JournalEntry.Sharing.COACH, coach__user=user, coach__is_active=True)
    group = Q(
        sharing=JournalEntry.Sharing.GROUP,
        learning_group__in=LearningGroup.objects.filter(
            participants__user=user, participants__is_active=True
        ),
    )
    plg = Q(
        sharing=JournalEntry.Sharing.PLG,
        plg__in=PLG.objects.filter(members__person__user=user, members__person__is_active=True),
    )
    return coach | group | plg


def journal_shared_with(*, user) -> QuerySet[JournalEntry]:
    """Entries other people shared with this user: as their chosen coach, or with a learning
    group or PLG the user is in. Never the user's own, never a private one."""
    if not user.is_authenticated:
        return JournalEntry.objects.none()
    return (
        _journal_rows()
        .filter(_shared_with(user))
        .exclude(sharing=JournalEntry.Sharing.PRIVATE)
        .exclude(membership__user=user)
    )


def journal_entry_shared_with(*, user, pk: int) -> JournalEntry:
    entry = journal_shared_with(user=user).filter(pk=pk).first()
    if entry is None:
        raise Http404
    return entry


def journal_readable_by(*, user, entry: JournalEntry) -> bool:
    """Whether this user may read the entry: its author, or a reader it is shared with."""
    if not user.is_authenticated:
        return False
    if entry.membership.user_id == user.pk:
        return True
    return journal_shared_with(user=user).filter(pk=entry.pk).exists()


def sharing_coaches(*, access: Access) -> QuerySet[Membership]:
    """The coaches of this school an entry may be shared with (never the author)."""
    coaches = Membership.objects.filter(
        organisation=access.organisation, role=Membership.Role.COACH, is_active=True
    ).select_related("user")
    if access.membership is not None:
        coaches = coaches.exclude(user_id=access.membership.user_id)
    return coaches.order_by("user__last_name", "user__first_name", "pk")


def sharing_groups(*, access: Access) -> QuerySet[LearningGroup]:
    """The learning groups the user takes part in."""
    if access.membership is None:
        return LearningGroup.objects.none()
    return (
        LearningGroup.objects.filter(
            participants__user_id=access.membership.user_id, participants__is_active=True
        )
        .select_related("edition__programme")
        .distinct()
        .order_by("name", "pk")
    )


def sharing_plgs(*, access: Access) -> QuerySet[PLG]:
    """The PLG's the user is in through their membership here."""
    if access.membership is None:
        return PLG.objects.none()
    return PLG.objects.filter(members__person=access.membership).order_by("name", "pk")


# Development agreements -------------------------------------------------------------------


def agreements_for(*, access: Access) -> QuerySet[DevelopmentAgreement]:
    """The agreements the user is the person of, or made as leader, in this school; with
    `note_count`. Nobody else's: a leader does not see another leader's agreements."""
    if access.membership is None:
        return DevelopmentAgreement.objects.none()
    mine = Q(person=access.membership) | Q(leader=access.membership)
    return (
        DevelopmentAgreement.objects.filter(mine, organisation=access.organisation)
        .select_related("person__user", "leader__user")
        .annotate(note_count=Count("progress_notes"))
        .order_by("due_on", "pk")
    )


def agreement_for_access(*, access: Access, pk: int) -> tuple[DevelopmentAgreement, bool]:
    """The agreement with this pk if the user is its person or its leader, else a 404; and
    whether the user is its leader."""
    agreement = agreements_for(access=access).filter(pk=pk).first()
    if agreement is None:
        raise Http404
    return agreement, agreement.leader_id == access.membership.pk


def agreement_notes(*, agreement: DevelopmentAgreement) -> QuerySet[ProgressNote]:
    return agreement.progress_notes.select_related("written_by")


def agreement_people(*, access: Access) -> QuerySet[Membership]:
    """The school's people a leader may make an agreement with (not themselves)."""
    people = Membership.objects.filter(organisation=access.organisation, is_active=True)
    if access.membership is not None:
        people = people.exclude(pk=access.membership.pk)
    return people.select_related("user").order_by("user__last_name", "user__first_name", "pk")


# Professionalisation plan -----------------------------------------------------------------

ACTIVE_RESPONSE = ~Q(responses__status=Response.Status.CANCELLED)


def plans_of(*, access: Access) -> QuerySet[ProfessionalisationPlan]:
    return access.organisation.professionalisation_plans.order_by("-school_year")


def plan_for_access(*, access: Access, pk: int) -> tuple[ProfessionalisationPlan, bool]:
    """The school's plan with this pk, or a 404; and whether the user may edit it."""
    plan = plans_of(access=access).filter(pk=pk).first()
    if plan is None:
        raise Http404
    return plan, can_edit_plan(access)


def visible_needs(*, access: Access, plan: ProfessionalisationPlan) -> QuerySet[Need]:
    """The plan's needs the user may read: all of them for leaders and administrators; the
    team and school parts, and their own individual needs, for everyone else."""
    needs = plan.needs.all()
    if not can_edit_plan(access):
        own = Q(person=access.membership) if access.membership is not None else Q(pk__in=[])
        needs = needs.filter(~Q(dimension=Need.Dimension.INDIVIDUAL) | own)
    return needs


def plan_needs(*, access: Access, plan: ProfessionalisationPlan) -> list[Need]:
    """The readable needs with their team, person and responses (and each response's course),
    and per need `hours` and `budget` over the responses that are not cancelled."""
    responses = Response.objects.select_related("edition__programme").order_by("pk")
    return list(
        visible_needs(access=access, plan=plan)
        .select_related("team", "person__user")
        .prefetch_related(Prefetch("responses", responses))
        .annotate(
            hours=Sum("responses__hours", filter=ACTIVE_RESPONSE),
            budget=Sum("responses__budget", filter=ACTIVE_RESPONSE),
        )
        .order_by("dimension", "team__name", "pk")
    )


def _totals(needs: QuerySet[Need], field: str):
    return (
        needs.values(field)
        .annotate(
            need_count=Count("pk", distinct=True),
            hours=Sum("responses__hours", filter=ACTIVE_RESPONSE),
            budget=Sum("responses__budget", filter=ACTIVE_RESPONSE),
        )
        .order_by(field)
    )


def plan_totals(*, access: Access, plan: ProfessionalisationPlan) -> dict:
    """Hours and budget (responses not cancelled) per dimension, per team and in all, over
    the needs the user may read; two queries."""
    needs = visible_needs(access=access, plan=plan)
    zero = Decimal(0)
    by_dimension = {row["dimension"]: row for row in _totals(needs, "dimension")}
    dimensions = []
    for value, label in Need.Dimension.choices:
        row = by_dimension.get(value, {})
        dimensions.append(
            {
                "dimension": value,
                "label": label,
                "need_count": row.get("need_count", 0),
                "hours": row.get("hours") or zero,
                "budget": row.get("budget") or zero,
            }
        )
    teams = [
        {**row, "hours": row["hours"] or zero, "budget": row["budget"] or zero}
        for row in _totals(needs.filter(team__isnull=False), "team__name")
    ]
    total = {
        "need_count": sum(row["need_count"] for row in dimensions),
        "hours": sum((row["hours"] for row in dimensions), zero),
        "budget": sum((row["budget"] for row in dimensions), zero),
    }
    return {"dimensions": dimensions, "teams": teams, "total": total}


def current_plan(*, access: Access, today) -> ProfessionalisationPlan | None:
    """The school's plan for the school year `today` falls in, if there is one."""
    return plans_of(access=access).filter(school_year=school_year_of(today)).first()


def needs_without_response(*, plan: ProfessionalisationPlan, limit: int = 5) -> list[Need]:
    """The first needs of the plan that nothing answers yet (or only cancelled responses)."""
    answered = Response.objects.filter(need=OuterRef("pk")).exclude(
        status=Response.Status.CANCELLED
    )
    return list(plan.needs.filter(~Exists(answered)).order_by("dimension", "pk")[:limit])


def need_for_access(*, access: Access, pk: int) -> Need:
    """A need of one of the school's plans, for those who edit the plan; else a 404."""
    if not can_edit_plan(access):
        raise Http404
    need = (
        Need.objects.filter(plan__organisation=access.organisation, pk=pk)
        .select_related("plan")
        .first()
    )
    if need is None:
        raise Http404
    return need


def response_for_access(*, access: Access, pk: int) -> Response:
    if not can_edit_plan(access):
        raise Http404
    response = (
        Response.objects.filter(need__plan__organisation=access.organisation, pk=pk)
        .select_related("need__plan")
        .first()
    )
    if response is None:
        raise Http404
    return response


def plan_teams(*, access: Access) -> QuerySet[Team]:
    return access.organisation.teams.order_by("name", "pk")


def catalogue_editions() -> QuerySet[Edition]:
    """Editions of published programmes, for a response that is a course."""
    return (
        Edition.objects.filter(programme__is_published=True)
        .select_related("programme")
        .order_by("-starts_on", "pk")
    )
