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

from .models import DevelopmentPoint, Goal


def point_propose(
    *, organisation, origin, source, key, description, actor, team=None, anchor=""
) -> tuple[DevelopmentPoint, bool]:
    """Propose a development point for the school's plan; (point, created). A point already
    sent from the same origin, source and key (a double click, two tabs) is returned as it
    is, unchanged."""
    if origin is None or origin.pk is None:
        raise LeerkringError(_("A development point needs the place it came from."))
    if getattr(origin, "organisation_id", organisation.pk) != organisation.pk:
        raise LeerkringError(_("This development point does not belong to the school."))
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


def goal_create(*, organisation, title: str, description: str, deadline, actor, points=()) -> Goal:
    """Add a goal to the school's plan, linked to accepted development points, which become
    planned. A title, a measurable description and a deadline are required; a point must be
    of the same school and accepted (or already planned for another goal)."""
    title, description = (title or "").strip(), (description or "").strip()
    if not title:
        raise LeerkringError(_("Give the goal a title."), field="title")
    if not description:
        raise LeerkringError(
            _("Describe what you will see when the goal is reached."), field="description"
        )
    if deadline is None:
        raise LeerkringError(_("Give the goal a deadline."), field="deadline")
    if deadline < timezone.localdate():
        raise LeerkringError(_("The deadline cannot be in the past."), field="deadline")
    points = list(points)
    linkable = (DevelopmentPoint.Status.ACCEPTED, DevelopmentPoint.Status.PLANNED)
    for point in points:
        if point.organisation_id != organisation.pk:
            raise LeerkringError(_("This development point does not belong to the school."))
        if point.status not in linkable:
            raise LeerkringError(_("Only an accepted development point can become a goal."))
    goal = Goal(
        organisation=organisation,
        title=title,
        description=description,
        deadline=deadline,
        created_by=actor,
    )
    try:
        goal.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise LeerkringError(messages[0], field=field) from error
    with transaction.atomic():
        locked = list(
            DevelopmentPoint.objects.select_for_update().filter(pk__in=[p.pk for p in points])
        )
        if any(point.status not in linkable for point in locked):
            raise LeerkringError(_("Only an accepted development point can become a goal."))
        goal.save()
        goal.points.set(locked)
        DevelopmentPoint.objects.filter(pk__in=[p.pk for p in locked]).update(
            status=DevelopmentPoint.Status.PLANNED
        )
        audit_log(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=goal,
            organisation=organisation,
            summary=f"goal with {len(locked)} development point(s)",
        )
    for point in points:
        point.status = DevelopmentPoint.Status.PLANNED
    return goal


def goal_set_status(*, goal: Goal, status: str, actor) -> Goal:
    """Move a goal of the plan to another status (planned, in progress, achieved, stopped)."""
    if status not in Goal.Status.values:
        raise LeerkringError(_("Choose one of the statuses."), field="status")
    if status == goal.status:
        return goal
    with transaction.atomic():
        Goal.objects.filter(pk=goal.pk).update(status=status)
        audit_log(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=goal,
            organisation=goal.organisation,
            summary=f"goal {goal.status} -> {status}",
        )
    goal.status = status
    return goal
