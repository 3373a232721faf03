"""Writes for instruments composed in the browser: a school's, community's, provider's or
team's own questionnaire, made from scratch or copied from a shipped or shared one.

An instrument's newest version is its draft. Once a survey uses it, the next edit first copies
it to a new version and changes the copy, so rounds keep the version they were sent with. A
version that a round answers now is never written to.
"""

import secrets
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import ordering
from core.errors import LeerkringError
from organisations.models import Organisation, Team

from .loader import version_data, write_version
from .models import (
    Dimension,
    Instrument,
    InstrumentVersion,
    Item,
    OpenQuestion,
    RaterGroup,
    Round,
    Scale,
)

DEFAULT_SCALE = {
    "code": "akkoord",
    "min": 1,
    "max": 5,
    "unknown": False,
    "aspect": Item.Aspect.QUALITY,
    "labels": {
        "1": {"nl": "helemaal niet akkoord", "en": "strongly disagree"},
        "2": {"nl": "niet akkoord", "en": "disagree"},
        "3": {"nl": "neutraal", "en": "neutral"},
        "4": {"nl": "akkoord", "en": "agree"},
        "5": {"nl": "helemaal akkoord", "en": "strongly agree"},
    },
    "question": {"nl": "", "en": ""},
}


@dataclass
class Edit:
    """The outcome of one edit: the version written and the row changed (None after a
    delete); `new_version` when the edit had to start a new version first."""

    version: InstrumentVersion
    row: object = None
    new_version: bool = False


def _digest() -> str:
    # A composed version is told apart by a fresh token at every write: the questions cache
    # (selectors.version_questions) is keyed by it, so a preview never shows stale rows.
    return secrets.token_hex(32)


def _new_code(title: str) -> str:
    return f"{slugify(title)[:40] or 'instrument'}-{secrets.token_hex(3)}"


def _check_owner(organisation: Organisation, team: Team | None) -> None:
    if team is not None and team.organisation_id != organisation.pk:
        raise LeerkringError(_("This team is not part of this organisation."))


def latest_version(instrument: Instrument) -> InstrumentVersion:
    return instrument.versions.order_by("-number").first()


def is_used(version: InstrumentVersion) -> bool:
    """Whether a round was sent with this version (every survey's first round is)."""
    return Round.objects.filter(version=version).exists()


def check_writable(version: InstrumentVersion) -> None:
    """Refuse to change a version that a round answers while it is open."""
    today = timezone.localdate()
    open_now = Round.objects.filter(
        version=version, closed=False, opens_on__lte=today, closes_on__gte=today
    )
    if version.instrument.is_shipped:
        raise LeerkringError(_("A shipped instrument cannot be changed. Copy it to adapt it."))
    if open_now.exists():
        raise LeerkringError(
            _("This version is being answered in a round that is open now, so it cannot change.")
        )


def _copy(version: InstrumentVersion, *, instrument: Instrument, number: int):
    return write_version(instrument, version_data(version), number=number, digest=_digest())


@transaction.atomic
def instrument_create(
    *,
    organisation: Organisation,
    title_nl: str,
    title_en: str = "",
    kind: str = Instrument.Kind.PULSE,
    team: Team | None = None,
    actor=None,
) -> Instrument:
    """A new own instrument with an empty first version and a five-point agreement scale."""
    _check_owner(organisation, team)
    title_nl = title_nl.strip()
    if not title_nl:
        raise LeerkringError(_("Give the instrument a Dutch title."), field="title_nl")
    if kind not in Instrument.Kind.values:
        raise LeerkringError(_("Choose a kind of instrument."), field="kind")
    instrument = Instrument.objects.create(
        code=_new_code(title_nl), kind=kind, owner=organisation, team=team
    )
    data = {
        "title": {"nl": title_nl, "en": title_en.strip()},
        "intro": {"nl": "", "en": ""},
        "rater_groups": [RaterGroup.Kind.STAFF],
        "scales": [DEFAULT_SCALE],
        "dimensions": [],
        "open_questions": [],
    }
    write_version(instrument, data, number=1, digest=_digest())
    return instrument


