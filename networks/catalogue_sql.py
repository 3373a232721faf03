"""The filter values of the public catalogue (selectors.catalogue_filter_values) in one plain
query instead of four: the themes, places and months (of a session or a start) of the
editions still running. Plain SQL that SQLite and PostgreSQL both run; dates come back as
their `YYYY-MM` text, the same on both.

Table names come from the models, and the query names the columns the models define
(Django's defaults: `<field>_id` for a foreign key)."""

from django.db import connection
from django.utils import timezone

from .models import Edition, Programme, Session

_TABLES = {
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
    with connection.cursor() as cursor:
        cursor.execute(_VALUES, [provider_id, today] * 4)
        for kind, value in cursor.fetchall():
            found[kind].append(value)
    return {kind: sorted(values) for kind, values in found.items()}
