"""Plain SQL for the pages where Django compiling a query on every request costs more than
running it: running the query, searching as Django searches, reading a list a page at a
time, and turning rows back into what the ORM would give (the same converters, objects
built with `Model.from_db`). Every app's `*_sql.py` module uses these; each of its queries
is tested against the ORM query it replaces, on SQLite and PostgreSQL."""

import functools
from collections.abc import Callable, Iterable

from django.db import connection


def fetch(sql: str, params: Iterable) -> list[tuple]:
    """All rows of one query on the default database."""
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchall()


def with_ids(sql: str, ids) -> str:
    """`sql` with its `{ids}` replaced by one placeholder per id."""
    return sql.format(ids=", ".join(["%s"] * len(ids)))


def icontains(column: str) -> str:
    """`column` contains %s, ignoring case, in the SQL Django writes for `icontains` on this
    database (the value goes through `like_contains`)."""
    return f"{connection.ops.lookup_cast('icontains') % column} {connection.operators['icontains']}"


def like_contains(word: str) -> str:
    """The LIKE pattern for "contains `word`", its own % and _ escaped as Django does."""
    return f"%{connection.ops.prep_for_like_query(word)}%"


class RowPages:
    """A list read a page at a time: `count()`, `len()` and slicing, which is what Django's
    Paginator and ninja's pagination ask of a queryset. A slice runs `page_sql` with
    `params`, then LIMIT and OFFSET, and passes its rows to `build`; `count_sql` runs with
    `count_params` (by default the same `params`)."""

    def __init__(
        self, *, count_sql: str, page_sql: str, params, build: Callable, count_params=None
    ):
        self._count_sql = count_sql
        self._count_params = list(params if count_params is None else count_params)
        self._page_sql = page_sql
        self._params = list(params)
        self._build = build
        self._count = None

    def count(self) -> int:
        if self._count is None:
            self._count = fetch(self._count_sql, self._count_params)[0][0]
        return self._count

    __len__ = count

    def __getitem__(self, index: slice) -> list:
        if not isinstance(index, slice) or index.step is not None or index.stop is None:
            raise TypeError("RowPages takes a slice with an end and no step, as paginators do.")
        start = index.start or 0
        if index.stop <= start:
            return []
        return self._build(fetch(self._page_sql, [*self._params, index.stop - start, start]))


def converters(expression) -> tuple:
    """What the ORM does to a value it read for `expression` (a column or an expression
    with an output field), as its compiler does: the backend's converters, then the
    field's. Empty for most columns."""
    return tuple(
        connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
    )


def convert(value, expression):
    """`value` as the ORM gives it after reading it for `expression` (dates on SQLite, ...)."""
    for converter in converters(expression):
        value = converter(value, expression, connection)
    return value


def column_converters(fields, alias: str) -> tuple:
    """(index, column, converters) of each of these fields whose value the ORM converts."""
    found = []
    for index, field in enumerate(fields):
        column = field.get_col(alias)
        if found_converters := converters(column):
            found.append((index, column, found_converters))
    return tuple(found)


def convert_row(values: list, plan: tuple) -> list:
    """Apply `column_converters`' plan to a row's values, in place."""
    for index, column, convert_all in plan:
        for converter in convert_all:
            values[index] = converter(values[index], column, connection)
    return values


@functools.cache
def columns(model, alias: str) -> str:
    """The model's columns, for `SELECT` from its table as `alias`; `read` builds it back."""
    return ", ".join(f"{alias}.{f.column}" for f in model._meta.concrete_fields)


@functools.cache
def _reading(model) -> tuple[list[str], tuple]:
    fields = model._meta.concrete_fields
    return [f.attname for f in fields], column_converters(fields, model._meta.db_table)


def read(model, row, start: int = 0):
    """(the object built from the row's values from `start` on, as `columns` wrote them, the
    index of the first value after them)."""
    attnames, plan = _reading(model)
    values = convert_row(list(row[start : start + len(attnames)]), plan)
    return model.from_db(connection.alias, attnames, values), start + len(attnames)
