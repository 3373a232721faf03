"""Read a staff list (CSV or XLSX) into rows. Pure functions: no database.

School administration systems export in many shapes: Dutch or English headers, `;` or `,`
as delimiter, UTF-8 with or without BOM or Windows-1252. This module accepts those and turns
anything else into one clear, translated file-level error (a `LeerkringError`).
"""

import csv
import io
import re
import unicodedata
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

# Header spellings, compared after dropping accents, case and everything but letters and
# digits ("E-mail", "e mail" and "É-mail" all become "email").
_HEADER_ALIASES = {
    FIRST_NAME: ["firstname", "voornaam", "givenname", "roepnaam", "forename"],
    LAST_NAME: ["lastname", "achternaam", "familienaam", "naam", "surname", "familyname"],
    EMAIL: [
        "email",
        "emailadres",
        "emailaddress",
        "mail",
        "mailadres",
        "emailwerk",
        "emailschool",
        "schoolmail",
    ],
    FUNCTION: ["function", "functie", "ambt", "jobtitle", "rol", "role"],
    HOME_TEAM: ["hometeam", "thuisteam", "basisteam", "nest", "stamteam", "team"],
    OTHER_TEAMS: ["otherteams", "andereteams", "overigeteams", "extrateams", "neventeams"],
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
class Table:
    """The file as read: its header cells and, per line number, the cells below it (text).
    A preview stores it, so that the file can be checked again with other choices."""

    header: list[str]
    records: list[tuple[int, list[str]]]

    def as_json(self) -> dict:
        return {"header": self.header, "records": [list(r) for r in self.records]}

    @classmethod
    def from_json(cls, data: dict) -> "Table":
        return cls(
            header=list(data.get("header", [])),
            records=[(line, cells) for line, cells in data.get("records", [])],
        )


@dataclass
class ParsedFile:
    columns: list[str]  # the recognised columns present in the file
    rows: list[RawRow]
    table: Table | None = None
    mapping: list[str] = field(default_factory=list)  # per header cell: its column, or ""


def normalise_header(value) -> str:
    text = unicodedata.normalize("NFKD", str(value or "").replace("\ufeff", ""))
    return re.sub(r"[^0-9a-z]", "", text.encode("ascii", "ignore").decode().lower())


def recognise_header(value) -> str:
    """The column a header cell names ("Basisteam" is the home team), or ""."""
    return _HEADER_LOOKUP.get(normalise_header(value), "")


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


def read_upload(uploaded_file) -> Table:
    """Check and read an uploaded staff list."""
    check_upload(uploaded_file)
    uploaded_file.seek(0)
    data = uploaded_file.read(MAX_UPLOAD_BYTES + 1)
    return read_table(data)


def parse_staff_file(name: str, data: bytes) -> ParsedFile:
    """Parse file contents into recognised columns and rows.

    The contents decide how to read the file, not its name: a workbook saved with a .csv name
    (or a CSV renamed .xlsx) still reads.
    """
    table = read_table(data)
    return rows_from_table(table, recognise_columns(table.header))


def read_table(data: bytes) -> Table:
    """The header and the rows of a staff file, as text; a LeerkringError when unreadable."""
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
    return _table_from_records(records)


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
        column = recognise_header(value)
        if column and column not in found.values():
            found[index] = column
    return found


def recognise_columns(header: list[str]) -> list[str]:
    """Per header cell the column it names, or "" (unknown, or a column named twice)."""
    found = _header_columns(header)
    return [found.get(index, "") for index in range(len(header))]


def unknown_columns(header: list[str]) -> list[int]:
    """The header cells not recognised by themselves: the user says what they hold."""
    recognised = recognise_columns(header)
    return [i for i, cell in enumerate(header) if cell and not recognised[i]]


def _table_from_records(records) -> Table:
    records = [(n, [_cell(v) for v in r]) for n, r in records if any(_cell(v) for v in r)]
    if not records:
        raise LeerkringError(_("The file is empty."))
    # Some exports put a title line above the header: look for it in the first rows.
    header_at = 0
    for position, (_number, record) in enumerate(records[:10]):
        if len(_header_columns(record)) >= 2:
            header_at = position
            break
    if not _header_columns(records[header_at][1]):
        raise LeerkringError(
            _(
                "We found no column headers in this file. The first row must name the "
                "columns: first name, last name, email, function, home team, other teams."
            )
        )
    body = records[header_at + 1 :]
    if not body:
        raise LeerkringError(_("The file has only a header row and no staff in it."))
    if len(body) > MAX_ROWS:
        raise LeerkringError(
            _("The file has more than %(max)s rows; split it into smaller files.")
            % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
        )
    return Table(header=records[header_at][1], records=body)


def missing_columns(mapping: list[str]) -> list[str]:
    return [c for c in REQUIRED_COLUMNS if c not in mapping]


def rows_from_table(table: Table, mapping: list[str]) -> ParsedFile:
    """The rows of a table, read with a column for (some of) its header cells."""
    missing = missing_columns(mapping)
    if missing:
        raise LeerkringError(
            _("Required columns are missing: %(columns)s.")
            % {"columns": ", ".join(str(COLUMN_LABELS[c]) for c in missing)}
        )
    rows = []
    for number, record in table.records:
        row = RawRow(line=number)
        for index, column in enumerate(mapping):
            if not column:
                continue
            value = record[index] if index < len(record) else ""
            if column == OTHER_TEAMS:
                row.other_teams = split_team_names(value)
            else:
                setattr(row, column, value)
        rows.append(row)
    columns = [c for c in COLUMN_LABELS if c in mapping]
    return ParsedFile(columns=columns, rows=rows, table=table, mapping=list(mapping))
