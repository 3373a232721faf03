"""The staff list as a spreadsheet (CSV or XLSX): the columns of the staff page, one row per
person. Every cell goes through core.exports, so a name such as `=SUM(A1)` stays text."""

import io

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
