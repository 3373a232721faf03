"""Writes for running an edition: learning groups and attendance."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError

from ..models import Application, Attendance, LearningGroup, Participant, ProfileRelease


def group_warnings(group: LearningGroup) -> list[str]:
    """Why this group is unusual: its size outside 4–8, or members from several communities.
    Uses the group's prefetched participants when there are."""
    if _prefetched(group):
        members = list(group.participants.all())
    else:
        members = list(
            group.participants.filter(
                is_active=True, application__status=Application.Status.ACCEPTED
            ).select_related("school")
        )
    return membership_warnings(
        size=len(members), communities={p.school.parent_id if p.school else None for p in members}
    )


def membership_warnings(*, size: int, communities: set) -> list[str]:
    """The warnings of a group of `size` members whose schools belong to these school
    communities (None: a school outside any community, or no school)."""
    warnings = []
    if not LearningGroup.MIN_SIZE <= size <= LearningGroup.MAX_SIZE:
        warnings.append(
            ngettext(
                "This group has %(count)d member; a learning group normally has 4 to 8.",
                "This group has %(count)d members; a learning group normally has 4 to 8.",
                size,
            )
            % {"count": size}
        )
    communities = communities - {None}
    if len(communities) > 1:
        warnings.append(
            _("This group mixes school leaders of %(count)d school communities.")
            % {"count": len(communities)}
        )
    return warnings


def _prefetched(group) -> bool:
    return "participants" in getattr(group, "_prefetched_objects_cache", {})


@transaction.atomic
def group_set_members(*, group: LearningGroup, participant_ids: list[int], actor) -> None:
    """Make exactly these accepted participants of the edition the group's members."""
    chosen = Participant.objects.filter(
        edition_id=group.edition_id,
        pk__in=participant_ids,
        is_active=True,
        application__status=Application.Status.ACCEPTED,
    )
    if chosen.count() != len(set(participant_ids)):
        raise LeerkringError(_("Only accepted participants of this edition can join a group."))
    taken = chosen.exclude(group=None).exclude(group=group)
    if taken.exists():
        raise LeerkringError(
            _("%(person)s is already in another learning group.")
            % {"person": taken.select_related("user").first().user}
        )
    Participant.objects.filter(group=group).exclude(pk__in=participant_ids).update(group=None)
    chosen.update(group=group)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=group,
        organisation=group.edition.programme.provider,
        summary=f"{len(participant_ids)} members",
    )


@transaction.atomic
def attendance_record(*, session, statuses: dict[int, str], actor) -> None:
    """Set the attendance of the given participants (pk -> status) for a session."""
    valid = set(
        Participant.objects.filter(edition_id=session.edition_id, pk__in=statuses).values_list(
            "pk", flat=True
        )
    )
    existing = {a.participant_id: a for a in session.attendances.filter(participant_id__in=valid)}
    new, changed = [], []
    for pk, status in statuses.items():
        if pk not in valid:
            continue
        if pk in existing:
            existing[pk].status = status
            changed.append(existing[pk])
        else:
            new.append(Attendance(session=session, participant_id=pk, status=status))
    Attendance.objects.bulk_create(new)
    Attendance.objects.bulk_update(changed, ["status"])
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=session,
        organisation=session.edition.programme.provider,
        summary="attendance",
    )


@transaction.atomic
def profile_consent_set(*, participant: Participant, give: bool, actor) -> Participant:
    """Give or withdraw the participant's consent to count their 360° in their learning
    group's combined profile. Withdrawing takes effect at the trainer's next view."""
    participant.profile_consent_at = timezone.now() if give else None
    participant.save(update_fields=["profile_consent_at"])
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=participant,
        organisation=participant.edition.programme.provider,
        summary="360° profile consent given" if give else "360° profile consent withdrawn",
    )
    return participant


def profile_version_record(*, group: LearningGroup, keys: frozenset) -> None:
    """Remember which rounds a profile the trainer was shown rests on (see tailoring)."""
    ProfileRelease.objects.get_or_create(group=group, rounds=" ".join(sorted(keys)))
