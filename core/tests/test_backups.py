"""Backup and restore: a populated database and its uploads come back exactly."""

import hashlib
import io
import json
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation

from core.backups import BackupError, inspect_backup, make_backup, restore_backup
from core.management.commands.demo import build_demo


@pytest.fixture(autouse=True)
def _english():
    # Operators read the commands' messages in English; the catalogue has them in Dutch too.
    with translation.override("en"):
        yield


def table_fingerprints():
    """{table: (row count, SHA-256 over every row in a fixed order)} of every table."""
    result = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 (names from introspection)
            rows = sorted(repr(row) for row in cursor.fetchall())
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
            result[table] = (len(rows), digest)
    return result


def media_fingerprints(root):
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "media"
    (root / "uploads" / "2026").mkdir(parents=True)
    (root / "uploads" / "2026" / "verslag.pdf").write_bytes(b"%PDF-1.7 " + bytes(range(256)) * 40)
    (root / "uploads" / "foto's teamdag.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00\x01" * 5000)
    (root / "leeg.txt").write_bytes(b"")
    settings.MEDIA_ROOT = root
    return root


@pytest.mark.django_db(transaction=True)
def test_backup_wipe_restore_is_identical(media, tmp_path):
    build_demo("small")
    before_tables = table_fingerprints()
    before_media = media_fingerprints(media)
    assert sum(count for count, _ in before_tables.values()) > 1000
    assert before_tables["organisations_organisation"][0] > 0

    archive = tmp_path / "backups" / "leerkring-test.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    assert archive.is_file()

    # Wipe: every row and every upload gone.
    call_command("flush", interactive=False, verbosity=0)
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()
    (media / "stray-after-backup.txt").write_text("not in the backup")
    assert table_fingerprints() != before_tables

    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())

    assert table_fingerprints() == before_tables
    assert media_fingerprints(media) == before_media


@pytest.mark.django_db(transaction=True)
def test_check_only_changes_nothing(media, tmp_path, school):
    archive = make_backup(tmp_path / "b.tar.gz").path
    school.name = "Na de backup"
    school.save()
    out = io.StringIO()
    call_command("restore", str(archive), check=True, stdout=out)
    assert "every checksum matches" in out.getvalue()
    school.refresh_from_db()
    assert school.name == "Na de backup"


def _rewrite(source, target, change):
    """Copy an archive member by member, letting `change(name, data)` alter each one."""
    with tarfile.open(source, "r:gz") as original, tarfile.open(target, "w:gz") as copy:
        for member in original.getmembers():
            data = original.extractfile(member).read()
            data = change(member.name, data)
            if data is None:
                continue
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            copy.addfile(info, io.BytesIO(data))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "damage, message",
    [
        ("truncate", "damaged or incomplete"),
        ("flip_media", "does not match its checksum"),
        ("flip_database", "does not match its checksum"),
        ("drop_media", "incomplete; missing"),
        ("extra", "does not list"),
        ("foreign", "not a Leerkring backup"),
        ("engine", "the other engine"),
        ("plain_file", "damaged or incomplete"),
    ],
)
def test_damaged_or_foreign_backup_changes_nothing(media, tmp_path, school, damage, message):
    good = make_backup(tmp_path / "good.tar.gz").path
    bad = tmp_path / "bad.tar.gz"
    # A backup of the engine this installation does not run is refused, naming that engine.
    other_engine = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    if damage == "engine":
        message = other_engine
    if damage == "truncate":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif damage == "plain_file":
        bad.write_text("just some text")
    else:

        def change(name, data):
            if damage == "flip_media" and name == "media/leeg.txt":
                return b"x"
            if damage == "flip_database" and name in ("database.sqlite3", "database.dump"):
                return data[:-1] + bytes([data[-1] ^ 1])
            if damage == "drop_media" and name.endswith("verslag.pdf"):
                return None
            if name == "manifest.json":
                manifest = json.loads(data)
                if damage == "foreign":
                    manifest["format"] = "something-else"
                if damage == "engine":
                    manifest["engine"] = other_engine
                return json.dumps(manifest).encode()
            return data

        _rewrite(good, bad, change)
        if damage == "extra":
            with tarfile.open(bad, "r:gz") as archive:
                members = [(m, archive.extractfile(m).read()) for m in archive.getmembers()]
            with tarfile.open(bad, "w:gz") as archive:
                for member, data in members:
                    archive.addfile(member, io.BytesIO(data))
                info = tarfile.TarInfo("media/smuggled.txt")
                info.size = 3
                archive.addfile(info, io.BytesIO(b"hey"))

    school.name = "Na de backup"
    school.save()
    (media / "nieuw.txt").write_text("na de backup")
    before_media = media_fingerprints(media)

    with pytest.raises(BackupError, match=message):
        restore_backup(bad)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(bad), interactive=False, stdout=io.StringIO())

    school.refresh_from_db()
    assert school.name == "Na de backup"
    assert media_fingerprints(media) == before_media


@pytest.mark.django_db(transaction=True)
def test_member_escaping_the_archive_is_refused(media, tmp_path):
    good = make_backup(tmp_path / "good.tar.gz").path
    bad = tmp_path / "bad.tar.gz"

    def change(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["files"]["../escape.txt"] = {"sha256": "0", "size": 1}
            return json.dumps(manifest).encode()
        return data

    _rewrite(good, bad, change)
    with tarfile.open(bad, "r:gz") as archive:
        members = [(m, archive.extractfile(m).read()) for m in archive.getmembers()]
    with tarfile.open(bad, "w:gz") as archive:
        for member, data in members:
            archive.addfile(member, io.BytesIO(data))
        info = tarfile.TarInfo("../escape.txt")
        info.size = 1
        archive.addfile(info, io.BytesIO(b"x"))
    with pytest.raises(BackupError, match="unexpected entry"):
        inspect_backup(bad)
    assert not (tmp_path / "escape.txt").exists()
