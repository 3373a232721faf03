"""The staff list as a spreadsheet (CSV or XLSX): the columns of the staff page, one row per
person. Every cell goes through core.exports, so a name such as `=SUM(A1)` stays text."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.exports import SafeCsvWriter, xlsx_append


def staff_header() -> list[str]:
    return [_("Name"), _("Email"), _("Function"), _("Role"), _("Home team"), _("Other teams")]


def staff_rows(people):
    """One row per person of `selectors.people_list` (which prefetches their `team_links`)."""
    for person in people:
        home = [link.team.name for link in person.team_links if link.is_home]
        others = [link.team.name for link in person.team_links if not link.is_home]
        yield [
            str(person.user),
            person.user.email,
            person.function,
            person.get_role_display(),
            ", ".join(home),
            ", ".join(others),
        ]


def staff_csv(people) -> str:
    # Semicolons: a Dutch or Belgian spreadsheet opens them as columns.
    out = io.StringIO()
    writer = SafeCsvWriter(out, delimiter=";")
    writer.writerow(staff_header())
    writer.writerows(staff_rows(people))
    return out.getvalue()


def staff_xlsx(people) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Staff")[:31]
    xlsx_append(sheet, staff_header())
    for row in staff_rows(people):
        xlsx_append(sheet, row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
