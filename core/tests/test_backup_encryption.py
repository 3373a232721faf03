"""Encrypted backups: restore with the right key, refused with a wrong key or a damaged file."""

import io
import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from core.backup_encryption import CHUNK, MAGIC, generate_key, is_encrypted
from core.backups import BackupError, inspect_backup, make_backup, restore_backup
from core.tests.test_backups import media_fingerprints, table_fingerprints


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "media"
    (root / "uploads").mkdir(parents=True)
    (root / "uploads" / "verslag.pdf").write_bytes(b"%PDF-1.7 " + bytes(range(256)) * 40)
    settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def key(monkeypatch):
    value = generate_key()
    monkeypatch.setenv("LEERKRING_BACKUP_KEY", value)
    return value


@pytest.mark.django_db(transaction=True)
def test_encrypted_backup_restores_with_the_key(media, tmp_path, school, key):
    before_tables = table_fingerprints()
    before_media = media_fingerprints(media)
    archive = tmp_path / "b.tar.gz.enc"
    call_command("backup", output=archive, encrypt=True, stdout=io.StringIO())
    assert is_encrypted(archive)
    # Neither the school's name nor the upload can be read from the file.
    content = archive.read_bytes()
    assert school.name.encode() not in content
    assert b"%PDF-1.7" not in content

    school.name = "Na de backup"
    school.save()
    (media / "uploads" / "verslag.pdf").unlink()
    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())
    assert table_fingerprints() == before_tables
    assert media_fingerprints(media) == before_media


@pytest.mark.django_db(transaction=True)
def test_backup_without_a_key_in_the_environment_is_refused(media, tmp_path, monkeypatch):
    monkeypatch.delenv("LEERKRING_BACKUP_KEY", raising=False)
    with pytest.raises(CommandError, match="LEERKRING_BACKUP_KEY"):
        call_command("backup", output=tmp_path / "b.enc", encrypt=True, stdout=io.StringIO())
    assert not (tmp_path / "b.enc").exists()


@pytest.mark.django_db(transaction=True)
def test_an_invalid_key_is_refused_before_anything_is_written(media, tmp_path, monkeypatch):
    monkeypatch.setenv("LEERKRING_BACKUP_KEY", "te-kort")
    with pytest.raises(CommandError, match="not valid"):
        call_command("backup", output=tmp_path / "b.enc", encrypt=True, stdout=io.StringIO())
    assert list(tmp_path.glob("b.enc*")) == []


def _damage(data: bytes, how: str) -> bytes:
    if how == "flip":
        middle = len(data) // 2
        return data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :]
    if how == "truncate":
        return data[: len(data) - 10]
    if how == "append":
        return data + b"extra"
    if how == "header_only":
        return MAGIC
    raise AssertionError(how)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "how", ["wrong_key", "no_key", "flip", "truncate", "append", "header_only"]
)
def test_wrong_key_or_damaged_file_changes_nothing(media, tmp_path, school, key, how, monkeypatch):
    good = make_backup(tmp_path / "good.enc", key=key).path
    bad = tmp_path / "bad.enc"
    if how in ("wrong_key", "no_key"):
        bad.write_bytes(good.read_bytes())
        if how == "wrong_key":
            monkeypatch.setenv("LEERKRING_BACKUP_KEY", generate_key())
        else:
            monkeypatch.delenv("LEERKRING_BACKUP_KEY")
    else:
        bad.write_bytes(_damage(good.read_bytes(), how))
    message = "LEERKRING_BACKUP_KEY" if how == "no_key" else "key is wrong or the file is damaged"

    school.name = "Na de backup"
    school.save()
    before_media = media_fingerprints(media)
    with pytest.raises(BackupError, match=message):
        restore_backup(bad)
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(bad), interactive=False, stdout=io.StringIO())
    school.refresh_from_db()
    assert school.name == "Na de backup"
    assert media_fingerprints(media) == before_media


@pytest.mark.django_db(transaction=True)
def test_chunks_in_another_order_are_refused(media, tmp_path, key, settings):
    # An upload bigger than one chunk makes an archive of several chunks.
    (media / "groot.bin").write_bytes(os.urandom(CHUNK + 1000))
    good = make_backup(tmp_path / "good.enc", key=key).path
    data = good.read_bytes()[len(MAGIC) :]
    first_length = int.from_bytes(data[:4], "big")
    first, rest = data[: 4 + first_length], data[4 + first_length :]
    assert rest, "expected at least two chunks"
    swapped = tmp_path / "swapped.enc"
    swapped.write_bytes(MAGIC + rest + first)
    with pytest.raises(BackupError, match="key is wrong or the file is damaged"):
        inspect_backup(swapped)
    inspect_backup(good)  # the original still opens
