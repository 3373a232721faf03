"""Bulk loading into PostgreSQL with COPY (psycopg 3's `cursor.copy()`), for the region demo.

`CopyTable` writes the rows of one model: the caller gives the columns it knows, every other
concrete column gets its model default (auto_now and auto_now_add fields get one timestamp,
a nullable field NULL, a blank text field ""). Primary keys are chosen by the caller from
`next_id()`, so rows of another table can point at them before they are written; `finish()`
moves the table's identity sequence past the last one. `loaded_without_indexes` drops a
table's indexes and constraints for a large COPY and creates them again afterwards.
"""

import datetime
from contextlib import contextmanager

from django.db import connection, models
from django.utils import timezone
from psycopg import sql


def _default(field, now: datetime.datetime):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    if field.has_default():
        return field.get_db_prep_save(field.get_default(), connection)
    if field.null:
        return None
    if field.blank and isinstance(field, models.CharField | models.TextField):
        return ""
    raise ValueError(f"{field.model.__name__}.{field.name} needs a value: it has no default.")


class CopyTable:
    """COPY rows of `model` with `columns` (attnames, "id" first if given) into its table."""

    def __init__(self, cursor, model, columns: list[str]):
        self.cursor = cursor
        self.model = model
        self.table = model._meta.db_table
        self.columns = list(columns)
        now = timezone.now()
        rest = [
            f
            for f in model._meta.concrete_fields
            if f.attname not in self.columns and not f.primary_key
        ]
        self.extra_columns = [f.column for f in rest]
        self.extra_values = tuple(_default(f, now) for f in rest)
        cursor.execute(
            sql.SQL("SELECT COALESCE(MAX(id), 0) FROM {}").format(sql.Identifier(self.table))
        )
        self._last_id = cursor.fetchone()[0]
        self.count = 0

    def next_id(self) -> int:
        self._last_id += 1
        return self._last_id

    def write(self, rows) -> int:
        """COPY an iterable of tuples (in `columns` order); returns how many were written."""
        names = [self.model._meta.get_field(c).column if c != "id" else "id" for c in self.columns]
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(self.table),
            sql.SQL(", ").join(sql.Identifier(n) for n in [*names, *self.extra_columns]),
        )
        written = 0
        extra = self.extra_values
        with self.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row + extra)
                written += 1
        self.count += written
        return written

    def finish(self) -> None:
        """Move the id sequence past the ids written here."""
        self.cursor.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence({table}, 'id'), "
                "(SELECT COALESCE(MAX(id), 1) FROM {ident}))"
            ).format(table=sql.Literal(self.table), ident=sql.Identifier(self.table))
        )


def raw_cursor():
    """psycopg's own cursor behind Django's default connection (for `copy()`)."""
    connection.ensure_connection()
    return connection.connection.cursor()


@contextmanager
def loaded_without_indexes(cursor, model):
    """Drop the table's foreign keys, unique constraints and secondary indexes for a COPY
    and create them again afterwards (each one pass over the table instead of one update
    per row): PostgreSQL's own advice for populating a database."""
    table = model._meta.db_table
    # Django's foreign keys are deferred: check the rows written so far now, since a table
    # with pending checks cannot be altered.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype IN ('f', 'u') ORDER BY contype DESC",
        [table],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN "
        "(SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)",
        [table, table],
    )
    indexes = cursor.fetchall()
    ident = sql.Identifier(table)
    for name, _definition in constraints:
        cursor.execute(
            sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(ident, sql.Identifier(name))
        )
    for name, _definition in indexes:
        cursor.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
    yield
    cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
    for _name, definition in indexes:
        cursor.execute(definition)
    for name, definition in reversed(constraints):
        cursor.execute(
            sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} " + definition).format(
                ident, sql.Identifier(name)
            )
        )
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