@transaction.atomic
def instrument_copy(
    *, version: InstrumentVersion, organisation: Organisation, team: Team | None = None, actor=None
) -> Instrument:
    """Copy and adapt: a new own instrument whose first version is a copy of `version`."""
    _check_owner(organisation, team)
    source = version.instrument
    if not (
        source.is_shipped
        or source.owner_id == organisation.pk
        or source.shared_with != Instrument.Sharing.NONE
    ):
        raise LeerkringError(_("This instrument is not shared with you."))
    instrument = Instrument.objects.create(
        code=_new_code(version.title_nl),
        kind=source.kind,
        owner=organisation,
        team=team,
        copied_from=version,
    )
    _copy(version, instrument=instrument, number=1)
    return instrument


@transaction.atomic
def instrument_share(*, instrument: Instrument, shared_with: str, actor=None) -> Instrument:
    owner = instrument.owner
    allowed = {Instrument.Sharing.NONE}
    if owner is not None and owner.kind in (Organisation.Kind.SCHOOL, Organisation.Kind.COMMUNITY):
        allowed.add(Instrument.Sharing.COMMUNITY)
    if owner is not None and owner.is_provider:
        allowed.add(Instrument.Sharing.NETWORK)
    if instrument.team_id is not None or shared_with not in allowed:
        raise LeerkringError(_("This instrument cannot be shared that way."), field="shared_with")
    instrument.shared_with = shared_with
    instrument.save(update_fields=["shared_with"])
    return instrument


