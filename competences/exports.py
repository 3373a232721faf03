"""A framework as a spreadsheet, and back: one row per competence with its code, name,
description and the four level texts, under a header row."""

from io import BytesIO
from zipfile import BadZipFile

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from core.exports import xlsx_append
from core.uploads import sniff

from .models import LEVELS

MAX_ROWS = 200


def _header():
    return [
        _("Code"),
        _("Competence"),
        _("Description"),
        *[_("Level %(n)s") % {"n": n} for n in LEVELS],
    ]


def framework_xlsx(*, framework, competences) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = framework.name[:31] or "Framework"
    xlsx_append(sheet, _header())
    for competence in competences:
        xlsx_append(
            sheet,
            [
                competence.code,
                competence.name,
                competence.description,
                *[text for _level, text in competence.levels],
            ],
        )
    output = BytesIO()
    book.save(output)
    return output.getvalue()


class ReadError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_framework(upload) -> list[dict]:
    """The competences in an uploaded spreadsheet, as dicts with code, name, description and
    level_1..level_4, each checked; a ReadError with a message for the user otherwise."""
    if sniff(upload) != "xlsx":
        raise ReadError(_("This is not an XLSX spreadsheet. Save the file as .xlsx and try again."))
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError):
        raise ReadError(_("The spreadsheet could not be read. Save it again as .xlsx.")) from None
    sheet = book.worksheets[0] if book.worksheets else None
    if sheet is None:
        raise ReadError(_("The spreadsheet has no sheet."))
    rows = []
    for number, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        values = [_text(value) for value in list(row)[:7]]
        values += [""] * (7 - len(values))
        if not any(values):
            continue
        if len(rows) >= MAX_ROWS:
            raise ReadError(_("A framework has at most %(n)s competences.") % {"n": MAX_ROWS})
        code, name, description, *levels = values
        where = {"row": number, "name": name or code}
        if not code or not name:
            raise ReadError(
                _("Row %(row)s: every competence needs a code and a name.") % {"row": number}
            )
        for level, text in zip(LEVELS, levels, strict=True):
            if not text:
                raise ReadError(
                    _("Row %(row)s (%(name)s): the text of level %(level)s is missing.")
                    % {**where, "level": level}
                )
        if len(code) > 20 or len(name) > 200:
            raise ReadError(
                _("Row %(row)s: the code has at most 20 characters, the name at most 200.") % where
            )
        if any(existing["code"].lower() == code.lower() for existing in rows):
            raise ReadError(
                _("Row %(row)s: the code %(code)s is used twice.") % {**where, "code": code}
            )
        rows.append(
            {
                "code": code,
                "name": name,
                "description": description,
                **{f"level_{n}": text for n, text in zip(LEVELS, levels, strict=True)},
                "order": len(rows),
            }
        )
    if not rows:
        raise ReadError(
            _("The spreadsheet has no competences: put one per row, under a header row.")
        )
    return rows
