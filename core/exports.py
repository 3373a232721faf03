"""Writing spreadsheets that are safe to open: every XLSX and CSV export goes through here.

A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a
formula by Excel and LibreOffice ("formula injection": a respondent's comment
`=HYPERLINK("http://evil.example","klik")` would become a live link). Such text gets a
leading single quote, and in XLSX every text cell is stored as a string, never a formula.
Numbers, dates and empty cells are written as they are.
"""

import csv

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import TYPE_STRING

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as it may go into a spreadsheet cell: text that a spreadsheet would read as a
    formula is prefixed with a single quote; anything that is not text is returned as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_append(sheet, row) -> None:
    """Append `row` to an openpyxl worksheet with every text cell stored as a string."""
    sheet.append([safe_cell(value) for value in row])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = TYPE_STRING


def xlsx_stream_append(sheet, row) -> None:
    """`xlsx_append` for the worksheet of a `Workbook(write_only=True)`, which writes each row
    as it comes and so suits long lists."""
    cells = []
    for value in row:
        cell = WriteOnlyCell(sheet, value=safe_cell(value))
        if isinstance(cell.value, str):
            cell.data_type = TYPE_STRING
        cells.append(cell)
    sheet.append(cells)


class SafeCsvWriter:
    """`csv.writer` with every cell passed through `safe_cell`."""

    def __init__(self, file, **options):
        self._writer = csv.writer(file, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)
