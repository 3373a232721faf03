"""The registry of personal data: every app that stores something about a person has a
`personal_data.py` with two functions, so each app owns its own piece:

- `export(user) -> list[Part]`: what the app holds about the user, as records and files;
- `erase(user) -> None`: removes it (called inside the one transaction of an erasure).

Modules are found with core.discovery, the way `point_measures.py` hooks are; an app without
personal data simply has no such module.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from django.db import transaction
from django.db.models.fields.files import FieldFile

from core.discovery import app_modules

# Never part of an export: secrets that would let the file open someone's account or link.
NEVER_EXPORTED = {"password", "key_hash", "token", "offer_token", "pseudonym", "session_key"}


@dataclass
class Part:
    """One kind of record an app holds about a person: `kind` names its JSON file."""

    kind: str
    records: list[dict]
    files: list[tuple[str, FieldFile]] = field(default_factory=list)


@cache
def personal_data_modules() -> list:
    return app_modules("personal_data")


def _value(obj, model_field):
    if model_field.is_relation:
        if getattr(obj, model_field.attname) is None:
            return None
        return str(getattr(obj, model_field.name))
    value = getattr(obj, model_field.attname)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def record(obj, *, exclude: tuple[str, ...] = (), extra: dict | None = None) -> dict:
    """A JSON-ready dict of a model instance's own fields (related objects by their name),
    without secrets. Pass a queryset with select_related for the relations it names."""
    result = {"id": obj.pk}
    for model_field in obj._meta.concrete_fields:
        name = model_field.name
        if name in NEVER_EXPORTED or name in exclude or model_field.primary_key:
            continue
        result[name] = _value(obj, model_field)
    if extra:
        result.update(extra)
    return result


def records(queryset, *, exclude: tuple[str, ...] = ()) -> list[dict]:
    return [record(obj, exclude=exclude) for obj in queryset]


def files(queryset, file_field: str, folder: str) -> list[tuple[str, FieldFile]]:
    """(path in the ZIP, file) of every non-empty `file_field` in the queryset."""
    found = []
    for obj in queryset:
        stored = getattr(obj, file_field)
        if stored:
            found.append((f"files/{folder}/{obj.pk}-{stored.name.rsplit('/', 1)[-1]}", stored))
    return found


def delete_files_on_commit(queryset, file_field: str) -> None:
    """Remove the stored files of rows an erasure deletes, once its transaction committed
    (a rolled-back erasure keeps them)."""
    stored = [(f.storage, f.name) for f in (getattr(obj, file_field) for obj in queryset) if f]

    def remove():
        for storage, name in stored:
            storage.delete(name)

    transaction.on_commit(remove)
