"""Backup and restore of a whole Leerkring deployment: the database and the uploaded files
(MEDIA_ROOT) in one archive.

The archive is a gzipped tar with

- `manifest.json`: the format marker, its version, the database engine, when it was made, and
  the SHA-256 and size of every other member;
- `database.sqlite3` (SQLite, copied with the sqlite3 online backup API, so a live database is
  copied consistently) or `database.dump` (PostgreSQL, `pg_dump --format=custom`);
- `media/...`: every uploaded file.

With a key (`manage.py backup --encrypt`, key in LEERKRING_BACKUP_KEY) the whole archive is
sealed by core/backup_encryption.py; restoring such a file decrypts and checks it first.

Restoring checks everything before it changes anything: the manifest's marker and version, the
engine, every member's hash and size, no member outside the archive, and (SQLite) the copy's
integrity. Only then is the database replaced and MEDIA_ROOT swapped for the archive's files.

core imports no app: this module speaks to the database through `django.db.connections` only.
"""

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.utils.translation import gettext as _

from core.backup_encryption import (
    BackupKeyError,
    decrypt_file,
    encrypt_file,
    is_encrypted,
    key_from_environment,
    validate_key,
)
from core.errors import LeerkringError

FORMAT = "leerkring-backup"
VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.dump"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024


class BackupError(LeerkringError):
    """A backup could not be made or a file is not a restorable Leerkring backup."""


@dataclass
class BackupInfo:
    path: Path
    engine: str
    created_at: str
    media_files: int
    size: int


def _engine(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(
            _("Backups support SQLite and PostgreSQL, not %(vendor)s.") % {"vendor": vendor}
        )
    return vendor


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _media_files(root: Path) -> list[tuple[Path, str]]:
    """(absolute path, posix path relative to root) of every file under MEDIA_ROOT, sorted."""
    if not root.is_dir():
        return []
    found = []
    for directory, _dirs, files in os.walk(root):
        for name in files:
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                found.append((path, path.relative_to(root).as_posix()))
    return sorted(found, key=lambda item: item[1])


# --- the database -------------------------------------------------------------------------


def _pg_env(alias: str) -> tuple[list[str], dict]:
    """Connection arguments and environment for pg_dump/pg_restore from DATABASES[alias]."""
    conf = connections[alias].settings_dict
    args = []
    if conf.get("HOST"):
        args += ["--host", str(conf["HOST"])]
    if conf.get("PORT"):
        args += ["--port", str(conf["PORT"])]
    if conf.get("USER"):
        args += ["--username", str(conf["USER"])]
    env = {**os.environ}
    if conf.get("PASSWORD"):
        env["PGPASSWORD"] = str(conf["PASSWORD"])
    return args, env


def _dump_database(alias: str, engine: str, target: Path) -> None:
    connection = connections[alias]
    if engine == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            # The online backup API copies a consistent snapshot, also while others write.
            connection.connection.backup(destination)
        finally:
            destination.close()
        return
    args, env = _pg_env(alias)
    command = [
        "pg_dump",
        *args,
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        "--file",
        str(target),
        connection.settings_dict["NAME"],
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(_("pg_dump failed: %(error)s") % {"error": result.stderr.strip()})


def _check_sqlite_copy(path: Path) -> None:
    try:
        copy = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            (verdict,) = copy.execute("PRAGMA integrity_check").fetchone()
        finally:
            copy.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(
            _("The database in the backup is damaged: %(error)s") % {"error": error}
        ) from error
    if verdict != "ok":
        raise BackupError(
            _("The database in the backup is damaged: %(error)s") % {"error": verdict}
        )


def _load_database(alias: str, engine: str, source: Path) -> None:
    connection = connections[alias]
    if engine == "sqlite":
        connection.ensure_connection()
        if connection.in_atomic_block:
            raise BackupError(_("A restore cannot run inside a transaction."))
        origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            # Replaces every page of the live database with the backup's, in one step.
            origin.backup(connection.connection)
        finally:
            origin.close()
        return
    args, env = _pg_env(alias)
    command = [
        "pg_restore",
        *args,
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        "--dbname",
        connection.settings_dict["NAME"],
        str(source),
    ]
    connection.close()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(_("pg_restore failed: %(error)s") % {"error": result.stderr.strip()})


# --- making a backup ------------------------------------------------------------------------


def default_backup_path(directory: Path | None = None, *, encrypted: bool = False) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    folder = Path(directory or getattr(settings, "BACKUP_DIR", settings.BASE_DIR / "backups"))
    return folder / f"leerkring-{stamp}.tar.gz{'.enc' if encrypted else ''}"


def make_backup(path: Path, *, alias: str = "default", key: str | None = None) -> BackupInfo:
    """Write one archive with the database and MEDIA_ROOT to `path` (written to a temporary
    name first and renamed, so a half-written file never carries the final name); with a
    `key`, the archive is encrypted with it."""
    engine = _engine(alias)
    if key is not None:
        try:
            validate_key(key)
        except BackupKeyError as error:
            raise BackupError(str(error)) from error
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="leerkring-backup-") as work:
        member = SQLITE_MEMBER if engine == "sqlite" else POSTGRES_MEMBER
        dump = Path(work) / member
        _dump_database(alias, engine, dump)
        media = _media_files(media_root)
        files = {member: {"sha256": _sha256_file(dump), "size": dump.stat().st_size}}
        for absolute, relative in media:
            files[MEDIA_PREFIX + relative] = {
                "sha256": _sha256_file(absolute),
                "size": absolute.stat().st_size,
            }
        created_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "engine": engine,
            "created_at": created_at,
            "files": files,
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=member, recursive=False)
            for absolute, relative in media:
                archive.add(absolute, arcname=MEDIA_PREFIX + relative, recursive=False)
        if key is not None:
            sealed = path.with_name(path.name + ".sealing")
            try:
                encrypt_file(partial, sealed, key)
            except BackupKeyError as error:
                raise BackupError(str(error)) from error
            finally:
                partial.unlink(missing_ok=True)
            partial = sealed
        os.replace(partial, path)
    return BackupInfo(path, engine, created_at, len(media), path.stat().st_size)


