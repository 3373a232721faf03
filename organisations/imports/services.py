"""Writes for the staff import: make a preview, then apply it, now or in the background."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import LeerkringError

from ..models import Organisation, StaffImport
from . import parsing, validation
from .apply import staff_import_apply
from .tasks import staff_import_apply_task

# Imports with more rows than this are applied by a background task.
DEFAULT_BACKGROUND_ROWS = 500


def background_threshold() -> int:
    return getattr(settings, "STAFF_IMPORT_BACKGROUND_ROWS", DEFAULT_BACKGROUND_ROWS)


def staff_import_preview(*, organisation: Organisation, uploaded_file, actor) -> StaffImport:
    """Read and check an uploaded staff list and store what applying it would do.

    Writes only the StaffImport itself; raises LeerkringError for a file that cannot be read
    as a staff list (wrong type, too large, empty, required columns missing).
    """
    if not organisation.is_school:
        raise LeerkringError(_("Staff can only be imported into a school."))
    table = parsing.read_upload(uploaded_file)
    mapping = parsing.recognise_columns(table.header)
    if parsing.missing_columns(mapping) and not parsing.unknown_columns(table.header):
        parsing.rows_from_table(table, mapping)  # nothing left to choose: the file is refused
    staff_import = StaffImport(
        organisation=organisation,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        filename=(uploaded_file.name or "")[-255:],
    )
    _check(staff_import, table=table, mapping=mapping, team_choices={})
    staff_import.save()
    return staff_import


def staff_import_recheck(
    *, staff_import: StaffImport, mapping: list[str], team_choices: dict, actor
) -> StaffImport:
    """Check the stored file again with the user's choices: which column holds which field,
    and for each unknown team name whether it becomes a new team or an existing one."""
    table = parsing.Table.from_json(staff_import.source)
    if not table.header:
        raise LeerkringError(_("This import has no stored file. Upload the file again."))
    if len(mapping) != len(table.header) or not set(mapping) <= {"", *parsing.COLUMN_LABELS}:
        raise LeerkringError(_("These choices do not fit this file. Upload the file again."))
    with transaction.atomic():
        locked = StaffImport.objects.select_for_update().get(pk=staff_import.pk)
        if locked.status not in (StaffImport.Status.PREVIEWED, StaffImport.Status.FAILED):
            raise LeerkringError(_("This import can no longer be changed."))
        _check(locked, table=table, mapping=mapping, team_choices=team_choices)
        locked.status = StaffImport.Status.PREVIEWED
        locked.failure_message = ""
        locked.save()
    return locked


def _check(staff_import: StaffImport, *, table, mapping: list[str], team_choices: dict) -> None:
    """Read the table with this mapping and check its rows; stores the outcome on the import
    (not saved)."""
    missing = parsing.missing_columns(mapping)
    rows, columns, unknown, chosen = [], [], [], {}
    if not missing:
        parsed = parsing.rows_from_table(table, mapping)
        columns = parsed.columns
        teams = validation.school_teams(staff_import.organisation)
        unknown = validation.unknown_team_names(parsed, teams)
        keys = {validation.team_key(name) for name in unknown}
        chosen = {key: value for key, value in team_choices.items() if key in keys}
        rows = validation.validate_rows(
            organisation=staff_import.organisation,
            parsed=parsed,
            teams=validation.with_team_choices(teams, unknown, chosen),
        )
    actions = [row["action"] for row in rows]
    staff_import.source = {
        **table.as_json(),
        "mapping": list(mapping),
        "missing": missing,
        "unknown_teams": unknown,
        "teams": chosen,
    }
    staff_import.columns = columns
    staff_import.rows = rows
    staff_import.row_count = len(table.records)
    # Without its required columns no row can be imported.
    staff_import.error_count = len(table.records) if missing else actions.count(None)
    staff_import.created_count = actions.count(validation.NEW)
    staff_import.updated_count = actions.count(validation.UPDATE)
    staff_import.unchanged_count = actions.count(validation.UNCHANGED)


def staff_import_confirm(*, staff_import: StaffImport, actor) -> bool:
    """Apply a preview now, or hand a large one to a background task. True if it ran now."""
    if not staff_import.can_apply:
        raise LeerkringError(_("This import cannot be applied."))
    if staff_import.row_count <= background_threshold():
        staff_import_apply(staff_import=staff_import, actor=actor)
        return True
    claimed = StaffImport.objects.filter(
        pk=staff_import.pk, status__in=[StaffImport.Status.PREVIEWED, StaffImport.Status.FAILED]
    ).update(status=StaffImport.Status.APPLYING, failure_message="")
    if not claimed:  # another click got there first
        raise LeerkringError(_("This import is already being applied."))
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    transaction.on_commit(
        lambda: staff_import_apply_task.enqueue(staff_import_id=staff_import.pk, actor_id=actor_id)
    )
    staff_import.status = StaffImport.Status.APPLYING
    return False
