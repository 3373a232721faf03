import copy
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from surveys.loader import (
    INSTRUMENT_DIR,
    InstrumentError,
    checksum,
    load_all,
    parse_instrument,
    read_file,
)
from surveys.models import Instrument, InstrumentVersion, Item

MINIMAL = {
    "code": "mini",
    "kind": "pulse",
    "title": {"nl": "Mini", "en": "Mini"},
    "rater_groups": ["staff"],
    "scales": [{"code": "eens", "min": 1, "max": 5}],
    "dimensions": [
        {
            "code": "d1",
            "title": {"nl": "Een", "en": "One"},
            "items": [{"code": "A1", "scale": "eens", "text": {"nl": "Tekst", "en": "Text"}}],
        }
    ],
}


@pytest.fixture(autouse=True)
def _english_messages():
    # The messages are translated; these tests read the English source text.
    with translation.override("en"):
        yield


def _write(tmp_path: Path, data: dict, name="mini.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_every_shipped_instrument_is_valid():
    codes = {read_file(path)["code"] for path in INSTRUMENT_DIR.glob("*.yaml")}
    assert {
        "gedeeld-leiderschap-360",
        "verantwoordelijkheden-dialoog",
        "plg-voorwaarden",
        "teampols",
        "sessie-evaluatie",
    } <= codes


def test_the_360_has_six_dimensions_and_30_to_45_items_with_importance_and_sharing():
    data = read_file(INSTRUMENT_DIR / "gedeeld-leiderschap-360.yaml")
    assert len(data["dimensions"]) >= 6
    items = [item for d in data["dimensions"] for item in d["items"]]
    assert 30 <= len(items) <= 45
    for dimension in data["dimensions"]:
        aspects = {item["aspect"] for item in dimension["items"]}
        assert {"quality", "importance", "shared"} <= aspects, dimension["code"]


def test_the_dialogue_asks_who_and_how_well_for_every_statement():
    data = read_file(INSTRUMENT_DIR / "verantwoordelijkheden-dialoog.yaml")
    items = [item for d in data["dimensions"] for item in d["items"]]
    statements = {item["statement"] for item in items}
    for statement in statements:
        aspects = {item["aspect"] for item in items if item["statement"] == statement}
        assert aspects == {"owner", "quality"}


@pytest.mark.parametrize(
    "mutate,message",
    [
        (lambda d: d["dimensions"][0]["items"][0].update(scale="nope"), "unknown scale “nope”"),
        (
            lambda d: d["dimensions"][0]["items"].append(
                copy.deepcopy(d["dimensions"][0]["items"][0])
            ),
            "duplicate item code “A1”",
        ),
        (lambda d: d["dimensions"][0].update(items=[]), "empty dimension"),
        (lambda d: d["dimensions"][0]["items"][0]["text"].pop("en"), "missing translation “en”"),
        (
            lambda d: d.update(rater_group_functions={"teachers": ["leraar"]}),
            "no functions for the rater group “teachers”",
        ),
        (
            lambda d: d.update(rater_group_functions={"staff": "leraar"}),
            "the functions of “staff” must be a list of words",
        ),
    ],
)
def test_an_invalid_file_gives_an_error_naming_file_and_item(tmp_path, mutate, message):
    data = copy.deepcopy(MINIMAL)
    mutate(data)
    path = _write(tmp_path, data)
    with pytest.raises(InstrumentError) as error:
        read_file(path)
    assert "mini.yaml" in str(error.value)
    assert message in str(error.value)
    if "dimension" not in message and "functions" not in message:
        assert "A1" in str(error.value)


def test_the_command_reports_an_invalid_file_and_loads_nothing(db, tmp_path, settings):
    data = copy.deepcopy(MINIMAL)
    data["dimensions"][0]["items"][0]["scale"] = "nope"
    _write(tmp_path, MINIMAL, "a.yaml")
    _write(tmp_path, data, "b.yaml")
    with pytest.raises(InstrumentError):
        load_all(tmp_path)
    assert not Instrument.objects.exists()


def test_loading_is_idempotent_and_a_changed_file_becomes_a_new_version(db, tmp_path):
    path = _write(tmp_path, MINIMAL)
    first = load_all(tmp_path)
    again = load_all(tmp_path)
    assert first[0].created and not again[0].created
    assert InstrumentVersion.objects.count() == 1

    changed = copy.deepcopy(MINIMAL)
    changed["dimensions"][0]["items"][0]["text"]["nl"] = "Andere tekst"
    _write(tmp_path, changed)
    third = load_all(tmp_path)
    assert third[0].created and third[0].version.number == 2
    old = Item.objects.get(version=first[0].version, code="A1")
    assert old.text_nl == "Tekst"
    assert path.exists()


def test_load_instruments_command_loads_all_shipped_files(db):
    call_command("load_instruments", stdout=StringIO())
    assert Instrument.objects.count() >= 5
    call_command("load_instruments", stdout=StringIO())
    assert InstrumentVersion.objects.count() == Instrument.objects.count()


def test_load_instruments_command_fails_clearly(db, tmp_path, monkeypatch):
    data = copy.deepcopy(MINIMAL)
    data["dimensions"][0]["items"][0]["text"] = {"nl": "Alleen Nederlands"}
    _write(tmp_path, data)
    monkeypatch.setattr("surveys.management.commands.load_instruments.INSTRUMENT_DIR", tmp_path)
    with pytest.raises(CommandError, match="mini.yaml: item A1: missing translation"):
        call_command("load_instruments")


def test_parse_rejects_an_unknown_rater_group():
    data = copy.deepcopy(MINIMAL)
    data["rater_groups"] = ["aliens"]
    with pytest.raises(InstrumentError, match="aliens"):
        parse_instrument(data, name="x.yaml")


def test_a_file_without_self_texts_keeps_its_checksum():
    # Versions loaded before self texts existed are not duplicated by the next load.
    parsed = parse_instrument(copy.deepcopy(MINIMAL), name="mini.yaml")
    assert "self_text" not in parsed["dimensions"][0]["items"][0]
    assert "self_intro" not in parsed
    assert checksum(parsed) == checksum(parse_instrument(copy.deepcopy(MINIMAL), name="x"))


def test_an_item_may_have_a_first_person_text_for_the_subject(db, tmp_path):
    data = copy.deepcopy(MINIMAL)
    data["self_intro"] = {"nl": "Over jezelf", "en": "About yourself"}
    data["dimensions"][0]["items"][0]["self_text"] = {"nl": "Ik doe het", "en": "I do it"}
    data["open_questions"] = [
        {
            "code": "O1",
            "text": {"nl": "Wat doet zij?", "en": "What does she do?"},
            "self_text": {"nl": "Wat doe ik?", "en": "What do I do?"},
        }
    ]
    _write(tmp_path, data)
    version = load_all(tmp_path)[0].version
    item = version.items.get()
    assert (item.self_text_nl, item.self_text_en) == ("Ik doe het", "I do it")
    assert item.text_for("self") == "I do it" and item.text_for("teachers") == "Text"
    assert version.open_questions.get().text_for("self") == "What do I do?"
    assert version.intro_for("self") == "About yourself" and version.intro_for("staff") == ""


def test_a_self_text_needs_both_languages():
    data = copy.deepcopy(MINIMAL)
    data["dimensions"][0]["items"][0]["self_text"] = {"nl": "Ik doe het"}
    with pytest.raises(InstrumentError, match="A1 self_text"):
        parse_instrument(data, name="mini.yaml")


def test_rater_group_functions_are_kept_and_a_file_without_them_keeps_its_checksum():
    data = parse_instrument(copy.deepcopy(MINIMAL), name="mini.yaml")
    with_functions = parse_instrument(
        {**copy.deepcopy(MINIMAL), "rater_group_functions": {"staff": [" Leraar "]}},
        name="mini.yaml",
    )
    assert "rater_group_functions" not in data
    assert with_functions["rater_group_functions"] == {"staff": ["leraar"]}
    assert checksum(data) != checksum(with_functions)
