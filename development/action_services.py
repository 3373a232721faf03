"""Writes of the actions under the plan's goals. Every change carries the version the editor
started from: when someone else saved in between, nothing is written and `StaleAction` holds
what is stored now, so the editor sees both versions and decides."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.uploads import validate_upload

from .history import record_action
from .models import Action, ActionEvidence, Goal

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


class StaleAction(LeerkringError):
    """Someone else saved the action after the editor opened it."""

    def __init__(self, current: Action):
        super().__init__(
            _(
                "%(person)s changed this action while you were editing it. Nothing of yours "
                "was saved yet: compare both versions below and save again what should stay."
            )
            % {"person": current.updated_by or _("Someone")}
        )
        self.current = current


def action_check(*, goal: Goal, title: str, deadline) -> str:
    """What every action needs, in a school's plan or a person's own: a description of at
    most 200 characters and a deadline not before the goal's start. Returns the title."""
    title = (title or "").strip()
    if not title:
        raise LeerkringError(_("Describe the action."), field="title")
    if len(title) > 200:
        raise LeerkringError(_("An action has at most 200 characters."), field="title")
    if deadline is None:
        raise LeerkringError(_("Give the action a deadline."), field="deadline")
    if deadline < goal.starts_on:
        raise LeerkringError(
            _("The deadline cannot be before the start of the goal (%(date)s).")
            % {"date": date_format(goal.starts_on, "j F Y")},
            field="deadline",
        )
    return title


def _check(*, goal: Goal, title: str, owner, deadline, status: str) -> str:
    if owner is None:
        raise LeerkringError(_("Choose who carries the action."), field="owner")
    if owner.organisation_id != goal.organisation_id or not owner.is_active:
        raise LeerkringError(_("The owner must be a member of the school."), field="owner")
    title = action_check(goal=goal, title=title, deadline=deadline)
    if status not in Action.Status.values:
        raise LeerkringError(_("Choose one of the statuses."), field="status")
    return title


def _validate_evidence(upload) -> None:
    if upload is None:
        return
    try:
        validate_upload(upload, max_bytes=MAX_EVIDENCE_BYTES)
    except ValidationError as error:
        raise LeerkringError(error.messages[0], field="evidence") from error


def action_create(
    *,
    goal: Goal,
    title: str,
    owner,
    deadline,
    actor,
    status=Action.Status.PLAN,
    notes="",
    evidence=None,
) -> Action:
    """Add an action under a goal. It needs a description, an owner of the school and a
    deadline not before the goal's start; an evidence file is at most 10 MB."""
    title = _check(goal=goal, title=title, owner=owner, deadline=deadline, status=status)
    _validate_evidence(evidence)
    with transaction.atomic():
        action = Action(
            organisation_id=goal.organisation_id,
            goal=goal,
            title=title,
            owner=owner,
            deadline=deadline,
            status=status,
            notes=(notes or "").strip(),
            created_by=actor,
            updated_by=actor,
        )
        action._history_user = actor
        action.save()
        if evidence is not None:
            ActionEvidence.objects.create(action=action, file=evidence, uploaded_by=actor)
        audit_log(
            actor=actor,
            action=AuditEvent.Action.CREATE,
            obj=action,
            organisation=goal.organisation,
            summary=f"action under goal {goal.pk}",
        )
    return action


def _save_if_current(action: Action, version: int, actor, **fields) -> Action:
    """Write `fields` only when the stored version is still `version`; else StaleAction."""
    with transaction.atomic():
        written = Action.objects.filter(pk=action.pk, version=version).update(
            version=F("version") + 1, updated_by=actor, updated_at=timezone.now(), **fields
        )
        if not written:
            current = Action.objects.select_related("owner__user", "updated_by").get(pk=action.pk)
            raise StaleAction(current)
        record_action(action, actor=actor)
        audit_log(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=action,
            organisation=action.organisation,
            summary="action " + ", ".join(sorted(fields)),
        )
    for name, value in fields.items():
        setattr(action, name, value)
    action.version = version + 1
    action.updated_by = actor
    return action


def action_update(
    *,
    action: Action,
    version: int,
    title: str,
    owner,
    deadline,
    status: str,
    notes: str,
    actor,
    evidence=None,
) -> Action:
    """Save an edited action, started from `version`."""
    title = _check(goal=action.goal, title=title, owner=owner, deadline=deadline, status=status)
    _validate_evidence(evidence)
    with transaction.atomic():
        action = _save_if_current(
            action,
            version,
            actor,
            title=title,
            owner=owner,
            deadline=deadline,
            status=status,
            notes=(notes or "").strip(),
        )
        if evidence is not None:
            ActionEvidence.objects.create(action=action, file=evidence, uploaded_by=actor)
    return action


def action_move(*, action: Action, version: int, status: str, actor) -> Action:
    """Move an action to another column of the board (plan, do, check, act)."""
    if status not in Action.Status.values:
        raise LeerkringError(_("Choose one of the statuses."), field="status")
    return _save_if_current(action, version, actor, status=status)
