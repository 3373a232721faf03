"""Writes of a person's own action plan, made during a course: goals and actions like those of
a school's plan, owned by the person and kept in versions, so that day two of a course can be
compared with day one."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError

from .action_services import action_check
from .history import record_goal
from .models import Action, Goal
from .services import goal_check


def personal_goal_create(*, participant, title: str, description: str, deadline, actor) -> Goal:
    """Add a goal to the participant's own plan. The same checks as a school's goal; its
    organisation is the provider of the course."""
    if actor.pk != participant.user_id:
        raise LeerkringError(_("Only the participant adds goals to their own plan."))
    title, description, starts_on = goal_check(
        title=title, description=description, deadline=deadline
    )
    with transaction.atomic():
        goal = Goal(
            organisation=participant.edition.programme.provider,
            person_id=participant.user_id,
            participant=participant,
            title=title,
            description=description,
            starts_on=starts_on,
            deadline=deadline,
            created_by=actor,
        )
        goal.skip_history_when_saving = True
        goal.save()
        record_goal(goal, actor=actor, created=True)
        audit_log(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=goal,
            organisation=goal.organisation,
            summary="personal goal",
        )
    return goal


def personal_goal_update(
    *, goal: Goal, title: str, description: str, deadline, status: str, actor
) -> Goal:
    """Save a changed goal of one's own plan, as a new version. A deadline that has passed may
    stay; a new deadline may not be in the past."""
    if actor.pk != goal.person_id:
        raise LeerkringError(_("Only the participant changes their own plan."))
    if status not in Goal.Status.values:
        raise LeerkringError(_("Choose one of the statuses."), field="status")
    title, description, _start = goal_check(
        title=title,
        description=description,
        deadline=deadline,
        starts_on=goal.starts_on,
        kept_deadline=goal.deadline,
    )
    fields = {"title": title, "description": description, "deadline": deadline, "status": status}
    if all(getattr(goal, name) == value for name, value in fields.items()):
        return goal
    with transaction.atomic():
        for name, value in fields.items():
            setattr(goal, name, value)
        goal._history_user = actor
        goal.save(update_fields=list(fields))
        audit_log(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=goal,
            organisation=goal.organisation,
            summary="personal goal " + ", ".join(sorted(fields)),
        )
    return goal


def personal_action_add(*, goal: Goal, title: str, deadline, actor) -> Action:
    """Add an action under a goal of one's own plan; the person carries it."""
    if actor.pk != goal.person_id:
        raise LeerkringError(_("Only the participant changes their own plan."))
    title = action_check(goal=goal, title=title, deadline=deadline)
    with transaction.atomic():
        action = Action(
            organisation_id=goal.organisation_id,
            goal=goal,
            title=title,
            owner=None,
            deadline=deadline,
            created_by=actor,
            updated_by=actor,
        )
        action._history_user = actor
        action.save()
        audit_log(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=action,
            organisation=goal.organisation,
            summary=f"action under personal goal {goal.pk}",
        )
    return action
