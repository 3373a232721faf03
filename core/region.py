"""The `region` demo data set: all Flemish schools on one installation (PostgreSQL only).

`manage.py demo --size region` first builds `large` (so every app's demo objects, the demo
logins and `MAIN_SCHOOL_SLUG` exist), then `build_region` adds the mass with COPY up to the
region's totals: about 100 school communities with 3,000 schools, 150,000 staff with a home
team each, 12,000 teams, 3,000 PLG's with their meetings, 60 providers with 600 editions and
their learning groups, and about 230,000 survey responses (10 million answers) to a 360° on
shared leadership and a team pulse per school, each over two finished rounds.

Core drives; each app writes its own tables. `build(region)` in every project app's region.py
runs in INSTALLED_APPS order, except that a module's `AFTER` (app labels) run before it:
organisations writes the schools, teams and people that every later part reads from the
`Region`. Everything is drawn from the one seeded `region.rng`, so a seed always gives the same
data as long as the parts keep their order. `scale` shrinks every total (the tests build a few
hundred rows); each phase prints its counts and rate.
"""

import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from .discovery import app_modules
from .pgcopy import CopyTable, loaded_without_indexes, raw_cursor

SEED = 2026_3000


def now_ms() -> float:
    return time.perf_counter()


@dataclass
class Progress:
    """One line per phase: what was written, how long it took and at what rate."""

    write: object  # a callable taking one line
    started: float = field(default_factory=now_ms)
    lines: list = field(default_factory=list)

    @contextmanager
    def phase(self, name: str, tables: list[CopyTable]):
        began = now_ms()
        before = sum(t.count for t in tables)
        yield
        seconds = max(now_ms() - began, 1e-6)
        rows = sum(t.count for t in tables) - before
        counts = ", ".join(f"{t.count:,} {t.table}" for t in tables if t.count)
        line = f"  {name:<14} {rows:>11,} rows {seconds:7.1f} s {rows / seconds:>9,.0f}/s  {counts}"
        self.add(line)

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.write(line)


@dataclass
class School:
    id: int
    community: int
    slug: str
    secondary: bool
    teams: list = field(default_factory=list)  # team ids
    members: list = field(default_factory=list)  # (membership id, user id, email, function)


class Region:
    """What the apps' region parts share: the Random, the COPY tables and the ids written so far."""

    def __init__(self, *, scale: float, seed: int, password_hash: str, write):
        self.scale = scale
        self.rng = random.Random(seed)
        self.seed = seed
        self.password_hash = password_hash
        self.progress = Progress(write)
        self.today = timezone.localdate()
        self.cursor = raw_cursor()
        self.tables: list[CopyTable] = []
        # Written by organisations' part, read by the later ones.
        self.providers: list[int] = []  # organisation ids
        self.communities: list[int] = []  # organisation ids
        self.schools: list[School] = []
        self.directors: dict[int, str] = {}  # community id -> its coordinating director's email
        self.trainers: dict[int, list[int]] = {}  # provider id -> its trainers' membership ids

    def wanted(self, total: int, existing: int) -> int:
        """How many to add so `existing` reaches the region's (scaled) total; at least one."""
        return max(1, round(total * self.scale) - existing)

    def table(self, model, columns) -> CopyTable:
        """A COPY table for `model`; its id sequence is moved on at the end of the build."""
        table = CopyTable(self.cursor, model, columns)
        self.tables.append(table)
        return table

    def phase(self, name: str, tables: list[CopyTable]):
        """Time the writes inside as one progress line."""
        return self.progress.phase(name, tables)

    def without_indexes(self, model):
        return loaded_without_indexes(self.cursor, model)


def region_builders() -> list:
    """(app label, build) of every project app whose region.py builds data: INSTALLED_APPS
    order, but a module waits for the apps named in its `AFTER`."""
    waiting = [
        (module.__name__.rsplit(".", 1)[0], module)
        for module in app_modules("region")
        if hasattr(module, "build")
    ]
    ordered = []
    while waiting:
        labels = {label for label, _module in waiting}
        ready = next(
            (
                (label, module)
                for label, module in waiting
                if not labels.intersection(getattr(module, "AFTER", ()))
            ),
            None,
        )
        if ready is None:
            raise ValueError(f"These region parts wait for each other: {sorted(labels)}")
        waiting.remove(ready)
        ordered.append((ready[0], ready[1].build))
    return ordered


def build_region(*, scale: float = 1.0, seed: int = SEED, password_hash: str, write=print):
    """Add the region's mass to the database (PostgreSQL) and return the progress lines."""
    if connection.vendor != "postgresql":
        raise ValueError("The region data set needs PostgreSQL (COPY).")
    region = Region(scale=scale, seed=seed, password_hash=password_hash, write=write)
    with transaction.atomic():
        for _label, build in region_builders():
            build(region)
        for table in region.tables:
            table.finish()
    started = now_ms()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    region.progress.add(f"  {'analyze':<14} {'':>11}      {now_ms() - started:7.1f} s")
    return region.progress.lines
