"""The PLG types and their cycles, loaded from cycles.yaml.

`str(T)` renders a text in the active language (Dutch by default), so templates and forms use
the cycle's texts like any translated string.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.utils.translation import get_language

CYCLES_FILE = Path(__file__).with_name("cycles.yaml")


@dataclass(frozen=True)
class T:
    """A text in English and Dutch; renders in the active language (Dutch by default)."""

    en: str
    nl: str

    def __str__(self) -> str:
        language = (get_language() or "nl").lower()
        return self.en if language.startswith("en") else self.nl


@dataclass(frozen=True)
class Phase:
    code: str
    name: T
    purpose: T
    questions: tuple[T, ...]
    products: tuple[T, ...]


@dataclass(frozen=True)
class Cycle:
    type: str
    name: T
    description: T
    phases: tuple[Phase, ...]

    def phase(self, code: str) -> Phase | None:
        return next((p for p in self.phases if p.code == code), None)

    def index(self, code: str) -> int:
        """Position of a phase in the cycle; -1 for an unknown code."""
        return next((i for i, p in enumerate(self.phases) if p.code == code), -1)

    def next_phase(self, code: str) -> Phase | None:
        i = self.index(code)
        return self.phases[i + 1] if 0 <= i < len(self.phases) - 1 else None

    @property
    def first(self) -> Phase:
        return self.phases[0]


def _text(value: dict) -> T:
    if not isinstance(value, dict) or not value.get("nl") or not value.get("en"):
        raise ValueError(f"{CYCLES_FILE.name}: every text needs both nl and en: {value!r}")
    return T(en=value["en"], nl=value["nl"])


def _phase(value: dict) -> Phase:
    return Phase(
        code=value["code"],
        name=_text(value["name"]),
        purpose=_text(value["purpose"]),
        questions=tuple(_text(q) for q in value["questions"]),
        products=tuple(_text(p) for p in value["products"]),
    )


@cache
def load_cycles() -> dict[str, Cycle]:
    raw = yaml.safe_load(CYCLES_FILE.read_text(encoding="utf-8"))["cycles"]
    phases = {c["type"]: tuple(_phase(p) for p in c["phases"]) for c in raw if "phases" in c}
    cycles = {}
    for c in raw:
        cycle_phases = phases[c["phases_from"]] if "phases_from" in c else phases[c["type"]]
        codes = [p.code for p in cycle_phases]
        if len(set(codes)) != len(codes) or not codes:
            raise ValueError(f"{CYCLES_FILE.name}: {c['type']} needs distinct phase codes")
        cycles[c["type"]] = Cycle(
            type=c["type"],
            name=_text(c["name"]),
            description=_text(c["description"]),
            phases=cycle_phases,
        )
    return cycles


CYCLES: dict[str, Cycle] = load_cycles()


def cycle_for(plg_type: str) -> Cycle:
    return CYCLES[plg_type]
