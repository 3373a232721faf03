"""The public catalogue in plain SQL: its filter values (selectors.catalogue_filter_values) in
one query instead of four, the themes, places and months (of a session or a start) of the
editions still running, with dates as their `YYYY-MM` text, the same on both databases; and
the filtered editions (selectors.catalogue) with only what their cards show, as the ORM
compiled that filtered query anew on every view. Plain SQL that SQLite and PostgreSQL both
run.

Table names come from the models, and the query names the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

import datetime
import functools
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from core.sql import convert_row, converters, fetch, icontains, like_contains

from .models import Application, Edition, Programme, Session

_TABLES = {
    "application": Application._meta.db_table,
    "edition": Edition._meta.db_table,
    "programme": Programme._meta.db_table,
    "session": Session._meta.db_table,
}
_RUNNING = """
    FROM {edition} e JOIN {programme} p ON p.id = e.programme_id
    WHERE p.provider_id = %s AND p.is_published AND e.ends_on >= %s"""
_VALUES = """
    SELECT 'theme', p.theme {running} AND p.theme <> ''
    UNION
    SELECT 'place', e.city {running} AND e.city <> ''
    UNION
    SELECT 'month', SUBSTR(CAST(e.starts_on AS TEXT), 1, 7) {running}
    UNION
    SELECT 'month', SUBSTR(CAST(s.date AS TEXT), 1, 7)
    FROM {session} s JOIN {edition} e ON e.id = s.edition_id
    JOIN {programme} p ON p.id = e.programme_id
    WHERE p.provider_id = %s AND p.is_published AND e.ends_on >= %s""".format(
    running=_RUNNING.format(**_TABLES), **_TABLES
)


def filter_values(provider_id: int) -> dict[str, list[str]]:
    """{"theme": [...], "place": [...], "month": ["YYYY-MM", ...]}, each sorted."""
    today = connection.ops.adapt_datefield_value(timezone.localdate())
    found = {"theme": [], "place": [], "month": []}
    for kind, value in fetch(_VALUES, [provider_id, today] * 4):
        found[kind].append(value)
    return {kind: sorted(values) for kind, values in found.items()}


# The places of an edition held by accepted applications and offers not expired.
_TAKEN = """
    COALESCE((SELECT SUM(a.size) FROM {application} a WHERE a.edition_id = {edition_id}
        AND (a.status = %s OR (a.status = %s AND a.offer_expires_at >= %s))), 0)"""

# The catalogue's editions: those of the provider's published programmes still running,
# with their free places.
_EDITIONS = """
    SELECT e.id, e.name, e.starts_on, e.ends_on, e.city, e.is_online,
        e.registration_deadline, p.title, p.code, p.audience, p.theme, p.summary, p.fee,
        e.capacity - {taken}
    {running} {filters}
    ORDER BY e.starts_on, e.id
    LIMIT %s OFFSET %s"""
_COUNT = "SELECT COUNT(*) {running} {filters}"


@dataclass(frozen=True)
class CatalogueEdition:
    pk: int
    name: str
    starts_on: datetime.date
    ends_on: datetime.date
    city: str
    is_online: bool
    registration_deadline: datetime.datetime
    title: str
    code: str
    audience: str
    theme: str
    summary: str
    fee: Decimal
    free: int

    @property
    def registration_open(self) -> bool:
        return timezone.now() <= self.registration_deadline


@functools.cache
def _converters(vendor: str) -> tuple:
    """The ORM's converters of the catalogue's date, moment, flag and amount columns, by
    their place in _EDITIONS (SQLite keeps amounts as numbers, moments without zone)."""
    columns = {
        2: Edition._meta.get_field("starts_on").get_col("e"),
        3: Edition._meta.get_field("ends_on").get_col("e"),
        5: Edition._meta.get_field("is_online").get_col("e"),
        6: Edition._meta.get_field("registration_deadline").get_col("e"),
        12: Programme._meta.get_field("fee").get_col("p"),
    }
    return tuple((index, column, converters(column)) for index, column in columns.items())


def _edition(row) -> CatalogueEdition:
    return CatalogueEdition(*convert_row(list(row), _converters(connection.vendor)))


class CatalogueEditions:
    """The filtered catalogue as the paginator reads it: a count, then one slice. `month` is
    the first day of a month: editions starting in it or with a session in it."""

    def __init__(self, provider_id: int, *, q="", audience="", theme="", place="", month=None):
        filters, params = [], []
        if q:
            columns = ("p.title", "p.code", "p.summary", "p.theme")
            filters.append("(" + " OR ".join(icontains(column) for column in columns) + ")")
            params += [like_contains(q)] * len(columns)
        for column, value in (("p.audience", audience), ("p.theme", theme), ("e.city", place)):
            if value:
                filters.append(f"{column} = %s")
                params.append(value)
        if month:
            after = (month + datetime.timedelta(days=31)).replace(day=1)
            filters.append(
                f"((e.starts_on >= %s AND e.starts_on < %s) OR e.id IN (SELECT s.edition_id"
                f" FROM {_TABLES['session']} s WHERE s.date >= %s AND s.date < %s))"
            )
            bounds = [connection.ops.adapt_datefield_value(d) for d in (month, after)]
            params += bounds * 2
        where = "".join(f" AND {condition}" for condition in filters)
        running = _RUNNING.format(**_TABLES)
        self._count_sql = _COUNT.format(running=running, filters=where)
        taken = _TAKEN.format(edition_id="e.id", **_TABLES)
        self._sql = _EDITIONS.format(running=running, filters=where, taken=taken)
        today = connection.ops.adapt_datefield_value(timezone.localdate())
        self._params = [provider_id, today, *params]

    def count(self) -> int:
        return fetch(self._count_sql, self._params)[0][0]

    def __getitem__(self, part: slice) -> list[CatalogueEdition]:
        start, stop = part.start or 0, part.stop
        rows = fetch(self._sql, [*_held(timezone.now()), *self._params, stop - start, start])
        return [_edition(row) for row in rows]


def _held(now) -> list:
    """The parameters of _TAKEN."""
    return [
        Application.Status.ACCEPTED,
        Application.Status.OFFERED,
        connection.ops.adapt_datetimefield_value(now),
    ]


_PLACES_TAKEN = "SELECT " + _TAKEN.format(edition_id="%s", **_TABLES)


def places_taken(edition_id: int, now) -> int:
    """The places of the edition held by accepted applications and offers not expired at
    `now` (registration.places_taken)."""
    return fetch(_PLACES_TAKEN, [edition_id, *_held(now)])[0][0]
