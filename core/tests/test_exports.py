"""The shared export helper: text that a spreadsheet would run as a formula stays text."""

import csv
import datetime
import io

import pytest
from openpyxl import Workbook, load_workbook

from core.exports import SafeCsvWriter, safe_cell, xlsx_append, xlsx_stream_append

EVIL = '=HYPERLINK("http://evil.example","klik")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_starts_like_a_formula_gets_a_quote(start):
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["Griet", "", "a=b", " =1", "'quoted", "100 %"])
def test_other_text_is_left_alone(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", [3, -3, 2.5, -0.5, None, True, datetime.date(2026, 9, 1)])
def test_numbers_dates_and_empty_cells_stay_what_they_are(value):
    assert safe_cell(value) is value


def _reloaded(book):
    buffer = io.BytesIO()
    book.save(buffer)
    return load_workbook(io.BytesIO(buffer.getvalue()))


def test_xlsx_rows_store_text_as_strings_and_numbers_as_numbers():
    book = Workbook()
    xlsx_append(book.active, ["Opmerking", "Score"])
    xlsx_append(book.active, [EVIL, -2])
    xlsx_append(book.active, ["@SUM(A1:A2)", 4.5])
    sheet = _reloaded(book).active
    rows = list(sheet.iter_rows())
    assert [cell.data_type for cell in rows[0]] == ["s", "s"]
    assert rows[1][0].data_type == "s"
    assert rows[1][0].value == "'" + EVIL
    assert (rows[1][1].data_type, rows[1][1].value) == ("n", -2)
    assert rows[2][0].value == "'@SUM(A1:A2)"
    assert (rows[2][1].data_type, rows[2][1].value) == ("n", 4.5)


def test_write_only_xlsx_rows_store_text_as_strings_and_numbers_as_numbers():
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    xlsx_stream_append(sheet, ["Opmerking", "Score"])
    xlsx_stream_append(sheet, [EVIL, -2])
    rows = list(_reloaded(book).active.iter_rows())
    assert [cell.data_type for cell in rows[0]] == ["s", "s"]
    assert (rows[1][0].data_type, rows[1][0].value) == ("s", "'" + EVIL)
    assert (rows[1][1].data_type, rows[1][1].value) == ("n", -2)


def test_csv_rows_neutralise_formulas():
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer, delimiter=";")
    writer.writerow(["Naam", "Opmerking", "Score"])
    writer.writerows([["Griet", EVIL, 4], ["+32 470", "\tverborgen", -1]])
    rows = list(csv.reader(io.StringIO(buffer.getvalue()), delimiter=";"))
    assert rows == [
        ["Naam", "Opmerking", "Score"],
        ["Griet", "'" + EVIL, "4"],
        ["'+32 470", "'\tverborgen", "-1"],
    ]
