"""Applying a previewed staff import: every row in one transaction, or none. Called during
the request for a small import and by the background task (tasks.py) for a large one."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuditEvent, User
from accounts.services import audit_log
from core.errors import LeerkringError
from core.validation import validate

from ..models import Membership, StaffImport, TeamMembership
from ..services import team_create
from . import parsing, validation

logger = logging.getLogger(__name__)


def staff_import_apply(*, staff_import: StaffImport, actor) -> StaffImport:
    """Apply a previewed import in one transaction: all rows or none.

    On failure the import is marked failed (with the reason) and LeerkringError is raised;
    nothing of the rows is written.
    """
    try:
        with transaction.atomic():
            locked = StaffImport.objects.select_for_update().get(pk=staff_import.pk)
            if locked.status == StaffImport.Status.APPLIED:
                raise _AlreadyApplied
            if locked.error_count:
                raise LeerkringError(_("Fix the errors in the file before importing it."))
            counts = _apply_rows(locked, actor)
            locked.status = StaffImport.Status.APPLIED
            locked.applied_at = timezone.now()
            locked.failure_message = ""
            locked.created_count = counts[validation.NEW]
            locked.updated_count = counts[validation.UPDATE]
            locked.unchanged_count = counts[validation.UNCHANGED]
            locked.save()
            audit_log(
                actor=actor,
                action=AuditEvent.Action.IMPORT,
                obj=locked,
                organisation=locked.organisation,
                summary=(
                    f"{locked.filename}: {locked.created_count} new, "
                    f"{locked.updated_count} updated, {locked.unchanged_count} unchanged"
                ),
            )
    except _AlreadyApplied as error:
        raise LeerkringError(_("This import has already been applied.")) from error
    except LeerkringError as error:
        _mark_failed(staff_import, error.message)
        raise
    except Exception as error:
        logger.exception("Staff import %s failed", staff_import.pk)
        message = _("The import failed and nothing was changed. Try again in a moment.")
        _mark_failed(staff_import, message)
        raise LeerkringError(message) from error
    staff_import.refresh_from_db()
    return staff_import


class _AlreadyApplied(Exception):
    pass


def _mark_failed(staff_import: StaffImport, message: str) -> None:
    StaffImport.objects.filter(pk=staff_import.pk).exclude(
        status=StaffImport.Status.APPLIED
    ).update(status=StaffImport.Status.FAILED, failure_message=message)
    staff_import.status = StaffImport.Status.FAILED
    staff_import.failure_message = message


def _create_new_teams(staff_import: StaffImport, actor) -> dict[str, int]:
    """Create the teams the preview chose to create; returns their stand-in ids' real ids."""
    source = staff_import.source or {}
    chosen = source.get("teams", {})
    teams = validation.school_teams(staff_import.organisation)
    created = {}
    for name in source.get("unknown_teams", []):
        key = validation.team_key(name)
        if chosen.get(key) != validation.NEW_TEAM:
            continue
        # Someone may have made the team since the preview: then the import joins it.
        team = teams.get(key) or team_create(
            organisation=staff_import.organisation, name=name, actor=actor
        )
        created[validation.new_team_id(name)] = team.pk
    return created


def _apply_rows(staff_import: StaffImport, actor) -> dict[str, int]:
    organisation = staff_import.organisation
    created = _create_new_teams(staff_import, actor)
    team_ids = set(organisation.teams.values_list("pk", flat=True))
    for row in staff_import.rows:
        row["home_team_id"] = created.get(row["home_team_id"], row["home_team_id"])
        row["other_team_ids"] = [created.get(t, t) for t in row["other_team_ids"]]
        wanted = {row["home_team_id"], *row["other_team_ids"]} - {None}
        if not wanted <= team_ids:
            raise LeerkringError(
                _("A team in this file no longer exists. Upload the file again to check it.")
            )
    existing = validation.load_existing(
        organisation=organisation, emails=[row["email"] for row in staff_import.rows]
    )
    counts = {validation.NEW: 0, validation.UPDATE: 0, validation.UNCHANGED: 0}
    for row in staff_import.rows:
        outcome = apply_row(
            organisation=organisation,
            row=row,
            columns=staff_import.columns,
            existing=existing.get(row["email"]),
        )
        counts[outcome] += 1
    return counts


def apply_row(*, organisation, row: dict, columns: list[str], existing) -> str:
    """Create or update one person from a checked row; returns what happened (new, update,
    unchanged). Runs inside the import's transaction."""
    action, changes = validation.plan_person(row, columns, existing, {})
    if existing is None:
        user = User(email=row["email"], first_name=row["first_name"], last_name=row["last_name"])
        # They sign in after an invitation; until then no password works.
        user.set_unusable_password()
        # The email was looked up just before; the unique index still guards a race.
        validate(user, exclude=["password"], validate_unique=False, validate_constraints=False)
        user.save()
        existing = validation.Existing(user=user)
    elif action == validation.NEW and not existing.shared:
        user = existing.user
        if (user.first_name, user.last_name) != (row["first_name"], row["last_name"]):
            user.first_name, user.last_name = row["first_name"], row["last_name"]
            user.save(update_fields=["first_name", "last_name"])
    if action == validation.UNCHANGED:
        return action
    membership = existing.membership
    if membership is None:
        membership = Membership(
            organisation=organisation,
            user=existing.user,
            role=Membership.Role.STAFF,
            function=row["function"],
        )
        validate(membership, exclude=["user", "organisation"])
        membership.save()
    else:
        fields = {change["field"] for change in changes}
        if "name" in fields:
            user = existing.user
            user.first_name, user.last_name = row["first_name"], row["last_name"]
            user.save(update_fields=["first_name", "last_name"])
        if parsing.FUNCTION in fields or "active" in fields:
            if parsing.FUNCTION in columns:
                membership.function = row["function"]
            membership.is_active = True
            membership.save(update_fields=["function", "is_active", "updated_at"])
    _set_teams(membership, row, columns, existing.teams)
    return action


def _set_teams(membership: Membership, row: dict, columns: list[str], current: dict) -> None:
    home, others = validation.desired_teams(row, columns, current)
    old_home, old_others = validation.desired_teams({}, [], current)
    if home == old_home and others == old_others:
        return
    wanted = others | ({home} if home else set())
    removed = set(current) - wanted
    if removed:
        TeamMembership.objects.filter(membership=membership, team_id__in=removed).delete()
    # The old nest stops being home before another team may become it (one home per school).
    if old_home is not None and old_home != home and old_home not in removed:
        TeamMembership.objects.filter(membership=membership, team_id=old_home).update(is_home=False)
    if home is not None and home != old_home and home in current:
        TeamMembership.objects.filter(membership=membership, team_id=home).update(is_home=True)
    missing = wanted - set(current)
    if missing:
        TeamMembership.objects.bulk_create(
            [TeamMembership(team_id=t, membership=membership, is_home=t == home) for t in missing]
        )
