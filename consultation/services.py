"""Writes for consultation bodies. Every write checks who may make it. Meetings of a body are
written by communities' meeting services."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.validation import validate
from organisations.access import Access
from organisations.models import Membership, Organisation

from .access import can_edit_bodies
from .models import Body
from .schoolyear import first_weekday_from, school_year_of
from .starter import STARTER


def starter_bodies(*, organisation: Organisation) -> list[Body]:
    """Give a school without bodies the usual ones (names in the active language), with their
    rules starting in the current school year."""
    if not organisation.is_school:
        raise LeerkringError(_("The consultation structure belongs to a school."))
    first_day, _last = school_year_of(timezone.localdate())
    rows = []
    for position, (kind, name, purpose, rhythm, groups, rule, weeks, weekday, time) in enumerate(
        STARTER
    ):
        start = None
        if rule:
            day = first_weekday_from(first_day, weekday)
            start = timezone.make_aware(datetime.datetime.combine(day, time))
        rows.append(
            Body(
                organisation=organisation,
                kind=kind,
                name=str(name),
                purpose=str(purpose),
                rhythm=str(rhythm),
                stakeholders=[str(group) for group in groups],
                rule=rule,
                rule_weeks=weeks,
                rule_start=start,
                position=position,
            )
        )
    with transaction.atomic():
        if organisation.consultation_bodies.exists():
            return []
        return Body.objects.bulk_create(rows)


def _clean_groups(groups) -> list[str]:
    seen, result = set(), []
    for group in groups:
        group = " ".join(group.split())
        if group and group.lower() not in seen:
            seen.add(group.lower())
            result.append(group)
    return result


@transaction.atomic
def body_save(
    *,
    access: Access,
    body: Body | None = None,
    name: str,
    kind: str,
    purpose: str = "",
    rhythm: str = "",
    rule: str = "",
    rule_weeks: int | None = None,
    rule_start: datetime.datetime | None = None,
    rule_duration_minutes: int = 90,
    member_ids=(),
    stakeholders=(),
    is_public: bool = False,
    actor,
) -> Body:
    """Create (`body` None) or change a body of the access's school. `member_ids` are
    memberships of that school."""
    organisation = access.organisation
    if not can_edit_bodies(access):
        raise PermissionDenied
    if body is not None and body.organisation_id != organisation.pk:
        raise PermissionDenied
    if not organisation.is_school:
        raise LeerkringError(_("The consultation structure belongs to a school."))
    name = " ".join(name.split())
    if not name:
        raise LeerkringError(_("Give the consultation body a name."), field="name")
    others = organisation.consultation_bodies.filter(name__iexact=name)
    if body is not None:
        others = others.exclude(pk=body.pk)
    if others.exists():
        raise LeerkringError(_("The school already has a body with this name."), field="name")
    if kind not in Body.Kind.values:
        raise LeerkringError(_("Choose what kind of body this is."), field="kind")
    if rule not in Body.Rule.values:
        raise LeerkringError(_("Choose a repeat rule from the list."), field="rule")
    if rule == Body.Rule.WEEKS and not (rule_weeks and 1 <= rule_weeks <= 26):
        raise LeerkringError(
            _("Say every how many weeks the body meets (1 to 26)."), field="rule_weeks"
        )
    if rule and rule_start is None:
        raise LeerkringError(
            _("A repeat rule needs the date and time of its first meeting."), field="rule_date"
        )
    if not 15 <= rule_duration_minutes <= 480:
        raise LeerkringError(
            _("A meeting lasts from 15 to 480 minutes."), field="rule_duration_minutes"
        )
    member_ids = set(member_ids)
    members = list(
        Membership.objects.filter(organisation=organisation, is_active=True, pk__in=member_ids)
    )
    if len(members) != len(member_ids):
        raise LeerkringError(_("Only staff of this school can be members."), field="members")

    created = body is None
    if created:
        last = organisation.consultation_bodies.order_by("-position").first()
        body = Body(organisation=organisation, position=last.position + 1 if last else 0)
    body.name, body.kind = name, kind
    body.purpose, body.rhythm = purpose.strip(), rhythm.strip()
    body.rule = rule
    body.rule_weeks = rule_weeks if rule == Body.Rule.WEEKS else None
    body.rule_start = rule_start if rule else None
    body.rule_duration_minutes = rule_duration_minutes
    body.stakeholders = _clean_groups(stakeholders)
    body.is_public = is_public
    validate(body, validate_constraints=False)
    body.save()
    body.members.set(members)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE,
        obj=body,
        organisation=organisation,
    )
    return body


@transaction.atomic
def body_delete(*, access: Access, body: Body, actor) -> None:
    """Remove a body with its meetings, minutes and decisions."""
    if not can_edit_bodies(access) or body.organisation_id != access.organisation.pk:
        raise PermissionDenied
    audit_log(
        actor=actor, action=AuditEvent.Action.DELETE, obj=body, organisation=access.organisation
    )
    body.delete()


@transaction.atomic
def body_meeting_delete(*, access: Access, meeting, actor) -> None:
    """Cancel a body's meeting, with its agenda, minutes and decisions. A PLG's meetings are
    not removed this way."""
    body = meeting.body
    if meeting.body_id is None or body.organisation_id != access.organisation.pk:
        raise PermissionDenied
    if not can_edit_bodies(access):
        raise PermissionDenied
    audit_log(
        actor=actor, action=AuditEvent.Action.DELETE, obj=meeting, organisation=access.organisation
    )
    meeting.delete()
