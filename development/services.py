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

from .frameworks import parse_framework
from .history import record_goal
from .models import CoreTask, DevelopmentPoint, Goal, QualityExpectation, QualityFramework


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


def goal_check(*, title: str, description: str, deadline, starts_on=None, kept_deadline=None):
    """The checks every goal passes, of a school's plan or a person's own: a title, a
    measurable description, a deadline not in the past and a start not after it. Returns the
    cleaned title, description and start (today when empty). `kept_deadline`, the deadline a
    goal has now, may stay even once it has passed."""
    title, description = (title or "").strip(), (description or "").strip()
    if not title:
        raise LeerkringError(_("Give the goal a title."), field="title")
    if len(title) > 200:
        raise LeerkringError(_("A goal has at most 200 characters."), field="title")
    if not description:
        raise LeerkringError(
            _("Describe what you will see when the goal is reached."), field="description"
        )
    if deadline is None:
        raise LeerkringError(_("Give the goal a deadline."), field="deadline")
    if deadline < timezone.localdate() and deadline != kept_deadline:
        raise LeerkringError(_("The deadline cannot be in the past."), field="deadline")
    starts_on = starts_on or timezone.localdate()
    if starts_on > deadline:
        raise LeerkringError(_("A goal cannot start after its deadline."), field="starts_on")
    return title, description, starts_on


def goal_create(
    *,
    organisation,
    title: str,
    description: str,
    deadline,
    actor,
    points=(),
    expectations=(),
    core_tasks=(),
    starts_on=None,
) -> Goal:
    """Add a goal to the school's plan, linked to accepted development points, which become
    planned. A title, a measurable description and a deadline are required; a point must be
    of the same school and accepted (or already planned for another goal)."""
    title, description, starts_on = goal_check(
        title=title, description=description, deadline=deadline, starts_on=starts_on
    )
    expectations, core_tasks = list(expectations), list(core_tasks)
    if any(e.framework.organisation_id not in (None, organisation.pk) for e in expectations) or any(
        task.organisation_id != organisation.pk for task in core_tasks
    ):
        raise LeerkringError(_("This choice does not belong to the school."))
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
        starts_on=starts_on,
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
        goal.skip_history_when_saving = True
        goal.save()
        goal.points.set(locked)
        goal.expectations.set(expectations)
        goal.core_tasks.set(core_tasks)
        record_goal(goal, actor=actor, created=True)
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
        before, goal.status = goal.status, status
        record_goal(goal, actor=actor, created=False)
        audit_log(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=goal,
            organisation=goal.organisation,
            summary=f"goal {before} -> {status}",
        )
    return goal


def framework_import(*, organisation, name: str, upload, actor) -> QualityFramework:
    """Load a quality framework from a spreadsheet as the organisation's own. A file with a
    duplicate code, a row without code, title or rubric, or a name the organisation already
    uses writes nothing."""
    name = (name or "").strip()
    if not name:
        raise LeerkringError(_("Give the framework a name."), field="name")
    if QualityFramework.objects.filter(organisation=organisation, name=name).exists():
        raise LeerkringError(_("Your school already has a framework with this name."), field="name")
    parsed = parse_framework(upload)
    with transaction.atomic():
        framework = QualityFramework.objects.create(
            organisation=organisation, name=name, rubrics=parsed.rubrics, levels=parsed.levels
        )
        QualityExpectation.objects.bulk_create(
            QualityExpectation(framework=framework, position=position, **row)
            for position, row in enumerate(parsed.expectations)
        )
        audit_log(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=framework,
            organisation=organisation,
            summary=f"quality framework with {len(parsed.expectations)} expectation(s)",
        )
    return framework


def core_task_add(*, organisation, name: str, actor) -> CoreTask:
    """Name a core task of the school; the same name twice is refused."""
    name = (name or "").strip()
    if not name:
        raise LeerkringError(_("Name the core task."), field="name")
    if len(name) > 200:
        raise LeerkringError(_("A core task has at most 200 characters."), field="name")
    if CoreTask.objects.filter(organisation=organisation, name__iexact=name).exists():
        raise LeerkringError(_("The school already has this core task."), field="name")
    last = CoreTask.objects.filter(organisation=organisation).order_by("-position").first()
    with transaction.atomic():
        task = CoreTask.objects.create(
            organisation=organisation, name=name, position=(last.position + 1) if last else 0
        )
        audit_log(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=task,
            organisation=organisation,
            summary="core task",
        )
    return task


def core_task_delete(*, task: CoreTask, actor) -> None:
    """Remove a core task; the goals tagged with it keep their other tags."""
    with transaction.atomic():
        audit_log(
            actor=actor,
            action=AuditEvent.Action.DELETE,
            obj=task,
            organisation=task.organisation,
            summary="core task",
        )
        task.delete()
