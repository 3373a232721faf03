"""Instruments as files: YAML in the format of the shipped instruments (surveys/instruments/),
and XLSX with one row per item (and a sheet of scales). An import is validated whole by
loader.parse_instrument before anything is written, and becomes a new own instrument."""

import secrets
import zipfile
from io import BytesIO
from itertools import groupby

import yaml
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from core.errors import LeerkringError
from core.exports import xlsx_append

from .builder import DEFAULT_SCALE
from .loader import InstrumentError, parse_instrument, version_data, write_version
from .models import Instrument, InstrumentVersion

ITEM_COLUMNS = [
    "dimension",
    "dimension_nl",
    "dimension_en",
    "code",
    "text_nl",
    "text_en",
    "scale",
    "reverse",
]
SCALE_COLUMNS = ["code", "min", "max", "unknown", "labels_nl", "labels_en"]
MAX_UPLOAD = 2 * 1024 * 1024


def _text(value: dict) -> dict:
    """Both languages, the Dutch text standing in for a missing English one, as the file
    format asks for both."""
    return {"nl": value["nl"], "en": value.get("en") or value["nl"]}


def _raw(version: InstrumentVersion) -> dict:
    """A version as the shipped files write it (the inverse of parse_instrument)."""
    data = version_data(version)
    raw = {
        "code": data["code"],
        "kind": data["kind"],
        "title": _text(data["title"]),
        "rater_groups": data["rater_groups"],
    }
    if data["intro"]["nl"]:
        raw["intro"] = _text(data["intro"])
    raw["scales"] = []
    for scale in data["scales"]:
        entry = {"code": scale["code"], "min": scale["min"], "max": scale["max"]}
        if scale["unknown"]:
            entry["unknown"] = True
        if scale["aspect"] != "quality":
            entry["aspect"] = scale["aspect"]
        entry["labels"] = {
            int(k): _text(v) for k, v in sorted(scale["labels"].items(), key=lambda kv: int(kv[0]))
        }
        if scale["question"]["nl"]:
            entry["question"] = _text(scale["question"])
        raw["scales"].append(entry)
    raw["dimensions"] = []
    for dimension in data["dimensions"]:
        items = []
        for statement, group in groupby(dimension["items"], key=lambda i: i["statement"]):
            group = list(group)
            first = group[0]
            entry = {"code": statement if len(group) > 1 else first["code"]}
            entry["text"] = _text(first["text"])
            if len(group) > 1:
                entry["scales"] = [item["scale"] for item in group]
            else:
                entry["scale"] = first["scale"]
            if first["reverse"]:
                entry["reverse"] = True
            if not first["required"]:
                entry["required"] = False
            if first["audience"]:
                entry["audience"] = first["audience"]
            if first.get("self_text"):
                entry["self_text"] = _text(first["self_text"])
            items.append(entry)
        raw["dimensions"].append(
            {"code": dimension["code"], "title": _text(dimension["title"]), "items": items}
        )
    if data["open_questions"]:
        raw["open_questions"] = [
            {
                "code": q["code"],
                "text": _text(q["text"]),
                **({"audience": q["audience"]} if q["audience"] else {}),
            }
            for q in data["open_questions"]
        ]
    return raw


def instrument_yaml(version: InstrumentVersion) -> str:
    return yaml.safe_dump(_raw(version), allow_unicode=True, sort_keys=False, width=100)


def instrument_xlsx(version: InstrumentVersion) -> bytes:
    data = version_data(version)
    workbook = Workbook()
    items = workbook.active
    items.title = "items"
    xlsx_append(items, ITEM_COLUMNS)
    for dimension in data["dimensions"]:
        for item in dimension["items"]:
            xlsx_append(
                items,
                [
                    dimension["code"],
                    dimension["title"]["nl"],
                    dimension["title"]["en"],
                    item["code"],
                    item["text"]["nl"],
                    item["text"]["en"],
                    item["scale"],
                    "ja" if item["reverse"] else "",
                ],
            )
    scales = workbook.create_sheet("scales")
    xlsx_append(scales, SCALE_COLUMNS)
    for scale in data["scales"]:
        values = [str(v) for v in range(scale["min"], scale["max"] + 1)]
        labels = scale["labels"]
        xlsx_append(
            scales,
            [
                scale["code"],
                scale["min"],
                scale["max"],
                "ja" if scale["unknown"] else "",
                " | ".join(labels.get(v, {}).get("nl", "") for v in values),
                " | ".join(labels.get(v, {}).get("en", "") for v in values),
            ],
        )
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _yes(value) -> bool:
    return str(value or "").strip().lower() in ("ja", "yes", "1", "true", "x", "waar")


