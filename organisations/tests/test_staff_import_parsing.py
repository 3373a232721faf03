"""Reading staff lists: formats, encodings, headers and file-level errors. No database."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from core.errors import LeerkringError
from organisations.imports.parsing import (
    EMAIL,
    FUNCTION,
    HOME_TEAM,
    MAX_UPLOAD_BYTES,
    OTHER_TEAMS,
    Table,
    check_upload,
    parse_staff_file,
    read_table,
    read_upload,
    recognise_columns,
    recognise_header,
    rows_from_table,
    unknown_columns,
)

DATA = Path(__file__).parent / "data"
HEADER = "Voornaam;Achternaam;E-mail;Functie;Thuisteam;Andere teams\n"


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _error(name, data) -> str:
    with pytest.raises(LeerkringError) as info:
        parse_staff_file(name, data)
    return info.value.message


def test_the_good_example_file_reads_with_dutch_headers_bom_and_semicolons():
    parsed = parse_staff_file("staff_good.csv", (DATA / "staff_good.csv").read_bytes())
    assert parsed.columns == ["first_name", "last_name", EMAIL, FUNCTION, HOME_TEAM, OTHER_TEAMS]
    assert len(parsed.rows) == 8
    fien = parsed.rows[2]
    assert (fien.first_name, fien.last_name, fien.email) == ("Fien", "Maes", "fien.maes@delinde.be")
    assert fien.function == "zorgcoördinator"
    assert fien.home_team == "Zorgteam"
    assert fien.other_teams == ["Eerste graad", "Tweede graad"]
    assert fien.line == 4
    elise = parsed.rows[6]
    assert elise.last_name == "Van den Broeck"
    assert elise.other_teams == ["Eerste graad", "Tweede graad"]


def test_english_headers_with_commas_and_no_bom_are_read():
    data = (
        b"First name,Last name,Email,Function,Home team,Other teams\n"
        b'Jens,Janssens,jens@school.be,leerkracht,Eerste graad,"Zorgteam; Werkgroep lezen"\n'
    )
    row = parse_staff_file("export.csv", data).rows[0]
    assert (row.first_name, row.email, row.home_team) == ("Jens", "jens@school.be", "Eerste graad")
    assert row.other_teams == ["Zorgteam", "Werkgroep lezen"]


def test_windows_1252_files_are_decoded():
    data = (HEADER + "Anaïs;Wouters;anais@school.be;zorgcoördinator;Zorgteam;\n").encode("cp1252")
    row = parse_staff_file("export.csv", data).rows[0]
    assert (row.first_name, row.function) == ("Anaïs", "zorgcoördinator")


def test_a_title_line_above_the_header_and_blank_lines_are_skipped():
    data = ("Personeelslijst De Linde\n\n" + HEADER + "\nJens;Janssens;j@school.be;;;\n").encode()
    parsed = parse_staff_file("export.csv", data)
    assert [r.first_name for r in parsed.rows] == ["Jens"]
    assert parsed.rows[0].line == 5


def test_optional_columns_may_be_absent():
    parsed = parse_staff_file("export.csv", b"voornaam;achternaam;email\nJens;Janssens;j@s.be\n")
    assert parsed.columns == ["first_name", "last_name", EMAIL]
    assert parsed.rows[0].home_team == ""


def test_nest_is_a_home_team_header():
    parsed = parse_staff_file("x.csv", b"voornaam,achternaam,e-mailadres,nest\nA,B,a@b.be,Zorg\n")
    assert parsed.rows[0].home_team == "Zorg"


def test_an_xlsx_file_is_read_from_its_first_sheet():
    parsed = parse_staff_file("staff_good.xlsx", (DATA / "staff_good.xlsx").read_bytes())
    assert len(parsed.rows) == 4
    assert parsed.rows[2].other_teams == ["Eerste graad", "Tweede graad"]
    assert parsed.rows[1].other_teams == []


def test_xlsx_numbers_and_empty_cells_become_text():
    data = _xlsx([["Voornaam", "Achternaam", "E-mail", "Functie"], ["Jo", "Smet", "jo@s.be", 12.0]])
    assert parse_staff_file("x.xlsx", data).rows[0].function == "12"


@pytest.mark.parametrize("data", [b"", b"  \n\n", "\ufeff".encode()])
def test_an_empty_file_is_an_error(data):
    assert "leeg" in _error("export.csv", data)


def test_a_header_without_rows_is_an_error():
    assert "alleen een rij met kolomnamen" in _error("export.csv", HEADER.encode())


def test_an_xlsx_with_only_a_header_is_an_error():
    data = _xlsx([["Voornaam", "Achternaam", "E-mail"]])
    assert "alleen een rij met kolomnamen" in _error("x.xlsx", data)


def test_missing_required_columns_are_named():
    message = _error("x.csv", b"voornaam;functie\nJens;leerkracht\n")
    assert "achternaam" in message and "e-mail" in message
    assert "voornaam" not in message.split(":", 1)[1]


def test_a_file_without_any_known_header_is_an_error():
    assert "kolomnamen" in _error("x.csv", b"a;b;c\n1;2;3\n")


def test_a_pdf_renamed_to_csv_is_refused():
    data = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    assert "niet lezen" in _error("personeel.csv", data)


def test_binary_content_is_refused():
    assert "niet lezen" in _error("personeel.csv", bytes(range(256)) * 10)


def test_a_damaged_xlsx_is_refused():
    assert "niet lezen" in _error("personeel.xlsx", b"PK\x03\x04 but not a real workbook")


def test_a_workbook_with_a_csv_name_and_a_csv_with_an_xlsx_name_still_read():
    workbook = _xlsx([["Voornaam", "Achternaam", "E-mail"], ["Jo", "Smet", "jo@s.be"]])
    assert parse_staff_file("personeel.csv", workbook).rows[0].email == "jo@s.be"
    text = b"voornaam;achternaam;email\nJo;Smet;jo@s.be\n"
    assert parse_staff_file("personeel.xlsx", text).rows[0].email == "jo@s.be"


def test_an_old_excel_file_gets_its_own_advice():
    assert ".xls)" in _error("personeel.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))


def test_other_file_types_are_refused_by_name():
    upload = SimpleUploadedFile("personeel.pdf", b"%PDF-1.7")
    with pytest.raises(LeerkringError) as info:
        check_upload(upload)
    assert ".xlsx" in info.value.message


def test_a_twenty_megabyte_file_is_refused_without_reading_it():
    class Unreadable(SimpleUploadedFile):
        def read(self, *args):  # pragma: no cover - the point is that it is never called
            raise AssertionError("the file was read")

    upload = Unreadable("personeel.csv", b"x" * (20 * 1024 * 1024))
    with pytest.raises(LeerkringError) as info:
        read_upload(upload)
    assert "te groot" in info.value.message and "20,0" in info.value.message


def test_a_file_just_under_the_limit_is_accepted_by_size():
    upload = SimpleUploadedFile("personeel.csv", b"x")
    upload.size = MAX_UPLOAD_BYTES
    check_upload(upload)


def test_the_downloadable_example_file_is_a_valid_staff_list():
    example = (
        Path(__file__).resolve().parents[2] / "static" / "examples" / "personeel-voorbeeld.csv"
    )
    parsed = parse_staff_file(example.name, example.read_bytes())
    assert len(parsed.columns) == 6
    assert all(row.first_name and row.last_name and "@" in row.email for row in parsed.rows)


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Voornaam", "first_name"),
        ("First name", "first_name"),
        ("Naam", "last_name"),
        ("Familienaam", "last_name"),
        ("ACHTERNAAM", "last_name"),
        ("E-mail", "email"),
        ("É-mail", "email"),
        ("e mail", "email"),
        ("Mail", "email"),
        ("Functie", "function"),
        ("Ambt", "function"),
        ("Basisteam", "home_team"),
        ("Thuisteam", "home_team"),
        ("Nest", "home_team"),
        (" Home team ", "home_team"),
        ("Home-Team:", "home_team"),
        ("Andere teams", "other_teams"),
        ("Stamnummer", ""),
        ("", ""),
    ],
)
def test_headers_are_recognised_whatever_their_case_spacing_accents_or_punctuation(header, column):
    assert recognise_header(header) == column


def test_columns_not_recognised_and_columns_named_twice_are_left_to_the_user():
    header = ["Voornaam", "Naam", "Familienaam", "E-mail", "Stamnummer", ""]
    assert recognise_columns(header) == ["first_name", "last_name", "", "email", "", ""]
    assert unknown_columns(header) == [2, 4]


def test_a_table_is_read_with_the_columns_the_user_chose():
    table = read_table(b"Voornaam;Achternaam;Adres;Lokaal\nJo;Maes;jo@school.be;A1\n")
    mapping = recognise_columns(table.header)
    with pytest.raises(LeerkringError):
        rows_from_table(table, mapping)  # the email column is not known yet
    mapping[2] = EMAIL
    parsed = rows_from_table(table, mapping)
    assert parsed.columns == ["first_name", "last_name", EMAIL]
    assert parsed.rows[0].email == "jo@school.be"
    # The table survives being stored as JSON on the preview.
    assert Table.from_json(table.as_json()) == table


def test_a_windows_1252_export_with_semicolons_and_a_basisteam_column_reads():
    data = "Voornaam;Naam;E-mail;Ambt;Basisteam\nRené;Dupré;rene@school.be;leraar;Kleuters\n"
    parsed = parse_staff_file("export.csv", data.encode("cp1252"))
    assert parsed.columns == ["first_name", "last_name", EMAIL, FUNCTION, HOME_TEAM]
    row = parsed.rows[0]
    assert (row.first_name, row.last_name, row.home_team) == ("René", "Dupré", "Kleuters")
