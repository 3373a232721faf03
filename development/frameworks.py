"""Quality frameworks as spreadsheets: the export of a framework and the reading of one to
import. Sheet one holds the expectations (code, title, short description, rubric), one per
row under a header; sheet two the scale, one level per row from the top, in order."""

from dataclasses import dataclass, field
from io import BytesIO
from zipfile import BadZipFile

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from core.errors import LeerkringError
from core.exports import xlsx_append


def framework_xlsx(*, framework, expectations) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Expectations")[:31]
    xlsx_append(sheet, [_("Code"), _("Title"), _("Short description"), _("Rubric")])
    for expectation in expectations:
        xlsx_append(
            sheet,
            [expectation.code, expectation.title, expectation.description, expectation.rubric],
        )
    scale = book.create_sheet(_("Scale")[:31])
    for level in framework.levels:
        xlsx_append(scale, [level])
    output = BytesIO()
    book.save(output)
    return output.getvalue()


@dataclass
class ParsedFramework:
    expectations: list[dict] = field(default_factory=list)
    rubrics: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def parse_framework(upload) -> ParsedFramework:
    """Read a framework file; raise LeerkringError (with the row) for a file that is not a
    spreadsheet, a row without code, title or rubric, or a code used twice."""
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as error:
        raise LeerkringError(
            _("This file is not a spreadsheet (.xlsx) that can be read."), field="file"
        ) from error
    sheets = book.worksheets
    parsed = ParsedFramework()
    seen: dict[str, int] = {}
    for number, row in enumerate(sheets[0].iter_rows(min_row=2, values_only=True), start=2):
        code, title, description, rubric = ([_text(value) for value in row] + [""] * 4)[:4]
        if not any((code, title, description, rubric)):
            continue
        if not code or not title or not rubric:
            raise LeerkringError(
                _("Row %(row)s needs a code, a title and a rubric.") % {"row": number},
                field="file",
            )
        if len(code) > 20 or len(title) > 200 or len(rubric) > 200:
            raise LeerkringError(
                _(
                    "Row %(row)s is too long: a code has at most 20 characters, a title "
                    "and a rubric at most 200."
                )
                % {"row": number},
                field="file",
            )
        key = code.casefold()
        if key in seen:
            raise LeerkringError(
                _("The code %(code)s appears twice in the file (rows %(first)s and %(row)s).")
                % {"code": code, "first": seen[key], "row": number},
                field="file",
            )
        seen[key] = number
        if rubric not in parsed.rubrics:
            parsed.rubrics.append(rubric)
        parsed.expectations.append(
            {"code": code, "title": title, "description": description, "rubric": rubric}
        )
    if not parsed.expectations:
        raise LeerkringError(_("The file holds no expectations."), field="file")
    if len(sheets) > 1:
        for row in sheets[1].iter_rows(values_only=True):
            level = _text(row[0] if row else None)
            if level:
                parsed.levels.append(level[:100])
    return parsed
