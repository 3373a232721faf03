"""Starting, proposing, approving and joining PLG's; members and roles; the cycle."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from core.errors import LeerkringError
from core.tasks import send_email
from core.validation import validate
from organisations.models import Membership, Organisation

from ..access import organisation_ids_for_plg
from ..cycles import cycle_for
from ..models import LEADING_ROLES, PLG, Evidence, MemberRole, PhaseRecord, PLGMember, Role
from ._common import audit

__all__ = [
    "plg_start",
    "plg_approve",
    "plg_update",
    "plg_close",
    "plg_join",
    "plg_leave",
    "plg_member_add",
    "plg_member_remove",
    "plg_member_roles_set",
    "plg_advance_phase",
    "plg_evidence_add",
    "coach_group_start",
]


@transaction.atomic
def plg_start(
    *,
    organisation: Organisation,
    type: str,
    name: str,
    learning_question: str,
    focus: str,
    is_open: bool = True,
    minutes_readers: str = PLG.MinutesReaders.MEMBERS,
    subject: str = "",
    starter: Membership,
    approved: bool,
) -> PLG:
    """Start a PLG (a leader or coach), or propose one for a leader's approval (anyone else).
    The starter becomes its first member and process coach."""
    if organisation.kind not in (Organisation.Kind.SCHOOL, Organisation.Kind.COMMUNITY):
        raise LeerkringError(_("A PLG belongs to a school or a school community."))
    if type not in PLG.Type.values:
        raise LeerkringError(_("Choose a type of PLG."), field="type")
    plg = PLG(
        organisation=organisation,
        type=type,
        name=name.strip(),
        learning_question=learning_question.strip(),
        focus=focus,
        is_open=is_open,
        minutes_readers=minutes_readers,
        subject=subject.strip(),
        status=PLG.Status.ACTIVE if approved else PLG.Status.PROPOSED,
        current_phase=cycle_for(type).first.code,
        proposed_by=starter.user,
    )
    validate(plg)
    if PLG.objects.filter(organisation=organisation, name__iexact=plg.name).exists():
        raise LeerkringError(_("There already is a PLG with this name."), field="name")
    plg.save()
    member = PLGMember.objects.create(plg=plg, person=starter)
    MemberRole.objects.create(member=member, role=Role.PROCESS_COACH)
    if approved:
        PhaseRecord.objects.create(
            plg=plg, phase=plg.current_phase, started_at=timezone.now(), started_by=starter.user
        )
    audit(actor=starter.user, action=AuditEvent.Action.CREATE, obj=plg, plg=plg, summary=plg.status)
    if not approved:
        transaction.on_commit(lambda: _tell_leaders_about_proposal(plg))
    return plg


def _tell_leaders_about_proposal(plg: PLG) -> None:
    leaders = list(
        Membership.objects.filter(
            organisation=plg.organisation, role__in=Membership.MANAGING_ROLES, is_active=True
        ).values_list("user__email", flat=True)
    )
    if not leaders:
        return
    path = reverse("communities:plg_detail", kwargs={"slug": plg.organisation.slug, "pk": plg.pk})
    send_email.enqueue(
        subject=_("New PLG proposal: %(plg)s") % {"plg": plg.name},
        body=_(
            "%(person)s proposes a PLG “%(plg)s” with this learning question:\n\n%(question)s"
            "\n\nApprove it on %(path)s"
        )
        % {
            "person": plg.proposed_by,
            "plg": plg.name,
            "question": plg.learning_question,
            "path": path,
        },
        to=leaders,
    )


@transaction.atomic
def plg_approve(*, plg: PLG, actor) -> PLG:
    if plg.status != PLG.Status.PROPOSED:
        raise LeerkringError(_("Only a proposed PLG can be approved."))
    plg.status = PLG.Status.ACTIVE
    plg.save(update_fields=["status", "updated_at"])
    PhaseRecord.objects.create(
        plg=plg, phase=plg.current_phase, started_at=timezone.now(), started_by=actor
    )
    audit(actor=actor, action=AuditEvent.Action.UPDATE, obj=plg, plg=plg, summary="approved")
    return plg


@transaction.atomic
def plg_update(*, plg: PLG, actor, **fields) -> PLG:
    allowed = {
        "name",
        "learning_question",
        "focus",
        "is_open",
        "minutes_readers",
        "subject",
        "learnings",
        "shared_with",
    }
    for key, value in fields.items():
        if key not in allowed:
            raise TypeError(key)
        setattr(plg, key, value.strip() if isinstance(value, str) else value)
    if plg.shared_with is not None and not plg.shared_with.is_provider:
        raise LeerkringError(_("A PLG can only be shared with a provider."), field="shared_with")
    validate(plg)
    duplicate = PLG.objects.filter(organisation=plg.organisation, name__iexact=plg.name)
    if duplicate.exclude(pk=plg.pk).exists():
        raise LeerkringError(_("There already is a PLG with this name."), field="name")
    plg.save()
    audit(actor=actor, action=AuditEvent.Action.UPDATE, obj=plg, plg=plg)
    return plg


@transaction.atomic
def plg_close(*, plg: PLG, actor) -> PLG:
    if plg.status == PLG.Status.CLOSED:
        raise LeerkringError(_("This PLG is already closed."))
    plg.status = PLG.Status.CLOSED
    plg.save(update_fields=["status", "updated_at"])
    PhaseRecord.objects.filter(plg=plg, ended_at__isnull=True).update(ended_at=timezone.now())
    audit(actor=actor, action=AuditEvent.Action.UPDATE, obj=plg, plg=plg, summary="closed")
    return plg


def _add(plg: PLG, person: Membership) -> PLGMember:
    if person.organisation_id not in organisation_ids_for_plg(plg.organisation):
        raise LeerkringError(_("This person works outside this PLG's school community."))
    if not person.is_active:
        raise LeerkringError(_("This person is no longer active."))
    member, created = PLGMember.objects.get_or_create(plg=plg, person=person)
    if not created:
        raise LeerkringError(_("%(person)s is already a member.") % {"person": person.user})
    return member


@transaction.atomic
def plg_join(*, plg: PLG, person: Membership) -> PLGMember:
    if plg.status != PLG.Status.ACTIVE or not plg.is_open:
        raise LeerkringError(_("This PLG is not open to join."))
    member = _add(plg, person)
    audit(actor=person.user, action=AuditEvent.Action.UPDATE, obj=plg, plg=plg, summary="joined")
    return member


def _refuse_with_open_actions(member: PLGMember, message: str) -> None:
    """Removing a member removes their actions: open ones are handed over first, so that no
    agreement of the group gets lost on the way."""
    if member.actions.filter(done_at__isnull=True).exists():
        raise LeerkringError(message)


@transaction.atomic
def plg_leave(*, member: PLGMember) -> None:
    plg = member.plg
    others_lead = MemberRole.objects.filter(member__plg=plg, role__in=LEADING_ROLES).exclude(
        member=member
    )
    if member.roles.filter(role__in=[Role.PROCESS_COACH, Role.TEAM_COACH]).exists() and not (
        others_lead.exists()
    ):
        raise LeerkringError(_("Hand over your coaching role before you leave this PLG."))
    _refuse_with_open_actions(
        member,
        _("You still own open actions: hand them over before you leave this PLG."),
    )
    user = member.person.user
    member.delete()
    audit(actor=user, action=AuditEvent.Action.UPDATE, obj=plg, plg=plg, summary="left")


@transaction.atomic
def plg_member_add(*, plg: PLG, person: Membership, roles=(), actor) -> PLGMember:
    member = _add(plg, person)
    MemberRole.objects.bulk_create([MemberRole(member=member, role=r) for r in set(roles)])
    audit(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=plg,
        plg=plg,
        summary=f"+{person.user.email}",
    )
    return member


@transaction.atomic
def plg_member_remove(*, member: PLGMember, actor) -> None:
    plg = member.plg
    _refuse_with_open_actions(
        member,
        _("%(person)s still owns open actions: give them to someone else first.")
        % {"person": member.person.user},
    )
    email = member.person.user.email
    member.delete()
    audit(actor=actor, action=AuditEvent.Action.UPDATE, obj=plg, plg=plg, summary=f"-{email}")


@transaction.atomic
def plg_member_roles_set(*, member: PLGMember, roles, actor) -> None:
    roles = set(roles)
    unknown = roles - set(Role.values)
    if unknown:
        raise LeerkringError(_("Unknown role."))
    member.roles.exclude(role__in=roles).delete()
    have = set(member.roles.values_list("role", flat=True))
    MemberRole.objects.bulk_create([MemberRole(member=member, role=r) for r in roles - have])
    audit(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=member.plg,
        plg=member.plg,
        summary=f"roles:{member.person.user.email}:{','.join(sorted(roles))}",
    )


@transaction.atomic
def plg_advance_phase(*, plg: PLG, conclusion: str = "", actor) -> PhaseRecord:
    """Close the current phase with what it brought and open the next; after the last phase a
    new round of the cycle begins."""
    if plg.status != PLG.Status.ACTIVE:
        raise LeerkringError(_("Only an active PLG moves through its cycle."))
    plg = PLG.objects.select_for_update().get(pk=plg.pk)
    now = timezone.now()
    cycle = plg.cycle
    following = cycle.next_phase(plg.current_phase) or cycle.first
    conclusion = conclusion.strip()
    PhaseRecord.objects.filter(plg=plg, ended_at__isnull=True).update(
        ended_at=now, conclusion=conclusion
    )
    plg.current_phase = following.code
    plg.save(update_fields=["current_phase", "updated_at"])
    record = PhaseRecord.objects.create(
        plg=plg, phase=following.code, started_at=now, started_by=actor
    )
    audit(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=plg,
        plg=plg,
        summary=f"phase:{following.code}",
    )
    return record


@transaction.atomic
def plg_evidence_add(*, plg: PLG, text: str, url: str = "", actor) -> Evidence:
    if plg.status != PLG.Status.ACTIVE:
        raise LeerkringError(_("Only an active PLG gathers evidence."))
    evidence = Evidence(
        plg=plg, phase=plg.current_phase, text=text.strip(), url=url.strip(), added_by=actor
    )
    validate(evidence, exclude=["added_by"])
    evidence.save()
    audit(actor=actor, action=AuditEvent.Action.CREATE, obj=evidence, plg=plg)
    return evidence


@transaction.atomic
def coach_group_start(*, organisation: Organisation, name: str, starter: Membership) -> PLG:
    """A coach-the-coach group: every process coach of the organisation's active PLG's joins."""
    plg = plg_start(
        organisation=organisation,
        type=PLG.Type.COACH_THE_COACH,
        name=name,
        learning_question=_("How do we coach our PLG's so that they keep learning?"),
        focus=PLG.Focus.LEADERSHIP,
        is_open=False,
        starter=starter,
        approved=True,
    )
    coaches = (
        Membership.objects.filter(
            plg_memberships__plg__organisation=organisation,
            plg_memberships__plg__status=PLG.Status.ACTIVE,
            plg_memberships__roles__role=Role.PROCESS_COACH,
            is_active=True,
        )
        .exclude(pk=starter.pk)
        .distinct()
    )
    for person in coaches:
        _add(plg, person)
    return plg