@transaction.atomic
def draft_for_edit(instrument: Instrument) -> tuple[InstrumentVersion, bool]:
    """The version the next edit writes to: the newest one, or a new copy of it when a
    survey uses it. Locks the instrument so two editors cannot both start a version."""
    if instrument.is_shipped:
        raise LeerkringError(_("A shipped instrument cannot be changed. Copy it to adapt it."))
    Instrument.objects.select_for_update().filter(pk=instrument.pk).first()
    latest = latest_version(instrument)
    if not is_used(latest):
        check_writable(latest)
        return latest, False
    number = (instrument.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    return _copy(latest, instrument=instrument, number=number), True


def _in_draft(instrument: Instrument, row, model):
    """The draft and the row of it that `row` (of the newest version) is, after copying."""
    latest_pk = latest_version(instrument).pk
    if row is not None and row.version_id != latest_pk:
        raise LeerkringError(_("Only the newest version of an instrument can be changed."))
    version, created = draft_for_edit(instrument)
    if row is not None and created:
        row = model.objects.get(version=version, code=row.code)
    return version, row, created


def _touch(version: InstrumentVersion, *fields: str) -> None:
    version.checksum = _digest()
    version.save(update_fields=["checksum", *fields])


def _code(value: str, fallback: str) -> str:
    return slugify(value.strip())[:40] or fallback


def _renumber_items(version: InstrumentVersion) -> None:
    """Items are numbered through the whole version, dimension by dimension, as the answer
    page reads them."""
    items = sorted(
        version.items.select_related("dimension"),
        key=lambda item: (item.dimension.position, item.position, item.pk),
    )
    ordering.renumber(items)


@transaction.atomic
def version_update(
    *,
    instrument: Instrument,
    title_nl: str,
    title_en: str = "",
    intro_nl: str = "",
    intro_en: str = "",
    rater_groups: list[str],
    actor=None,
) -> Edit:
    if not title_nl.strip():
        raise LeerkringError(_("Give the instrument a Dutch title."), field="title_nl")
    known = set(RaterGroup.Kind.values)
    if not rater_groups or any(kind not in known for kind in rater_groups):
        raise LeerkringError(_("Choose at least one rater group."), field="rater_groups")
    version, _row, created = _in_draft(instrument, None, None)
    version.title_nl, version.title_en = title_nl.strip(), title_en.strip()
    version.intro_nl, version.intro_en = intro_nl.strip(), intro_en.strip()
    version.rater_groups = list(rater_groups)
    _touch(version, "title_nl", "title_en", "intro_nl", "intro_en", "rater_groups")
    return Edit(version, version, created)


@transaction.atomic
def scale_save(
    *,
    instrument: Instrument,
    scale: Scale | None = None,
    code: str = "",
    minimum: int,
    maximum: int,
    labels: dict,
    allow_unknown: bool = False,
    actor=None,
) -> Edit:
    """Add or change a scale: at least two points, labels only for its points."""
    if minimum is None or maximum is None or maximum - minimum < 1:
        raise LeerkringError(_("A scale needs at least two points."), field="maximum")
    if maximum - minimum > 10:
        raise LeerkringError(_("A scale has at most eleven points."), field="maximum")
    clean = {}
    for key, label in (labels or {}).items():
        if not minimum <= int(key) <= maximum:
            raise LeerkringError(_("A label is outside the scale."), field="labels")
        nl, en = (label.get("nl") or "").strip(), (label.get("en") or "").strip()
        if nl or en:
            clean[str(int(key))] = {"nl": nl or en, "en": en}
    version, scale, created = _in_draft(instrument, scale, Scale)
    code = _code(code, f"schaal-{version.scales.count() + 1}")
    if version.scales.filter(code=code).exclude(pk=getattr(scale, "pk", None)).exists():
        raise LeerkringError(_("Another scale already has the code “%(code)s”.") % {"code": code})
    scale = scale or Scale(version=version)
    scale.code, scale.minimum, scale.maximum = code, minimum, maximum
    scale.labels, scale.allow_unknown = clean, allow_unknown
    scale.save()
    _touch(version)
    return Edit(version, scale, created)


@transaction.atomic
def scale_delete(*, instrument: Instrument, scale: Scale, actor=None) -> Edit:
    if scale.items.exists():
        raise LeerkringError(_("Items use this scale. Give them another scale first."))
    version, scale, created = _in_draft(instrument, scale, Scale)
    if version.scales.count() <= 1:
        raise LeerkringError(_("An instrument keeps at least one scale."))
    scale.delete()
    _touch(version)
    return Edit(version, None, created)


@transaction.atomic
def dimension_save(
    *,
    instrument: Instrument,
    dimension: Dimension | None = None,
    code: str = "",
    title_nl: str,
    title_en: str = "",
    actor=None,
) -> Edit:
    if not title_nl.strip():
        raise LeerkringError(_("Give the dimension a Dutch title."), field="title_nl")
    version, dimension, created = _in_draft(instrument, dimension, Dimension)
    code = _code(code or title_nl, f"dimensie-{version.dimensions.count() + 1}")
    if version.dimensions.filter(code=code).exclude(pk=getattr(dimension, "pk", None)).exists():
        raise LeerkringError(
            _("Another dimension already has the code “%(code)s”.") % {"code": code}, field="code"
        )
    if dimension is None:
        top = version.dimensions.aggregate(top=Max("position"))["top"] or 0
        dimension = Dimension(version=version, position=top + 1)
    dimension.code, dimension.title_nl, dimension.title_en = (
        code,
        title_nl.strip(),
        title_en.strip(),
    )
    dimension.save()
    _touch(version)
    return Edit(version, dimension, created)


@transaction.atomic
def dimension_delete(*, instrument: Instrument, dimension: Dimension, actor=None) -> Edit:
    """Remove a dimension with its items."""
    version, dimension, created = _in_draft(instrument, dimension, Dimension)
    dimension.delete()
    ordering.renumber(list(version.dimensions.order_by("position")))
    _renumber_items(version)
    _touch(version)
    return Edit(version, None, created)


def _check_question_code(version, code: str, *, exclude_item=None, exclude_question=None):
    items = version.items.filter(code=code).exclude(pk=exclude_item)
    questions = version.open_questions.filter(code=code).exclude(pk=exclude_question)
    if items.exists() or questions.exists():
        raise LeerkringError(
            _("The code “%(code)s” is already used by another question.") % {"code": code},
            field="code",
        )


@transaction.atomic
def item_save(
    *,
    instrument: Instrument,
    item: Item | None = None,
    dimension: Dimension,
    scale: Scale,
    code: str = "",
    text_nl: str,
    text_en: str = "",
    reverse: bool = False,
    audience: list[str] | None = None,
    actor=None,
) -> Edit:
    """Add or change an item; a new item goes to the end of its dimension."""
    if not text_nl.strip():
        raise LeerkringError(_("An item needs a Dutch text."), field="text_nl")
    known = set(RaterGroup.Kind.values)
    if any(kind not in known for kind in audience or []):
        raise LeerkringError(_("Unknown rater group."), field="audience")
    latest_pk = latest_version(instrument).pk
    if dimension.version_id != latest_pk or scale.version_id != latest_pk:
        raise LeerkringError(_("Choose a dimension and a scale of this instrument."))
    version, item, created = _in_draft(instrument, item, Item)
    if created:
        dimension = version.dimensions.get(code=dimension.code)
        scale = version.scales.get(code=scale.code)
    code = _code(code, f"item-{version.items.count() + 1}")
    _check_question_code(version, code, exclude_item=getattr(item, "pk", None))
    moved = item is None or item.dimension_id != dimension.pk
    if item is None:
        item = Item(version=version, position=0)
    item.dimension, item.scale, item.code, item.statement = dimension, scale, code, code
    item.text_nl, item.text_en = text_nl.strip(), text_en.strip()
    item.reverse, item.audience = reverse, list(audience or [])
    if moved:
        item.position = 10_000  # the end of its dimension, renumbered below
    item.save()
    _renumber_items(version)
    _touch(version)
    item.refresh_from_db()
    return Edit(version, item, created)


@transaction.atomic
def item_delete(*, instrument: Instrument, item: Item, actor=None) -> Edit:
    version, item, created = _in_draft(instrument, item, Item)
    item.delete()
    _renumber_items(version)
    _touch(version)
    return Edit(version, None, created)


@transaction.atomic
def open_question_save(
    *,
    instrument: Instrument,
    question: OpenQuestion | None = None,
    code: str = "",
    text_nl: str,
    text_en: str = "",
    audience: list[str] | None = None,
    actor=None,
) -> Edit:
    if not text_nl.strip():
        raise LeerkringError(_("A question needs a Dutch text."), field="text_nl")
    version, question, created = _in_draft(instrument, question, OpenQuestion)
    code = _code(code, f"open-{version.open_questions.count() + 1}")
    _check_question_code(version, code, exclude_question=getattr(question, "pk", None))
    if question is None:
        top = version.open_questions.aggregate(top=Max("position"))["top"] or 0
        question = OpenQuestion(version=version, position=top + 1)
    question.code, question.text_nl, question.text_en = code, text_nl.strip(), text_en.strip()
    question.audience = list(audience or [])
    question.save()
    _touch(version)
    return Edit(version, question, created)


@transaction.atomic
def open_question_delete(*, instrument: Instrument, question: OpenQuestion, actor=None) -> Edit:
    version, question, created = _in_draft(instrument, question, OpenQuestion)
    question.delete()
    ordering.renumber(list(version.open_questions.order_by("position")))
    _touch(version)
    return Edit(version, None, created)


@transaction.atomic
def item_move(*, instrument: Instrument, item: Item, direction: str | int, actor=None) -> Edit:
    """Move an item up or down within its dimension, or to a place in it (from 1)."""
    version, item, created = _in_draft(instrument, item, Item)
    siblings = list(version.items.filter(dimension_id=item.dimension_id).order_by("position"))
    if ordering.move(siblings, item, direction, start=siblings[0].position):
        _touch(version)
    return Edit(version, item, created)


@transaction.atomic
def dimension_move(
    *, instrument: Instrument, dimension: Dimension, direction: str | int, actor=None
) -> Edit:
    version, dimension, created = _in_draft(instrument, dimension, Dimension)
    if ordering.move(list(version.dimensions.order_by("position")), dimension, direction):
        _renumber_items(version)
        _touch(version)
    return Edit(version, dimension, created)
