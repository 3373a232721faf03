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


def text_outside_the_pages(pdf: bytes) -> list[str]:
    """The text of every character box that lies (partly) outside its page: a table's column
    that runs off the paper shows up here."""
    outside = []
    document = pypdfium2.PdfDocument(pdf)
    try:
        for page in document:
            width, height = page.get_size()
            textpage = page.get_textpage()
            for index in range(textpage.count_chars()):
                if textpage.get_text_range(index, 1).isspace():
                    continue
                left, bottom, right, top = textpage.get_charbox(index)
                if right > width + 0.5 or left < -0.5 or bottom < -0.5 or top > height + 0.5:
                    outside.append(textpage.get_text_range(index, 1))
    finally:
        document.close()
    return outside


def assert_shown_within_the_pages(pdf: bytes, texts: list[str]) -> None:
    """Every text is in the PDF (headers may wrap in narrow columns, so spacing is ignored) and
    nothing lies outside a page."""
    shown = "".join(" ".join(pdf_pages_text(pdf)).split())
    for text in texts:
        assert "".join(text.split()) in shown, text
    assert text_outside_the_pages(pdf) == []
