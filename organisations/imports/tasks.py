"""Background application of large staff imports."""

import contextlib

from django_tasks import task

from accounts.models import User
from core.errors import LeerkringError

from ..models import StaffImport
from .apply import staff_import_apply


@task()
def staff_import_apply_task(*, staff_import_id: int, actor_id: int | None) -> str:
    """Apply a staff import that was too large to apply during the request. Returns its
    final status; a failure is recorded on the import itself."""
    staff_import = StaffImport.objects.filter(pk=staff_import_id).first()
    if staff_import is None:
        return "missing"
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    # On failure, staff_import_apply stores the reason on the import for the page to show.
    with contextlib.suppress(LeerkringError):
        staff_import_apply(staff_import=staff_import, actor=actor)
    return staff_import.status
