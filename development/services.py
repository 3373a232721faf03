"""Writes of the development app. `point_propose` is the public way for every app to send a
development point to a school's plan."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError

from .models import DevelopmentPoint


def point_propose(
    *, organisation, origin, source, key, description, actor, team=None, anchor=""
) -> tuple[DevelopmentPoint, bool]:
    """Propose a development point for the school's plan; (point, created). A point already
    sent from the same origin, source and key (a double click, two tabs) is returned as it
    is, unchanged."""
    if origin is None or origin.pk is None:
        raise LeerkringError(_("A development point needs the place it came from."))
    if team is not None and team.organisation_id != organisation.pk:
        raise LeerkringError(_("This team does not belong to the school."))
    lookup = {
        "organisation": organisation,
        "content_type": ContentType.objects.get_for_model(origin),
        "object_id": origin.pk,
        "source": source,
        "key": key,
    }
    existing = DevelopmentPoint.objects.filter(**lookup).first()
    if existing is not None:
        return existing, False
    point = DevelopmentPoint(
        description=description, anchor=anchor, team=team, created_by=actor, **lookup
    )
    try:
        point.full_clean(validate_constraints=False)
    except ValidationError as error:
        raise LeerkringError(_("This development point is not valid.")) from error
    try:
        with transaction.atomic():
            point.save()
            audit_log(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                obj=point,
                organisation=organisation,
                summary=f"development point {source} {key} of {origin._meta.label_lower} "
                f"{origin.pk}",
            )
    except IntegrityError:
        # The same point was stored a moment ago by a simultaneous request.
        return DevelopmentPoint.objects.get(**lookup), False
    return point, True


# What a leader may decide on a point, and from which status. A planned point is part of a
# goal: it is changed there, not here.
DECISIONS = {
    DevelopmentPoint.Status.ACCEPTED: (
        DevelopmentPoint.Status.PROPOSED,
        DevelopmentPoint.Status.DECLINED,
    ),
    DevelopmentPoint.Status.DECLINED: (
        DevelopmentPoint.Status.PROPOSED,
        DevelopmentPoint.Status.ACCEPTED,
    ),
}


def point_decide(*, point: DevelopmentPoint, status: str, actor) -> DevelopmentPoint:
    """Accept or decline a development point, recording who decided and when."""
    if status not in DECISIONS:
        raise LeerkringError(_("Choose to accept or to decline the point."))
    with transaction.atomic():
        current = DevelopmentPoint.objects.select_for_update().get(pk=point.pk)
        if current.status not in DECISIONS[status]:
            if current.status == status:
                raise LeerkringError(
                    _("This point is already %(status)s.")
                    % {"status": current.get_status_display()}
                )
            raise LeerkringError(
                _("This point is already part of the plan; change it in its goal.")
            )
        current.status = status
        current.decided_by = actor
        current.decided_at = timezone.now()
        current.save(update_fields=["status", "decided_by", "decided_at"])
        audit_log(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=current,
            organisation=current.organisation,
            summary=f"development point {status}",
        )
    point.status, point.decided_by, point.decided_at = status, actor, current.decided_at
    return point
