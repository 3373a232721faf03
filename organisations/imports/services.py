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
    parsed = parsing.read_upload(uploaded_file)
    rows = validation.validate_rows(organisation=organisation, parsed=parsed)
    actions = [row["action"] for row in rows]
    staff_import = StaffImport(
        organisation=organisation,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        filename=(uploaded_file.name or "")[-255:],
        columns=parsed.columns,
        rows=rows,
        row_count=len(rows),
        error_count=sum(action is None for action in actions),
        created_count=actions.count(validation.NEW),
        updated_count=actions.count(validation.UPDATE),
        unchanged_count=actions.count(validation.UNCHANGED),
    )
    staff_import.save()
    return staff_import


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
