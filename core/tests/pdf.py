"""Reading back the PDFs Leerkring renders, for tests: the text of each page, and a page as
an image to look at."""

import pypdfium2


def pdf_pages_text(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def pdf_page_png(pdf: bytes, path, *, page: int = 0, scale: float = 1.5) -> None:
    document = pypdfium2.PdfDocument(pdf)
    try:
        document[page].render(scale=scale).to_pil().save(path)
    finally:
        document.close()
