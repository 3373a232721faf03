"""Every app's Dutch catalogue is complete, and its compiled .mo matches the .po."""

import gettext
import re
from pathlib import Path

import pytest

from core.discovery import project_apps

ENTRY = re.compile(r"\n\n(?P<entry>(?:#[^\n]*\n)*msgid .*?)(?=\n\n|\Z)", re.S)


def _unquote(block: str) -> str:
    return "".join(
        bytes(line.strip()[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode()
        for line in block.strip().splitlines()
        if line.strip().startswith('"')
    )


def _field(entry: str, key: str) -> str | None:
    match = re.search(rf"^{re.escape(key)} (\".*?\")(?=\n[a-z#]|\n*\Z)", entry, re.S | re.M)
    return _unquote(match.group(1)) if match else None


def _catalogues():
    for app in project_apps():
        po = Path(app.path) / "locale" / "nl" / "LC_MESSAGES" / "django.po"
        if po.exists():
            yield pytest.param(po, id=app.label)


def _entries(po: Path):
    text = po.read_text(encoding="utf-8")
    for match in ENTRY.finditer("\n\n" + text.split("\n\n", 1)[1]):
        entry = match.group("entry")
        if entry.startswith("#~"):
            continue
        yield entry


@pytest.mark.parametrize("po", list(_catalogues()))
def test_dutch_catalogue_is_complete_and_compiled(po):
    compiled = gettext.GNUTranslations(po.with_suffix(".mo").open("rb"))
    untranslated, fuzzy, stale = [], [], []
    for entry in _entries(po):
        msgid = _field(entry, "msgid")
        plural = _field(entry, "msgid_plural")
        strings = (
            [_field(entry, "msgstr[0]"), _field(entry, "msgstr[1]")]
            if plural is not None
            else [_field(entry, "msgstr")]
        )
        if "#, fuzzy" in entry or ", fuzzy" in entry.split("msgid", 1)[0]:
            fuzzy.append(msgid)
        if any(not s for s in strings):
            untranslated.append(msgid)
            continue
        context = _field(entry, "msgctxt")
        if plural is None and context is None and compiled.gettext(msgid) != strings[0]:
            stale.append(msgid)
    assert not untranslated, f"untranslated in {po}: {untranslated}"
    assert not fuzzy, f"fuzzy in {po}: {fuzzy}"
    assert not stale, f"{po.with_suffix('.mo')} is out of date for: {stale}"
