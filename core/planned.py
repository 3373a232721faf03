"""Lookups that run on every request, with their SQL written once per process.

A `select_related` query is compiled anew on every request: for a lookup over several
tables that costs more than running it. A `PlannedQuery` describes the same lookup (a
model, the foreign keys to follow, the fields to match) and writes its SQL once per process
from the models' own fields. Each value read passes the same converters as in the ORM
(dates on SQLite, JSON, ...) and the objects are built with `Model.from_db`, so the result
is what the ORM would give and it follows any change to the models.
"""

import functools
from dataclasses import dataclass

from django.db import connection

from .sql import column_converters, convert_row, fetch


@dataclass(frozen=True)
class _Table:
    name: str
    model: type
    parent: str | None  # the table it hangs from
    field: str | None  # the foreign key on the parent's model
    attnames: tuple[str, ...]
    converters: tuple  # (column index, the column, the ORM's converters for its value)


def _out_of_range(field, value) -> bool:
    """Whether `value` cannot be stored in an integer `field` (say, an id of 2**64 typed into
    a URL): no row can match it."""
    target = getattr(field, "target_field", None) or field  # a key holds its target's values
    bounds = connection.ops.integer_field_ranges.get(target.get_internal_type())
    if bounds is None or isinstance(value, bool) or not isinstance(value, int):
        return False
    low, high = bounds
    return (low is not None and value < low) or (high is not None and value > high)


class PlannedQuery:
    """Rows of `model` matching `where` (field names of the model, each compared with `=`),
    with the related objects along `joins` loaded: each join is (the name it is joined from,
    its foreign key there, its own name), the root being the model's name, as in
    `select_related`. `order_by` lists (name, field) pairs."""

    def __init__(self, model, *, joins=(), where=(), order_by=()):
        self.model = model
        self.joins = tuple(joins)
        self.where = tuple(where)
        self.order_by = tuple(order_by)

    @functools.cached_property
    def _plan(self) -> tuple[tuple[_Table, ...], str, tuple]:
        quote = connection.ops.quote_name
        root = self.model._meta.model_name
        aliases = {root: "t0"}
        optional = set()  # tables reached through a nullable key: LEFT JOINs
        models = {root: self.model}
        parents = {root: (None, None)}
        joins = []
        for parent, name, table in self.joins:
            key = models[parent]._meta.get_field(name)
            model = key.related_model
            alias = aliases[table] = f"t{len(aliases)}"
            models[table], parents[table] = model, (parent, name)
            if key.null or parent in optional:
                optional.add(table)
            joins.append(
                f"{'LEFT JOIN' if table in optional else 'JOIN'} {quote(model._meta.db_table)}"
                f" {alias} ON {alias}.{quote(model._meta.pk.column)}"
                f" = {aliases[parent]}.{quote(key.column)}"
            )
        tables, columns = [], []
        for table, model in models.items():
            fields = model._meta.concrete_fields
            columns += [f"{aliases[table]}.{quote(f.column)}" for f in fields]
            tables.append(
                _Table(
                    table,
                    model,
                    *parents[table],
                    attnames=tuple(f.attname for f in fields),
                    converters=column_converters(fields, aliases[table]),
                )
            )
        where_fields = tuple(self.model._meta.get_field(name) for name in self.where)
        sql = f"SELECT {', '.join(columns)} FROM {quote(self.model._meta.db_table)} t0"
        if joins:
            sql += " " + " ".join(joins)
        if where_fields:
            sql += " WHERE " + " AND ".join(f"t0.{quote(f.column)} = %s" for f in where_fields)
        if self.order_by:
            sql += " ORDER BY " + ", ".join(
                f"{aliases[table]}.{quote(models[table]._meta.get_field(name).column)}"
                for table, name in self.order_by
            )
        return tuple(tables), sql, where_fields

    def all(self, *values) -> list:
        """The matching objects, with their related objects set."""
        tables, sql, where_fields = self._plan
        pairs = list(zip(where_fields, values, strict=True))
        if any(_out_of_range(f, v) for f, v in pairs):
            return []  # as the ORM answers, where the database would refuse the value
        rows = fetch(sql, [f.get_db_prep_value(v, connection) for f, v in pairs])
        return [self._build(tables, row) for row in rows]

    def first(self, *values):
        """The first matching object, or None."""
        found = self.all(*values)
        return found[0] if found else None

    @staticmethod
    def _build(tables, row):
        found, start = {}, 0
        for table in tables:
            values = convert_row(list(row[start : start + len(table.attnames)]), table.converters)
            start += len(table.attnames)
            pk = values[table.attnames.index(table.model._meta.pk.attname)]
            obj = found[table.name] = (
                None
                if pk is None
                else table.model.from_db(connection.alias, table.attnames, values)
            )
            parent = found.get(table.parent)
            if parent is not None:
                setattr(parent, table.field, obj)
        return found[tables[0].name]
