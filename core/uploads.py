"""Checks for uploaded files: size, and type judged by the content, not only by the name.

A file whose name says PDF but whose bytes are a program (or anything else) is refused, so
whoever downloads it later gets what the name promises. Each app passes its own size limit.
"""

import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# extension -> the kind its content must sniff as
ACCEPTED = {
    "pdf": "pdf",
    "png": "png",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "gif": "gif",
    "docx": "docx",
    "xlsx": "xlsx",
    "pptx": "pptx",
    "odt": "odt",
    "ods": "ods",
    "odp": "odp",
    "txt": "text",
    "md": "text",
    "csv": "text",
}

_OPEN_DOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}


def _sniff_zip(upload) -> str | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
            if "ppt/presentation.xml" in names:
                return "pptx"
            if "mimetype" in names:
                return _OPEN_DOCUMENT.get(archive.read("mimetype").strip())
    except zipfile.BadZipFile:
        return None
    finally:
        upload.seek(0)
    return None


def sniff(upload) -> str | None:
    """The kind of file the content shows, or None when it is none we accept."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(upload)
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut off at the end of the sample is still text.
        if error.start < len(head) - 3:
            return None
    return "text"


def validate_upload(upload, *, max_bytes: int) -> None:
    """Raise ValidationError with a clear message for an empty, too large or disguised file,
    or one of a type we do not accept."""
    if upload.size == 0:
        raise ValidationError(
            _("The file “%(name)s” is empty. Choose the file again.") % {"name": upload.name},
            code="empty",
        )
    if upload.size > max_bytes:
        raise ValidationError(
            _(
                "The file “%(name)s” is %(size)s; files may be at most %(limit)s. Make it "
                "smaller, or share a link to it instead."
            )
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes),
            },
            code="too_large",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    expected = ACCEPTED.get(extension)
    if expected is None:
        raise ValidationError(
            _("Files of type “.%(ext)s” are not accepted. Accepted: %(allowed)s.")
            % {"ext": extension or "?", "allowed": ", ".join(sorted(ACCEPTED))},
            code="type",
        )
    if sniff(upload) != expected:
        raise ValidationError(
            _(
                "The file “%(name)s” is not what its name says: its content is not a "
                ".%(ext)s file. Save it again in the right format."
            )
            % {"name": upload.name, "ext": extension},
            code="content",
        )
