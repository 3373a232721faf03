"""Writes of the development app. `point_propose` is the public way for every app to send a
development point to a school's plan."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
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
