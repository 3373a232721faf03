"""The shared upload check: real files of every accepted kind pass; empty, too large, unknown
and disguised files are refused with a message that names the file."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook
from PIL import Image

from core.uploads import ACCEPTED, sniff, validate_upload

LIMIT = 1024 * 1024
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48


def _image(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, format=kind)
    return buffer.getvalue()


def _pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>Observatieformulier</p>").write_pdf()


def _xlsx() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "Leerling"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _office_open_xml(main_part: str, content_type: str) -> bytes:
    """A Word or PowerPoint package with the parts those programs write first."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/content-types"><Override PartName="/{main_part}" ContentType="{content_type}"/>'
            "</Types>",
        )
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        archive.writestr(main_part, '<?xml version="1.0"?><document/>')
    return buffer.getvalue()


def _open_document(mimetype: str) -> bytes:
    """An OpenDocument package: the mimetype stored first and uncompressed, as the spec asks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", '<?xml version="1.0"?><office:document-content/>')
        archive.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest/>')
    return buffer.getvalue()


def _real_files() -> dict[str, bytes]:
    return {
        "verslag.pdf": _pdf(),
        "foto.png": _image("PNG"),
        "foto.jpg": _image("JPEG"),
        "foto.jpeg": _image("JPEG"),
        "schets.gif": _image("GIF"),
        "lesplan.docx": _office_open_xml(
            "word/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        ),
        "cijfers.xlsx": _xlsx(),
        "dia.pptx": _office_open_xml(
            "ppt/presentation.xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        ),
        "lesplan.odt": _open_document("application/vnd.oasis.opendocument.text"),
        "cijfers.ods": _open_document("application/vnd.oasis.opendocument.spreadsheet"),
        "dia.odp": _open_document("application/vnd.oasis.opendocument.presentation"),
        "notities.txt": "Één kleuter telt tot tien.\n".encode(),
        "notities.md": b"# Leerlijn\n\n- tellen met blokjes\n",
        "klas.csv": "naam;groep\nAnaïs;K3\n".encode(),
    }


def _refusal(name: str, content: bytes, *, max_bytes: int = LIMIT) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile(name, content), max_bytes=max_bytes)
    return refused.value


def test_a_real_file_of_every_accepted_kind_passes():
    files = _real_files()
    assert {name.rsplit(".", 1)[1] for name in files} == set(ACCEPTED)
    for name, content in files.items():
        upload = SimpleUploadedFile(name, content)
        validate_upload(upload, max_bytes=LIMIT)
        assert sniff(upload) == ACCEPTED[name.rsplit(".", 1)[1]], name
        assert upload.read() == content, "the check leaves the file ready to be stored"


def test_the_extension_is_matched_whatever_its_case():
    validate_upload(SimpleUploadedFile("SCAN.PDF", _pdf()), max_bytes=LIMIT)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("handleiding.pdf", PROGRAM),
        ("notities.txt", PROGRAM),
        ("foto.pdf", _image("PNG")),
        ("foto.png", _image("JPEG")),
        ("cijfers.xlsx", _office_open_xml("word/document.xml", "application/xml")),
        ("lesplan.docx", _open_document("application/vnd.oasis.opendocument.text")),
        ("lesplan.odt", _open_document("application/vnd.oasis.opendocument.spreadsheet")),
        ("lesplan.docx", b"PK\x03\x04 not really an archive"),
    ],
)
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(name, content):
    error = _refusal(name, content)
    assert error.code == "content"
    with translation.override("nl"):
        assert error.messages == [
            f"Het bestand ‘{name}’ is niet wat de naam zegt: de inhoud is geen "
            f".{name.rsplit('.', 1)[1]}-bestand. Bewaar het opnieuw in het juiste formaat."
        ]


@pytest.mark.parametrize("name", ["setup.exe", "script.js", "lesplan.doc", "zonder-extensie"])
def test_a_type_we_do_not_accept_is_refused_and_the_accepted_ones_are_named(name):
    error = _refusal(name, PROGRAM)
    assert error.code == "type"
    with translation.override("nl"):
        message = error.messages[0]
    assert "niet toegelaten" in message
    assert "csv, docx, gif, jpeg, jpg, md, odp, ods, odt, pdf, png, pptx, txt, xlsx" in message


def test_a_file_over_the_limit_is_refused_with_both_sizes_named():
    pdf = _pdf()
    validate_upload(SimpleUploadedFile("verslag.pdf", pdf), max_bytes=len(pdf))
    error = _refusal("verslag.pdf", pdf + b"0" * (2 * LIMIT), max_bytes=LIMIT)
    assert error.code == "too_large"
    with translation.override("nl"):
        message = error.messages[0]
    assert "‘verslag.pdf’" in message
    assert "hoogstens 1,0\xa0MB" in message
    assert "is 2,0\xa0MB groot" in message


def test_an_empty_file_is_refused_even_when_its_type_needs_no_content():
    for name in ("leeg.txt", "leeg.pdf"):
        error = _refusal(name, b"")
        assert error.code == "empty"
        with translation.override("nl"):
            assert error.messages == [f"Het bestand ‘{name}’ is leeg. Kies het bestand opnieuw."]
