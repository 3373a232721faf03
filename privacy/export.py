"""A person's own data as one ZIP: a JSON file per kind of record, from every app's
`personal_data.export(user)`, and the files they uploaded. Written to a temporary file that
the response streams, so memory stays flat however many files there are."""

import json
import tempfile
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from accounts.models import AuditEvent
from accounts.services import audit_log

from .registry import personal_data_modules


def personal_data_parts(user) -> list:
    return [part for module in personal_data_modules() for part in module.export(user)]


def personal_data_zip(*, user):
    """An open temporary file holding the ZIP of `user`'s data; audited as an export."""
    parts = personal_data_parts(user)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (the response streams and closes it)
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        contents = {}
        for part in parts:
            archive.writestr(
                f"{part.kind}.json",
                json.dumps(part.records, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            )
            contents[part.kind] = len(part.records)
            for name, stored in part.files:
                try:
                    with stored.open("rb") as source, archive.open(name, "w") as target:
                        while block := source.read(1024 * 1024):
                            target.write(block)
                except FileNotFoundError:
                    contents.setdefault("missing_files", 0)
                    contents["missing_files"] += 1
        summary = {
            "person": user.email,
            "created_at": timezone.now().isoformat(timespec="seconds"),
            "contents": contents,
        }
        archive.writestr("index.json", json.dumps(summary, ensure_ascii=False, indent=2))
    handle.seek(0)
    audit_log(
        actor=user,
        action=AuditEvent.Action.EXPORT,
        obj=user,
        summary="personal data export",
    )
    return handle
