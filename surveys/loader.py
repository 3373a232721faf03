"""Loading instrument files (surveys/instruments/*.yaml) into versioned database rows.

A file is parsed and fully validated before anything is written. Loading is idempotent: the
checksum of the parsed content decides whether a file is a new version, so comments and
layout changes do not create versions, while any change of content does. Surveys keep pointing
at the version they were sent with.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core.errors import LeerkringError

from .models import (
    Dimension,
    Instrument,
    InstrumentVersion,
    Item,
    OpenQuestion,
    RaterGroup,
    Scale,
)

INSTRUMENT_DIR = Path(__file__).resolve().parent / "instruments"
LANGUAGES = ("nl", "en")


class InstrumentError(LeerkringError):
    """An instrument file is invalid; the message names the file and the item."""


@dataclass
class LoadResult:
    version: InstrumentVersion
    created: bool


class _Checker:
    def __init__(self, name: str):
        self.name = name

    def fail(self, where: str, message: str):
        raise InstrumentError(f"{self.name}: {where}: {message}")

    def text(self, where: str, value) -> dict:
        if not isinstance(value, dict):
            self.fail(where, _("a text needs a Dutch (nl) and an English (en) translation"))
        for lang in LANGUAGES:
            if not str(value.get(lang) or "").strip():
                self.fail(where, _("missing translation “%(lang)s”") % {"lang": lang})
        return {lang: str(value[lang]).strip() for lang in LANGUAGES}

    def groups(self, where: str, value) -> list[str]:
        value = value or []
        known = set(RaterGroup.Kind.values)
        if not isinstance(value, list):
            self.fail(where, _("rater groups must be a list"))
        for kind in value:
            if kind not in known:
                self.fail(where, _("unknown rater group “%(kind)s”") % {"kind": kind})
        return [str(kind) for kind in value]

    def group_functions(self, where: str, value, groups: list[str]) -> dict[str, list[str]]:
        """{rater group: [function words]}; only groups the instrument has, never the ones
        that hold one person (self, superior)."""
        if not isinstance(value, dict):
            self.fail(where, _("rater group functions must be a mapping"))
        found = {}
        for kind, words in value.items():
            if kind not in groups or kind in RaterGroup.SMALL_KINDS:
                self.fail(where, _("no functions for the rater group “%(kind)s”") % {"kind": kind})
            if not isinstance(words, list) or not all(
                isinstance(w, str) and w.strip() for w in words
            ):
                self.fail(
                    where, _("the functions of “%(kind)s” must be a list of words") % {"kind": kind}
                )
            found[str(kind)] = [word.strip().lower() for word in words]
        return found


def parse_instrument(raw: dict, *, name: str) -> dict:
    """Validate one parsed file and return it in canonical form, or raise InstrumentError."""
    check = _Checker(name)
    if not isinstance(raw, dict):
        check.fail(_("file"), _("the file is not a mapping"))
    code = str(raw.get("code") or "").strip()
    if not code:
        check.fail(_("file"), _("the instrument has no code"))
    if raw.get("kind") not in Instrument.Kind.values:
        check.fail(code, _("unknown kind “%(kind)s”") % {"kind": raw.get("kind")})
    data = {
        "code": code,
        "kind": raw["kind"],
        "title": check.text(f"{code} title", raw.get("title")),
        "intro": check.text(f"{code} intro", raw.get("intro"))
        if raw.get("intro")
        else {"nl": "", "en": ""},
        "rater_groups": check.groups(code, raw.get("rater_groups")),
        "scales": [],
        "dimensions": [],
        "open_questions": [],
    }
    if raw.get("self_intro"):  # only when given: files without it keep their checksum
        data["self_intro"] = check.text(f"{code} self_intro", raw["self_intro"])
    if not data["rater_groups"]:
        check.fail(code, _("the instrument names no rater groups"))
    if raw.get("rater_group_functions"):  # only when given: files without it keep their checksum
        data["rater_group_functions"] = check.group_functions(
            code, raw["rater_group_functions"], data["rater_groups"]
        )

    scales = {}
    for scale in raw.get("scales") or []:
        scode = str(scale.get("code") or "")
        where = _("scale %(code)s") % {"code": scode or "?"}
        if not scode or scode in scales:
            check.fail(where, _("a scale needs a unique code"))
        low, high = scale.get("min"), scale.get("max")
        if not isinstance(low, int) or not isinstance(high, int) or high <= low:
            check.fail(where, _("min and max must be whole numbers with max above min"))
        aspect = scale.get("aspect", Item.Aspect.QUALITY)
        if aspect not in Item.Aspect.values:
            check.fail(where, _("unknown aspect “%(aspect)s”") % {"aspect": aspect})
        labels = {}
        for key, label in (scale.get("labels") or {}).items():
            if not isinstance(key, int) or not low <= key <= high:
                check.fail(where, _("label %(key)s is outside the scale") % {"key": key})
            labels[str(key)] = check.text(f"{where} label {key}", label)
        question = scale.get("question")
        scales[scode] = {
            "code": scode,
            "min": low,
            "max": high,
            "unknown": bool(scale.get("unknown", False)),
            "aspect": aspect,
            "labels": labels,
            "question": check.text(where, question) if question else {"nl": "", "en": ""},
        }
    if not scales:
        check.fail(code, _("the instrument has no scales"))
    data["scales"] = list(scales.values())

    codes = set()
    dimension_codes = set()
    for dimension in raw.get("dimensions") or []:
        dcode = str(dimension.get("code") or "")
        where = _("dimension %(code)s") % {"code": dcode or "?"}
        if not dcode or dcode in dimension_codes:
            check.fail(where, _("a dimension needs a unique code"))
        dimension_codes.add(dcode)
        items = []
        for item in dimension.get("items") or []:
            icode = str(item.get("code") or "")
            iwhere = _("item %(code)s") % {"code": icode or "?"}
            text = check.text(iwhere, item.get("text"))
            scale_codes = item.get("scales") or ([item["scale"]] if item.get("scale") else [])
            if not scale_codes:
                check.fail(iwhere, _("the item has no scale"))
            for scode in scale_codes:
                if scode not in scales:
                    check.fail(iwhere, _("unknown scale “%(scale)s”") % {"scale": scode})
                # A statement asked on several scales becomes one item per scale.
                full = icode if len(scale_codes) == 1 else f"{icode}-{scales[scode]['aspect']}"
                if not icode or full in codes:
                    check.fail(iwhere, _("duplicate item code “%(code)s”") % {"code": full})
                codes.add(full)
                entry = {
                    "code": full,
                    "statement": icode,
                    "scale": scode,
                    "aspect": scales[scode]["aspect"],
                    "text": text,
                    "reverse": bool(item.get("reverse", False)),
                    "required": bool(item.get("required", True)),
                    "audience": check.groups(iwhere, item.get("audience")),
                }
                # Only present when given, so files without it keep their checksum.
                if item.get("self_text"):
                    entry["self_text"] = check.text(f"{iwhere} self_text", item["self_text"])
                items.append(entry)
        if not items:
            check.fail(where, _("empty dimension: it has no items"))
        data["dimensions"].append(
            {"code": dcode, "title": check.text(where, dimension.get("title")), "items": items}
        )
    if not data["dimensions"]:
        check.fail(code, _("the instrument has no dimensions"))

    for question in raw.get("open_questions") or []:
        qcode = str(question.get("code") or "")
        where = _("open question %(code)s") % {"code": qcode or "?"}
        if not qcode or qcode in codes:
            check.fail(where, _("duplicate item code “%(code)s”") % {"code": qcode})
        codes.add(qcode)
        entry = {
            "code": qcode,
            "text": check.text(where, question.get("text")),
            "audience": check.groups(where, question.get("audience")),
        }
        if question.get("self_text"):
            entry["self_text"] = check.text(f"{where} self_text", question["self_text"])
        data["open_questions"].append(entry)
    return data


def checksum(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def read_file(path: Path) -> dict:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise InstrumentError(f"{path.name}: {error}") from error
    return parse_instrument(raw, name=path.name)


@transaction.atomic
def load_instrument(data: dict, *, source: str = "") -> LoadResult:
    """Store a validated instrument as a new version unless this exact content exists."""
    digest = checksum(data)
    instrument, _created = Instrument.objects.get_or_create(
        code=data["code"], defaults={"kind": data["kind"]}
    )
    if instrument.kind != data["kind"]:
        instrument.kind = data["kind"]
        instrument.save(update_fields=["kind"])
    existing = instrument.versions.filter(checksum=digest).first()
    if existing is not None:
        return LoadResult(existing, False)
    number = (instrument.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    version = write_version(instrument, data, number=number, digest=digest, source=source)
    return LoadResult(version, True)


def write_version(
    instrument: Instrument, data: dict, *, number: int, digest: str, source: str = ""
) -> InstrumentVersion:
    """Write the rows of one version from validated data (parse_instrument's form)."""
    version = InstrumentVersion.objects.create(
        instrument=instrument,
        number=number,
        checksum=digest,
        title_nl=data["title"]["nl"],
        title_en=data["title"]["en"],
        intro_nl=data["intro"]["nl"],
        intro_en=data["intro"]["en"],
        self_intro_nl=data.get("self_intro", {}).get("nl", ""),
        self_intro_en=data.get("self_intro", {}).get("en", ""),
        rater_groups=data["rater_groups"],
        group_functions=data.get("rater_group_functions", {}),
        source_file=source[:200],
    )
    scales = {}
    for scale in data["scales"]:
        scales[scale["code"]] = Scale.objects.create(
            version=version,
            code=scale["code"],
            minimum=scale["min"],
            maximum=scale["max"],
            labels=scale["labels"],
            allow_unknown=scale["unknown"],
            question_nl=scale["question"]["nl"],
            question_en=scale["question"]["en"],
        )
    items = []
    position = 0
    for dposition, dimension in enumerate(data["dimensions"], start=1):
        row = Dimension.objects.create(
            version=version,
            code=dimension["code"],
            position=dposition,
            title_nl=dimension["title"]["nl"],
            title_en=dimension["title"]["en"],
        )
        for item in dimension["items"]:
            position += 1
            items.append(
                Item(
                    version=version,
                    dimension=row,
                    scale=scales[item["scale"]],
                    code=item["code"],
                    statement=item["statement"],
                    position=position,
                    aspect=item["aspect"],
                    text_nl=item["text"]["nl"],
                    text_en=item["text"]["en"],
                    self_text_nl=item.get("self_text", {}).get("nl", ""),
                    self_text_en=item.get("self_text", {}).get("en", ""),
                    reverse=item["reverse"],
                    required=item["required"],
                    audience=item["audience"],
                )
            )
    Item.objects.bulk_create(items)
    OpenQuestion.objects.bulk_create(
        OpenQuestion(
            version=version,
            code=question["code"],
            position=qposition,
            text_nl=question["text"]["nl"],
            text_en=question["text"]["en"],
            self_text_nl=question.get("self_text", {}).get("nl", ""),
            self_text_en=question.get("self_text", {}).get("en", ""),
            audience=question["audience"],
        )
        for qposition, question in enumerate(data["open_questions"], start=1)
    )
    return version


def version_data(version: InstrumentVersion) -> dict:
    """A stored version in parse_instrument's canonical form: what a copy, an export and the
    checksum are made from."""
    scales = list(version.scales.order_by("pk"))
    items = list(version.items.select_related("scale", "dimension").order_by("position"))
    dimensions = list(version.dimensions.order_by("position"))
    aspects = {item.scale_id: item.aspect for item in items}
    data = {
        "code": version.instrument.code,
        "kind": str(version.instrument.kind),
        "title": {"nl": version.title_nl, "en": version.title_en},
        "intro": {"nl": version.intro_nl, "en": version.intro_en},
        "rater_groups": [str(kind) for kind in version.rater_groups],
        "scales": [
            {
                "code": scale.code,
                "min": scale.minimum,
                "max": scale.maximum,
                "unknown": scale.allow_unknown,
                "aspect": str(aspects.get(scale.pk, Item.Aspect.QUALITY)),
                "labels": {key: dict(label) for key, label in scale.labels.items()},
                "question": {"nl": scale.question_nl, "en": scale.question_en},
            }
            for scale in scales
        ],
        "dimensions": [],
        "open_questions": [],
    }
    if version.self_intro_nl:
        data["self_intro"] = {"nl": version.self_intro_nl, "en": version.self_intro_en}
    if version.group_functions:
        data["rater_group_functions"] = dict(version.group_functions)
    for dimension in dimensions:
        entries = []
        for item in items:
            if item.dimension_id != dimension.pk:
                continue
            entry = {
                "code": item.code,
                "statement": item.statement,
                "scale": item.scale.code,
                "aspect": item.aspect,
                "text": {"nl": item.text_nl, "en": item.text_en},
                "reverse": item.reverse,
                "required": item.required,
                "audience": list(item.audience),
            }
            if item.self_text_nl:
                entry["self_text"] = {"nl": item.self_text_nl, "en": item.self_text_en}
            entries.append(entry)
        data["dimensions"].append(
            {
                "code": dimension.code,
                "title": {"nl": dimension.title_nl, "en": dimension.title_en},
                "items": entries,
            }
        )
    for question in version.open_questions.order_by("position"):
        entry = {
            "code": question.code,
            "text": {"nl": question.text_nl, "en": question.text_en},
            "audience": list(question.audience),
        }
        if question.self_text_nl:
            entry["self_text"] = {"nl": question.self_text_nl, "en": question.self_text_en}
        data["open_questions"].append(entry)
    return data


def load_all(directory: Path = INSTRUMENT_DIR) -> list[LoadResult]:
    """Validate every file first, then load them; one bad file stops the whole load."""
    parsed = [(path, read_file(path)) for path in sorted(directory.glob("*.yaml"))]
    return [load_instrument(data, source=path.name) for path, data in parsed]


def latest_versions():
    """The newest version of each shipped instrument, for choosing when creating a survey."""
    newest = {}
    for version in (
        InstrumentVersion.objects.filter(instrument__owner__isnull=True)
        .select_related("instrument")
        .order_by("instrument__code", "-number")
    ):
        newest.setdefault(version.instrument_id, version)
    return list(newest.values())
