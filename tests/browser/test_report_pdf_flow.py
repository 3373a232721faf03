"""A school leader takes the 360° report of a pre- and post-measurement to a meeting on paper:
the PDF she downloads from the report page keeps every column of its tables on the A4 page."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from core.tests.pdf import assert_shown_within_the_pages, pdf_page_png
from surveys import services
from surveys.loader import load_all
from surveys.models import InstrumentVersion
from surveys.tests.helpers import add_responses, close, scored

# The columns that ran off the page before: the verdict in words, the paired interval.
COLUMNS = [
    "Dimensie",
    "Voor",
    "Na",
    "Verandering",
    "Gepaarde verandering",
    "95%-interval (gepaard)",
    "In woorden",
    "Zelf min anderen",
    "Prioriteit?",
    "Per groep",
]


def _measured_twice(leader):
    load_all()
    today = timezone.localdate()
    survey = services.survey_create(
        organisation=leader.organisation,
        version=InstrumentVersion.objects.get(instrument__code="gedeeld-leiderschap-360"),
        title="360° gedeeld leiderschap",
        subject=leader,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
    )
    for number, base in ((1, 2), (2, 4)):
        if number == 1:
            round_ = survey.rounds.get()
        else:
            round_ = services.round_start_post(
                survey=survey, opens_on=today, closes_on=today, actor=leader.user
            )
        add_responses(survey, round_, "self", 1, value=base + 1)
        add_responses(survey, round_, "teachers", 8, value=scored(lambda i, b=base: b + i % 2))
        add_responses(survey, round_, "support", 3, value=scored(base + 1))
        close(round_)
    return survey


def test_a_leader_downloads_a_report_pdf_that_fits_the_page(
    page, login_as, leader, check_accessibility, dutch, tmp_path
):
    survey = _measured_twice(leader)
    slug = leader.organisation.slug

    login_as(page, leader, next_url=f"/o/{slug}/surveys/{survey.pk}/")
    page.get_by_role("link", name=dutch("View the report")).click()
    expect(page.locator("section[aria-labelledby=prepost]")).to_be_visible()
    check_accessibility(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=dutch("Download as PDF")).click()
    assert download.value.suggested_filename.endswith(".pdf")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)

    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert_shown_within_the_pages(pdf, [survey.title, *COLUMNS])
    # The landscape page with the comparison, as the leader sees it on paper.
    pdf_page_png(pdf, tmp_path / "comparison.png", page=1)
    assert (tmp_path / "comparison.png").stat().st_size > 10_000
