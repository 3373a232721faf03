"""Encryption of backup archives with a key kept outside the backup (LEERKRING_BACKUP_KEY).

The encrypted file is the archive cut into chunks of 1 MiB, each sealed as a Fernet token
(AES-128-CBC with an HMAC-SHA256, from `cryptography`), so a large archive never has to fit in
memory. Each chunk's plaintext starts with its sequence number and a flag that marks the last
chunk: chunks that were reordered, dropped or cut off are refused like a wrong key.

Layout: MAGIC, then per chunk a 4-byte big-endian length and the token.
"""

import os
import struct
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.utils.translation import gettext as _

from core.errors import LeerkringError

MAGIC = b"LEERKRING-BACKUP-FERNET-1\n"
KEY_VARIABLE = "LEERKRING_BACKUP_KEY"
CHUNK = 1024 * 1024
_HEADER = struct.Struct(">QB")  # sequence number, last-chunk flag
_LENGTH = struct.Struct(">I")


class BackupKeyError(LeerkringError):
    """No usable key, or the key does not open this file."""


def generate_key() -> str:
    return Fernet.generate_key().decode()


def key_from_environment() -> str:
    key = os.environ.get(KEY_VARIABLE, "").strip()
    if not key:
        raise BackupKeyError(
            _("Set the environment variable %(name)s to the backup key.") % {"name": KEY_VARIABLE}
        )
    return key


def _fernet(key: str) -> Fernet:
    try:
        return Fernet(key.encode() if isinstance(key, str) else key)
    except (ValueError, TypeError):
        raise BackupKeyError(
            _("The backup key is not valid: it must be 32 bytes in URL-safe base64.")
        ) from None


def validate_key(key: str) -> None:
    _fernet(key)


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def encrypt_file(source: Path, target: Path, key: str) -> None:
    fernet = _fernet(key)
    size = Path(source).stat().st_size
    chunks = max(1, -(-size // CHUNK))
    with open(source, "rb") as plain, open(target, "wb") as sealed:
        sealed.write(MAGIC)
        for number in range(chunks):
            data = plain.read(CHUNK)
            token = fernet.encrypt(_HEADER.pack(number, number == chunks - 1) + data)
            sealed.write(_LENGTH.pack(len(token)))
            sealed.write(token)


def _refused() -> BackupKeyError:
    return BackupKeyError(
        _("This backup cannot be decrypted: the key is wrong or the file is damaged.")
    )


def decrypt_file(source: Path, target: Path, key: str) -> None:
    """Write the archive inside `source` to `target`; raises BackupKeyError (and leaves a
    partial `target` for the caller's temporary folder) when anything does not check out."""
    fernet = _fernet(key)
    with open(source, "rb") as sealed, open(target, "wb") as plain:
        if sealed.read(len(MAGIC)) != MAGIC:
            raise _refused()
        expected = 0
        while True:
            length = sealed.read(_LENGTH.size)
            if len(length) != _LENGTH.size:
                raise _refused()  # cut off before the last chunk
            (size,) = _LENGTH.unpack(length)
            token = sealed.read(size)
            if len(token) != size:
                raise _refused()
            try:
                data = fernet.decrypt(token)
            except InvalidToken:
                raise _refused() from None
            number, last = _HEADER.unpack_from(data)
            if number != expected:
                raise _refused()
            plain.write(data[_HEADER.size :])
            expected += 1
            if last:
                break
        if sealed.read(1):
            raise _refused()  # something appended after the last chunk
