"""Read a staff list (CSV or XLSX) into rows. Pure functions: no database.

School administration systems export in many shapes: Dutch or English headers, `;` or `,`
as delimiter, UTF-8 with or without BOM or Windows-1252. This module accepts those and turns
anything else into one clear, translated file-level error (a `LeerkringError`).
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import LeerkringError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# A 5 MB XLSX can unpack to far more rows than any school has; this bounds the work.
MAX_ROWS = 10_000
ALLOWED_EXTENSIONS = (".csv", ".xlsx")

FIRST_NAME = "first_name"
LAST_NAME = "last_name"
EMAIL = "email"
FUNCTION = "function"
HOME_TEAM = "home_team"
OTHER_TEAMS = "other_teams"

REQUIRED_COLUMNS = (FIRST_NAME, LAST_NAME, EMAIL)
COLUMN_LABELS = {
    FIRST_NAME: gettext_lazy("first name"),
    LAST_NAME: gettext_lazy("last name"),
    EMAIL: gettext_lazy("email"),
    FUNCTION: gettext_lazy("function"),
    HOME_TEAM: gettext_lazy("home team"),
    OTHER_TEAMS: gettext_lazy("other teams"),
}

# Header spellings, compared after lower-casing and dropping everything but letters and digits
# ("E-mail" and "e mail" both become "email").
_HEADER_ALIASES = {
    FIRST_NAME: ["firstname", "voornaam", "givenname", "roepnaam"],
    LAST_NAME: ["lastname", "achternaam", "familienaam", "surname", "familyname"],
    EMAIL: ["email", "emailadres", "emailaddress", "mail", "mailadres"],
    FUNCTION: ["function", "functie", "ambt", "jobtitle"],
    HOME_TEAM: ["hometeam", "thuisteam", "nest"],
    OTHER_TEAMS: ["otherteams", "andereteams", "overigeteams", "extrateams"],
}
_HEADER_LOOKUP = {alias: column for column, aliases in _HEADER_ALIASES.items() for alias in aliases}
_TEAM_SEPARATORS = re.compile(r"[;,]")
ZIP_SIGNATURE = b"PK\x03\x04"  # an .xlsx workbook is a zip archive
OLD_EXCEL_SIGNATURE = b"\xd0\xcf\x11\xe0"  # .xls (and other old Office files)
BINARY_SIGNATURES = (b"%PDF", ZIP_SIGNATURE, OLD_EXCEL_SIGNATURE, b"\x89PNG", b"\xff\xd8\xff")


@dataclass
class RawRow:
    """One person as written in the file; team names are not resolved yet."""

    line: int
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    function: str = ""
    home_team: str = ""
    other_teams: list[str] = field(default_factory=list)


@dataclass
class ParsedFile:
    columns: list[str]  # the recognised columns present in the file
    rows: list[RawRow]


def _normalise_header(value) -> str:
    return re.sub(r"[^0-9a-z]", "", str(value or "").lower().replace("\ufeff", ""))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value)).strip()


def split_team_names(value: str) -> list[str]:
    """Team names in one cell, separated by `;` or `,`, trimmed, empty ones dropped."""
    return [name.strip() for name in _TEAM_SEPARATORS.split(value or "") if name.strip()]


def check_upload(uploaded_file) -> None:
    """Refuse a file by its name and size alone, before reading a byte of it."""
    name = (getattr(uploaded_file, "name", "") or "").lower()
    if not name.endswith(ALLOWED_EXTENSIONS):
        raise LeerkringError(
            _("This is not a CSV or Excel (.xlsx) file. Save your staff list as .csv or .xlsx.")
        )
    if uploaded_file.size > MAX_UPLOAD_BYTES:
        raise LeerkringError(
            _(
                "The file is too large (%(size)s MB). A staff list can be at most %(limit)s MB; "
                "remove other sheets or columns and try again."
            )
            % {
                "size": number_format(uploaded_file.size / (1024 * 1024), 1),
                "limit": MAX_UPLOAD_BYTES // (1024 * 1024),
            }
        )


def read_upload(uploaded_file) -> ParsedFile:
    """Check and read an uploaded staff list."""
    check_upload(uploaded_file)
    uploaded_file.seek(0)
    data = uploaded_file.read(MAX_UPLOAD_BYTES + 1)
    return parse_staff_file(uploaded_file.name, data)


def parse_staff_file(name: str, data: bytes) -> ParsedFile:
    """Parse file contents into recognised columns and rows.

    The contents decide how to read the file, not its name: a workbook saved with a .csv name
    (or a CSV renamed .xlsx) still reads.
    """
    if not data.strip():
        raise LeerkringError(_("The file is empty."))
    if data.startswith(OLD_EXCEL_SIGNATURE):
        raise LeerkringError(
            _(
                "This looks like an old Excel file (.xls). Open it in your spreadsheet program "
                "and save it as Excel (.xlsx) or CSV."
            )
        )
    records = _xlsx_records(data) if data.startswith(ZIP_SIGNATURE) else _csv_records(data)
    return _rows_from_records(records)


def _unreadable() -> LeerkringError:
    return LeerkringError(
        _(
            "We cannot read this file as a staff list. Save it from your spreadsheet program "
            "as CSV or Excel (.xlsx) and try again."
        )
    )


def _decode(data: bytes) -> str:
    if data.startswith(BINARY_SIGNATURES):
        raise _unreadable()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        # cp1252 is what Excel on Windows writes when it is not told otherwise.
        encodings = ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or _control_share(text) > 0.01:
            raise _unreadable()
        return text
    raise _unreadable()


def _control_share(text: str) -> float:
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    return controls / max(len(sample), 1)


def _csv_records(data: bytes) -> list[tuple[int, list[str]]]:
    text = _decode(data)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = []
    try:
        for record in reader:
            records.append((reader.line_num, record))
            if len(records) > MAX_ROWS + 10:
                break
    except csv.Error as error:
        raise _unreadable() from error
    return records


def _xlsx_records(data: bytes) -> list[tuple[int, list]]:
    # Imported here: openpyxl is only needed for Excel files and is slow to import.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # zipfile, XML and openpyxl's own errors for damaged files
        raise _unreadable() from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise LeerkringError(_("The file is empty."))
        records = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            records.append((number, list(values[:50])))
            if len(records) > MAX_ROWS + 10:
                break
    finally:
        workbook.close()
    return records


def _header_columns(record) -> dict[int, str]:
    """Which recognised column each cell of a header row is (the first one wins)."""
    found: dict[int, str] = {}
    for index, value in enumerate(record):
        column = _HEADER_LOOKUP.get(_normalise_header(value))
        if column and column not in found.values():
            found[index] = column
    return found


def _rows_from_records(records) -> ParsedFile:
    records = [(n, r) for n, r in records if any(_cell(v) for v in r)]
    if not records:
        raise LeerkringError(_("The file is empty."))
    # Some exports put a title line above the header: look for it in the first rows.
    header_at, mapping = 0, _header_columns(records[0][1])
    for position, (_number, record) in enumerate(records[:10]):
        candidate = _header_columns(record)
        if len(candidate) >= 2:
            header_at, mapping = position, candidate
            break
    if not mapping:
        raise LeerkringError(
            _(
                "We found no column headers in this file. The first row must name the "
                "columns: first name, last name, email, function, home team, other teams."
            )
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in mapping.values()]
    if missing:
        raise LeerkringError(
            _("Required columns are missing: %(columns)s.")
            % {"columns": ", ".join(str(COLUMN_LABELS[c]) for c in missing)}
        )
    body = records[header_at + 1 :]
    if not body:
        raise LeerkringError(_("The file has only a header row and no staff in it."))
    if len(body) > MAX_ROWS:
        raise LeerkringError(
            _("The file has more than %(max)s rows; split it into smaller files.")
            % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
        )
    rows = []
    for number, record in body:
        row = RawRow(line=number)
        for index, column in mapping.items():
            value = _cell(record[index]) if index < len(record) else ""
            if column == OTHER_TEAMS:
                row.other_teams = split_team_names(value)
            else:
                setattr(row, column, value)
        rows.append(row)
    columns = [c for c in COLUMN_LABELS if c in mapping.values()]
    return ParsedFile(columns=columns, rows=rows)
