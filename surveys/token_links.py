"""A token link's invitation with everything its answer page shows, read in one plain query.

Every request behind a link starts with this lookup. As a `select_related` over eight tables
(some eighty columns) Django compiles it anew on every request, which costs more than
running all the other queries of a submit. The SQL here is written once per process from
the models' own fields and the objects are built with `Model.from_db`, each value passing
the same converters as in the ORM, so it follows any change to the models.
"""

import functools
from dataclasses import dataclass

from django.db import connection

from .models import Invitation

# The tables joined to the invitation: (the name it is joined from, its foreign key there,
# its own name). The same relations as `select_related("round__survey__version", ...)`.
JOINS = (
    ("invitation", "round", "round"),
    ("round", "survey", "survey"),
    ("survey", "version", "version"),
    ("survey", "organisation", "organisation"),
    ("survey", "subject", "subject"),
    ("subject", "user", "subject_user"),
    ("invitation", "rater_group", "rater_group"),
)


@dataclass(frozen=True)
class _Table:
    name: str
    model: type
    parent: str | None  # the table it hangs from
    field: str | None  # the foreign key on the parent's model
    attnames: tuple[str, ...]
    converters: tuple  # (column index, the column, the ORM's converters for its value)


def _converters(fields, alias: str) -> tuple:
    """What the ORM does to each value of these columns after reading it (dates on SQLite,
    JSON, ...), as its compiler does: the backend's converters, then the field's."""
    found = []
    for index, field in enumerate(fields):
        column = field.get_col(alias)
        converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if converters:
            found.append((index, column, tuple(converters)))
    return tuple(found)


@functools.cache
def _plan() -> tuple[tuple[_Table, ...], str]:
    """The query and how to read its row. Once per process: the quoting and the converters
    depend only on the database backend and the models."""
    quote = connection.ops.quote_name
    aliases = {"invitation": "t0"}
    optional = set()  # tables reached through a nullable key: LEFT JOINs
    models = {"invitation": Invitation}
    parents = {"invitation": (None, None)}
    joins = []
    for parent, name, table in JOINS:
        key = models[parent]._meta.get_field(name)
        model = key.related_model
        alias = aliases[table] = f"t{len(aliases)}"
        models[table], parents[table] = model, (parent, name)
        if key.null or parent in optional:
            optional.add(table)
        joins.append(
            f"{'LEFT JOIN' if table in optional else 'JOIN'} {quote(model._meta.db_table)} {alias}"
            f" ON {alias}.{quote(model._meta.pk.column)} = {aliases[parent]}.{quote(key.column)}"
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
                converters=_converters(fields, aliases[table]),
            )
        )
    sql = (
        f"SELECT {', '.join(columns)} FROM {quote(Invitation._meta.db_table)} t0 "
        f"{' '.join(joins)} WHERE t0.{quote(Invitation._meta.get_field('token').column)} = %s"
    )
    return tuple(tables), sql


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation of a token with its round, survey, instrument version, school,
    subject (and their user) and rater group loaded; None for an unknown token."""
    tables, sql = _plan()
    with connection.cursor() as cursor:
        cursor.execute(sql, [token])
        row = cursor.fetchone()
    if row is None:
        return None
    found, start = {}, 0
    for table in tables:
        values = list(row[start : start + len(table.attnames)])
        start += len(table.attnames)
        for index, column, converters in table.converters:
            for convert in converters:
                values[index] = convert(values[index], column, connection)
        pk = values[table.attnames.index(table.model._meta.pk.attname)]
        obj = found[table.name] = (
            None if pk is None else table.model.from_db(connection.alias, table.attnames, values)
        )
        parent = found.get(table.parent)
        if parent is not None:
            setattr(parent, table.field, obj)
    return found["invitation"]
