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
def plg_columns() -> str:
    """The PLG's columns, for `SELECT` from its table as `p`; `plgs_from` reads them back."""
    return ", ".join(f"p.{f.column}" for f in PLG._meta.concrete_fields)


def converters(extra=()) -> list:
    """Per column of `plg_columns()` and then per expression in `extra`: what the ORM does
    to the value after reading it (dates on SQLite, ...)."""
    columns = [f.get_col("p") for f in PLG._meta.concrete_fields]
    return [
        (e, connection.ops.get_db_converters(e) + e.get_db_converters(connection))
        for e in (*columns, *extra)
    ]


def plgs_from(rows, extra=()) -> list[tuple[PLG, list]]:
    """(PLG, the row's further values) per row that starts with `plg_columns()`; `extra`
    names the expressions whose values need converting, in their order after the columns."""
    attnames = [f.attname for f in PLG._meta.concrete_fields]
    convert_all = converters(extra)
    found = []
    for row in rows:
        values = list(row)
        for index, (expression, convert_one) in enumerate(convert_all):
            for convert in convert_one:
                values[index] = convert(values[index], expression, connection)
        plg = PLG.from_db(connection.alias, attnames, values[: len(attnames)])
        found.append((plg, values[len(attnames) :]))
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
