"""Reads of `growth`. Journal entries are read here and nowhere else: every function below
names the one person whose reading it serves, and none lets a role stand in for that."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from communities.models import PLG
from networks.models import LearningGroup
from organisations.access import Access
from organisations.models import Membership

from .models import DevelopmentAgreement, JournalEntry, ProgressNote

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
