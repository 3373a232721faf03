"""The staff list as a spreadsheet (CSV or XLSX): the columns of the staff page, one row per
person. Every cell goes through core.exports, so a name such as `=SUM(A1)` stays text."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.exports import SafeCsvWriter, xlsx_stream_append

COLUMNS = ("name", "email", "function", "role", "home_team", "other_teams")


def staff_header() -> list[str]:
    return [_("Name"), _("Email"), _("Function"), _("Role"), _("Home team"), _("Other teams")]


def staff_csv(rows: list[dict]) -> str:
    """`rows` of `selectors.staff_export` as CSV, with semicolons: a Dutch or Belgian
    spreadsheet opens those as columns."""
    out = io.StringIO()
    writer = SafeCsvWriter(out, delimiter=";")
    writer.writerow(staff_header())
    writer.writerows([row[column] for column in COLUMNS] for row in rows)
    return out.getvalue()


def staff_xlsx(rows: list[dict]) -> bytes:
    """`rows` of `selectors.staff_export` as an XLSX workbook with one sheet."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Staff")[:31])
    xlsx_stream_append(sheet, staff_header())
    for row in rows:
        xlsx_stream_append(sheet, [row[column] for column in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def audit_header() -> list[str]:
    return [
        _("Time"),
        _("Person"),
        _("E-mail address"),
        _("Action"),
        _("Object type"),
        _("Object id"),
        _("Organisation"),
        _("Details"),
    ]


def audit_csv(events) -> str:
    """Audit events (from `selectors.audit_events`) as CSV with semicolons; every cell goes
    through core.exports, so a summary such as `=HYPERLINK(…)` stays text."""
    out = io.StringIO()
    writer = SafeCsvWriter(out, delimiter=";")
    writer.writerow(audit_header())
    for event in events:
        writer.writerow(
            [
                timezone.localtime(event.created_at).isoformat(timespec="seconds"),
                str(event.actor) if event.actor else _("(deleted account)"),
                event.actor.email if event.actor else "",
                event.get_action_display(),
                event.object_type,
                event.object_id,
                event.organisation.name if event.organisation else "",
                event.summary,
            ]
        )
    return out.getvalue()