# --- restoring ------------------------------------------------------------------------------


def _foreign() -> BackupError:
    return BackupError(_("This file is not a Leerkring backup."))


def _safe_member_name(name: str) -> bool:
    pure = PurePosixPath(name)
    return not pure.is_absolute() and ".." not in pure.parts and name == pure.as_posix()


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        handle = archive.extractfile(MANIFEST)
    except KeyError:
        raise _foreign() from None
    if handle is None:
        raise _foreign()
    try:
        manifest = json.loads(handle.read())
    except (ValueError, UnicodeDecodeError):
        raise _foreign() from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _foreign()
    if manifest.get("version") != VERSION:
        raise BackupError(
            _("This backup has format version %(version)s; this Leerkring reads version %(ours)s.")
            % {"version": manifest.get("version"), "ours": VERSION}
        )
    if not isinstance(manifest.get("files"), dict):
        raise _foreign()
    return manifest


def _extract_verified(path: Path, work: Path) -> dict:
    """Extract the archive into `work` and check it against its manifest; returns the manifest."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            manifest = read_manifest(archive)
            expected = manifest["files"]
            seen = set()
            for member in archive.getmembers():
                if member.name == MANIFEST:
                    continue
                if not member.isfile() or not _safe_member_name(member.name):
                    raise BackupError(
                        _("The backup holds an unexpected entry: %(name)s") % {"name": member.name}
                    )
                if member.name not in expected:
                    raise BackupError(
                        _("The backup holds a file its manifest does not list: %(name)s")
                        % {"name": member.name}
                    )
                # Only the file's bytes are written, never the archive's modes or owners
                # (what tarfile's "data" filter would do, also where it is missing).
                target = work / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.extractfile(member) as source, target.open("wb") as copy:
                    shutil.copyfileobj(source, copy)
                seen.add(member.name)
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        if isinstance(error, BackupError):
            raise
        raise BackupError(
            _("The backup file is damaged or incomplete: %(error)s") % {"error": error}
        ) from error
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(
            _("The backup is incomplete; missing: %(names)s") % {"names": ", ".join(missing[:5])}
        )
    for name, facts in expected.items():
        extracted = work / name
        if extracted.stat().st_size != facts.get("size") or _sha256_file(extracted) != facts.get(
            "sha256"
        ):
            raise BackupError(
                _("The backup is damaged: %(name)s does not match its checksum.") % {"name": name}
            )
    return manifest


def inspect_backup(path: Path, *, alias: str = "default", key: str | None = None) -> dict:
    """Check a backup completely without changing anything; returns its manifest. An
    encrypted backup is opened with `key`, or else with the key from the environment."""
    with tempfile.TemporaryDirectory(prefix="leerkring-restore-") as work:
        return _verify(Path(path), Path(work), alias, key)


def _extract_maybe_encrypted(path: Path, work: Path, key: str | None) -> dict:
    if not is_encrypted(path):
        return _extract_verified(path, work)
    with tempfile.TemporaryDirectory(prefix="leerkring-decrypt-") as sealed:
        plain = Path(sealed) / "archive.tar.gz"
        try:
            decrypt_file(path, plain, key if key is not None else key_from_environment())
        except BackupKeyError as error:
            raise BackupError(str(error)) from error
        return _extract_verified(plain, work)


def _verify(path: Path, work: Path, alias: str, key: str | None = None) -> dict:
    if not path.is_file():
        raise BackupError(_("There is no backup file at %(path)s.") % {"path": path})
    manifest = _extract_maybe_encrypted(path, work, key)
    engine = _engine(alias)
    if manifest.get("engine") != engine:
        raise BackupError(
            _("This backup is of a %(theirs)s database; this deployment uses %(ours)s.")
            % {"theirs": manifest.get("engine"), "ours": engine}
        )
    member = SQLITE_MEMBER if engine == "sqlite" else POSTGRES_MEMBER
    if member not in manifest["files"]:
        raise BackupError(_("The backup holds no database."))
    if engine == "sqlite":
        _check_sqlite_copy(work / member)
    return manifest


def restore_backup(path: Path, *, alias: str = "default", key: str | None = None) -> dict:
    """Replace the database and MEDIA_ROOT with the backup's. Nothing changes unless the
    whole archive checks out first (decrypted with `key` or the environment's when it is
    encrypted). Returns the manifest."""
    with tempfile.TemporaryDirectory(prefix="leerkring-restore-") as work:
        work = Path(work)
        manifest = _verify(Path(path), work, alias, key)
        engine = manifest["engine"]
        member = SQLITE_MEMBER if engine == "sqlite" else POSTGRES_MEMBER
        media_root = Path(settings.MEDIA_ROOT)
        # Stage the new media next to MEDIA_ROOT (same file system), so the swap is a rename.
        media_root.parent.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(prefix=".media-restore-", dir=media_root.parent))
        try:
            extracted_media = work / MEDIA_PREFIX.rstrip("/")
            if extracted_media.is_dir():
                shutil.copytree(extracted_media, staged, dirs_exist_ok=True)
            _load_database(alias, engine, work / member)
            # Content type ids come from the restored database now.
            ContentType.objects.clear_cache()
            previous = None
            if media_root.exists():
                previous = media_root.with_name(media_root.name + ".before-restore")
                if previous.exists():
                    shutil.rmtree(previous)
                os.replace(media_root, previous)
            os.replace(staged, media_root)
            if previous is not None:
                shutil.rmtree(previous, ignore_errors=True)
        finally:
            if staged.exists():
                shutil.rmtree(staged, ignore_errors=True)
    return manifest
