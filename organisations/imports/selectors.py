"""Reads for staff imports."""

from django.db.models import QuerySet

from ..models import Organisation, StaffImport


def recent_staff_imports(*, organisation: Organisation, limit: int = 10) -> QuerySet[StaffImport]:
    """The school's latest imports, without their (possibly large) rows."""
    return (
        organisation.staff_imports.select_related("created_by")
        .defer("rows", "columns", "source")
        .order_by("-created_at", "-pk")[:limit]
    )