def _rows(sheet, columns: list[str], name: str) -> list[dict]:
    rows = sheet.iter_rows(values_only=True)
    header = [str(c or "").strip().lower() for c in next(rows, ())]
    missing = [c for c in columns if c not in header]
    if missing:
        raise LeerkringError(
            _("The sheet “%(sheet)s” misses the column(s): %(columns)s.")
            % {"sheet": name, "columns": ", ".join(missing)}
        )
    found = []
    for row in rows:
        if not any(cell not in (None, "") for cell in row):
            continue
        found.append(
            {c: row[header.index(c)] if header.index(c) < len(row) else None for c in columns}
        )
    return found


def _xlsx_raw(content: bytes, *, title: str) -> dict:
    try:
        workbook = load_workbook(BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise LeerkringError(_("This is not an XLSX file that Leerkring can read.")) from error
    if "items" not in workbook.sheetnames:
        raise LeerkringError(_("The file has no sheet named “items”."))
    scales = []
    if "scales" in workbook.sheetnames:
        for row in _rows(workbook["scales"], SCALE_COLUMNS, "scales"):
            try:
                low, high = int(row["min"]), int(row["max"])
            except (TypeError, ValueError) as error:
                raise LeerkringError(
                    _("Scale “%(code)s”: min and max must be whole numbers.")
                    % {"code": row["code"]}
                ) from error
            nl = str(row["labels_nl"] or "").split("|")
            en = str(row["labels_en"] or "").split("|")
            labels = {}
            for i, value in enumerate(range(low, high + 1)):
                label_nl = nl[i].strip() if i < len(nl) else ""
                label_en = en[i].strip() if i < len(en) else ""
                if label_nl or label_en:
                    labels[value] = {"nl": label_nl or label_en, "en": label_en or label_nl}
            scales.append(
                {
                    "code": str(row["code"] or "").strip(),
                    "min": low,
                    "max": high,
                    "unknown": _yes(row["unknown"]),
                    "labels": labels,
                }
            )
    if not scales:
        default = DEFAULT_SCALE
        scales = [
            {
                "code": default["code"],
                "min": default["min"],
                "max": default["max"],
                "labels": {int(k): v for k, v in default["labels"].items()},
            }
        ]
    dimensions = {}
    for row in _rows(workbook["items"], ITEM_COLUMNS, "items"):
        code = str(row["dimension"] or "").strip() or slugify(str(row["dimension_nl"] or ""))
        dimension_nl = str(row["dimension_nl"] or code)
        dimension_title = {"nl": dimension_nl, "en": str(row["dimension_en"] or dimension_nl)}
        dimension = dimensions.setdefault(
            code, {"code": code, "title": dimension_title, "items": []}
        )
        text_nl = str(row["text_nl"] or "").strip()
        dimension["items"].append(
            {
                "code": str(row["code"] or "").strip(),
                # An item without Dutch text stays without: parse_instrument names it.
                "text": {"nl": text_nl, "en": str(row["text_en"] or "").strip() or text_nl},
                "scale": str(row["scale"] or "").strip() or scales[0]["code"],
                "reverse": _yes(row["reverse"]),
            }
        )
    return {
        "code": "import",
        "kind": Instrument.Kind.PULSE,
        "title": {"nl": title, "en": title},
        "rater_groups": ["staff"],
        "scales": scales,
        "dimensions": list(dimensions.values()),
    }


@transaction.atomic
def instrument_import(
    *, organisation, upload, title: str = "", team=None, actor=None
) -> Instrument:
    """A new own instrument from an uploaded YAML or XLSX file; a file that does not validate
    is refused whole, with the reason in the message."""
    name = upload.name or ""
    if upload.size > MAX_UPLOAD:
        raise LeerkringError(_("The file is too large (at most 2 MB)."))
    content = upload.read()
    if name.lower().endswith((".yaml", ".yml")):
        try:
            raw = yaml.safe_load(content.decode("utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError) as error:
            raise LeerkringError(_("This is not a YAML file that Leerkring can read.")) from error
    elif name.lower().endswith(".xlsx"):
        if not title.strip():
            raise LeerkringError(_("Give the instrument a Dutch title."), field="title")
        raw = _xlsx_raw(content, title=title.strip())
    else:
        raise LeerkringError(_("Choose a YAML or an XLSX file."), field="upload")
    try:
        data = parse_instrument(raw, name=name)
    except InstrumentError as error:
        raise LeerkringError(error.message) from error
    if team is not None and team.organisation_id != organisation.pk:
        raise LeerkringError(_("This team is not part of this organisation."))
    code = f"{slugify(data['title']['nl'])[:40] or 'instrument'}-{secrets.token_hex(3)}"
    data["code"] = code
    instrument = Instrument.objects.create(
        code=code, kind=data["kind"], owner=organisation, team=team
    )
    write_version(instrument, data, number=1, digest=secrets.token_hex(32), source=name)
    return instrument
