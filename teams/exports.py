"""The decision matrix as a spreadsheet: a row per task or decision, a column per team."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.exports import xlsx_append

from .models import Owner


def _label(owner: str) -> str:
    return str(Owner(owner).label) if owner else ""


def matrix_xlsx(*, school, rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Decision matrix")[:31]
    teams = [cell.team for cell in rows[0].cells] if rows else []
    xlsx_append(
        sheet,
        [
            _("Theme"),
            _("Task or decision"),
            _("School default"),
            *[team.name for team in teams],
            _("Note"),
            _("Moved on"),
            _("Unclear"),
        ],
    )
    for row in rows:
        decision = row.decision
        xlsx_append(
            sheet,
            [
                decision.theme,
                decision.name,
                _label(decision.owner),
                *[_label(cell.owner) for cell in row.cells],
                decision.note,
                decision.moved_on,
                _("yes") if row.unclear else "",
            ],
        )
    output = BytesIO()
    book.save(output)
    return output.getvalue()
