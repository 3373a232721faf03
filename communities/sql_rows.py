"""Helpers for the plain-SQL lists of PLG's (list_sql.py, overview_sql.py): PLG objects built
from their own columns as the ORM builds them (with core/sql.py)."""

from django.db import connection
from django.db.models import DateField, DateTimeField, Value

from core.sql import columns, convert, read

from .models import PLG

DATETIME = Value(None, output_field=DateTimeField())


def datetime_param(value):
    return DateTimeField().get_db_prep_value(value, connection)


def date_param(value):
    return DateField().get_db_prep_value(value, connection)


def plg_columns() -> str:
    """The PLG's columns, for `SELECT` from its table as `p`."""
    return columns(PLG, "p")


def plgs_from(rows, extra=()) -> list[tuple[PLG, list]]:
    """(PLG, the row's further values) per row that starts with `plg_columns()`; `extra`
    names the expressions of the first further values, to convert them as the ORM does."""
    found = []
    for row in rows:
        plg, start = read(PLG, row)
        rest = list(row[start:])
        for index, expression in enumerate(extra):
            rest[index] = convert(rest[index], expression)
        found.append((plg, rest))
    return found
