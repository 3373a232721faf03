from io import BytesIO

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from core.errors import LeerkringError
from surveys import builder, instrument_files
from surveys.loader import parse_instrument, read_file, version_data
from surveys.models import Instrument


def _url(name, school, **kwargs):
    return reverse(f"surveys:{name}", kwargs={"slug": school.slug, **kwargs})


@pytest.fixture
def own(school):
    instrument = builder.instrument_create(organisation=school, title_nl="Onze pols")
    dimension = builder.dimension_save(instrument=instrument, title_nl="Welzijn").row
    scale = builder.latest_version(instrument).scales.get()
    builder.item_save(
        instrument=instrument,
        dimension=dimension,
        scale=scale,
        code="rust",
        text_nl="=Ik ervaar rust.",
        text_en="I feel calm.",
    )
    builder.item_save(
        instrument=instrument,
        dimension=dimension,
        scale=scale,
        code="druk",
        text_nl="Ik voel me opgejaagd.",
        reverse=True,
    )
    return instrument


def _xlsx(rows, *, sheet="items") -> bytes:
    workbook = Workbook()
    workbook.active.title = sheet
    for row in rows:
        workbook.active.append(row)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_the_yaml_export_is_a_valid_instrument_file(own):
    text = instrument_files.instrument_yaml(builder.latest_version(own))
    data = parse_instrument(yaml.safe_load(text), name="export.yaml")
    items = data["dimensions"][0]["items"]
    assert [i["code"] for i in items] == ["rust", "druk"]
    assert items[1]["reverse"] and items[1]["text"]["en"] == "Ik voel me opgejaagd."


def test_a_shipped_instrument_survives_export_and_parse(instruments, tmp_path):
    version = instruments["verantwoordelijkheden-dialoog"]
    path = tmp_path / "dialoog.yaml"
    path.write_text(instrument_files.instrument_yaml(version), encoding="utf-8")
    assert read_file(path)["dimensions"] == version_data(version)["dimensions"]


def test_the_xlsx_export_has_one_row_per_item_and_no_formulas(own):
    sheet = load_workbook(BytesIO(instrument_files.instrument_xlsx(builder.latest_version(own))))
    rows = list(sheet["items"].iter_rows(values_only=True))
    assert rows[0] == tuple(instrument_files.ITEM_COLUMNS)
    assert len(rows) == 3
    assert rows[1][3:5] == ("rust", "'=Ik ervaar rust.")
    assert sheet["items"]["E2"].data_type == "s"


def test_import_of_the_xlsx_export_gives_the_same_items(own, school):
    content = instrument_files.instrument_xlsx(builder.latest_version(own))
    imported = instrument_files.instrument_import(
        organisation=school,
        upload=SimpleUploadedFile("pols.xlsx", content),
        title="Kopie pols",
    )
    version = builder.latest_version(imported)
    assert imported.owner == school and version.title_nl == "Kopie pols"
    assert list(version.items.values_list("code", "reverse")) == [("rust", False), ("druk", True)]


def test_import_of_a_yaml_file(login, school, leader, own):
    text = instrument_files.instrument_yaml(builder.latest_version(own))
    response = login(leader).post(
        _url("instrument_import", school),
        {"upload": SimpleUploadedFile("pols.yaml", text.encode())},
    )
    new = Instrument.objects.exclude(pk=own.pk).get(owner=school)
    assert response["Location"] == _url("instrument_detail", school, pk=new.pk)
    assert builder.latest_version(new).items.count() == 2


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("pols.xlsx", b"geen spreadsheet", "geen XLSX-bestand"),
        ("pols.xlsx", _xlsx([["dimension", "code", "text_nl"]]), "mist de kolom"),
        ("pols.xlsx", _xlsx([["code"]], sheet="blad1"), "geen blad"),
        ("pols.csv", b"a;b", "YAML- of een XLSX-bestand"),
        ("pols.yaml", b"code: [", "geen YAML-bestand"),
    ],
)
def test_a_wrong_file_writes_nothing_and_says_why_in_dutch(
    login, school, leader, name, content, message
):
    response = login(leader).post(
        _url("instrument_import", school),
        {"upload": SimpleUploadedFile(name, content), "title": "Pols"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Instrument.objects.filter(owner=school).exists()


def test_an_xlsx_item_without_dutch_text_is_refused(school):
    rows = [
        instrument_files.ITEM_COLUMNS,
        ["welzijn", "Welzijn", "", "rust", "", "I feel calm.", "", ""],
    ]
    with pytest.raises(LeerkringError, match="vertaling “nl” ontbreekt"):
        instrument_files.instrument_import(
            organisation=school, upload=SimpleUploadedFile("p.xlsx", _xlsx(rows)), title="Pols"
        )
    assert not Instrument.objects.filter(owner=school).exists()


def test_exports_are_the_owners_only(login, school, outsider, leader, own):
    assert login(leader).get(_url("instrument_xlsx", school, pk=own.pk)).status_code == 200
    client = login(outsider)
    assert client.get(_url("instrument_yaml", school, pk=own.pk)).status_code == 404


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("instrument_yaml", "application/yaml; charset=utf-8"),
        ("instrument_xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_an_export_downloads_as_a_file_named_after_code_and_version(
    login, school, leader, own, name, content_type
):
    response = login(leader).get(_url(name, school, pk=own.pk))
    extension = name.removeprefix("instrument_")
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{own.code}-v1.{extension}"'
