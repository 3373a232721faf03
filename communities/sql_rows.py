"""Helpers for the plain-SQL lists of PLG's (list_sql.py, overview_sql.py): PLG objects built
from their own columns as the ORM builds them, and a list read a page at a time."""

import functools
from collections.abc import Callable

from django.db import connection
from django.db.models import DateField, DateTimeField, Value

from organisations.list_sql import fetch

from .models import PLG

DATETIME = Value(None, output_field=DateTimeField())


def datetime_param(value):
    return DateTimeField().get_db_prep_value(value, connection)


def date_param(value):
    return DateField().get_db_prep_value(value, connection)


@functools.cache
def columns(model, alias: str) -> str:
    """The model's columns, for `SELECT` from its table as `alias`; `read` builds it back."""
    return ", ".join(f"{alias}.{f.column}" for f in model._meta.concrete_fields)


def plg_columns() -> str:
    """The PLG's columns, for `SELECT` from its table as `p`."""
    return columns(PLG, "p")


def convert(value, expression):
    """`value` as the ORM gives it after reading it for `expression` (dates on SQLite, ...)."""
    for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(
        connection
    ):
        value = converter(value, expression, connection)
    return value


@functools.cache
def _plan(model) -> tuple[list[str], tuple]:
    """The model's attnames, and per column needing it: (its index, the column, what the ORM
    does to its value after reading it), found once per process as `core.planned` does."""
    fields = model._meta.concrete_fields
    found = []
    for index, field in enumerate(fields):
        column = field.get_col(model._meta.db_table)
        converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if converters:
            found.append((index, column, tuple(converters)))
    return [f.attname for f in fields], tuple(found)


def read(model, row, start: int = 0):
    """(the object built from the row's values from `start` on, as `columns` wrote them, the
    index of the first value after them)."""
    attnames, converters = _plan(model)
    values = list(row[start : start + len(attnames)])
    for index, column, convert_all in converters:
        for converter in convert_all:
            values[index] = converter(values[index], column, connection)
    return model.from_db(connection.alias, attnames, values), start + len(attnames)


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


class Pages:
    """A list read a page at a time, as Django's Paginator reads it: `count()`, `len()` and
    slicing. A slice runs `page_sql` with `page_params`, then LIMIT and OFFSET, and passes
    its rows to `build`."""

    def __init__(self, *, count_sql, count_params, page_sql, page_params, build: Callable):
        self._count_sql, self._count_params = count_sql, list(count_params)
        self._page_sql, self._page_params = page_sql, list(page_params)
        self._build = build
        self._count = None

    def count(self) -> int:
        if self._count is None:
            self._count = fetch(self._count_sql, self._count_params)[0][0]
        return self._count

    __len__ = count

    def __getitem__(self, index: slice) -> list:
        if not isinstance(index, slice) or index.step is not None or index.stop is None:
            raise TypeError("Pages takes a slice with an end and no step, as paginators do.")
        start = index.start or 0
        if index.stop <= start:
            return []
        rows = fetch(self._page_sql, [*self._page_params, index.stop - start, start])
        return self._build(rows)
