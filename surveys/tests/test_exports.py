"""The survey XLSX as a spreadsheet program reads it: respondents' text is never a formula."""

from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from .helpers import add_responses, close

EVIL = '=HYPERLINK("http://evil.example","klik")'


def test_a_comment_that_looks_like_a_formula_comes_out_as_text(survey_360, leader, login):
    round_ = survey_360.rounds.get()
    add_responses(survey_360, round_, "teachers", 4, value=4, comment=EVIL)
    close(round_)
    url = reverse(
        "surveys:report_xlsx", kwargs={"slug": survey_360.organisation.slug, "pk": survey_360.pk}
    )
    response = login(leader).get(url)
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    comments = [row[2] for row in book.worksheets[2].iter_rows(min_row=2)]
    assert len(comments) >= 4
    for cell in comments:
        assert cell.data_type == "s"
        assert cell.value.startswith("'" + EVIL)
    # The scores stay numbers a leader can calculate with.
    answers = list(book.worksheets[0].iter_rows(min_row=2))
    assert answers and all(cell.data_type == "n" for row in answers for cell in row[2:])
    assert not any(
        cell.data_type == "f"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
    )
