"""The report PDFs: every column of every table fits on the A4 page, and they render quickly."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from core.tests.pdf import assert_shown_within_the_pages, pdf_page_png
from surveys import services

from .helpers import add_responses, close, scored


def _pdf(client, survey):
    url = reverse("surveys:report_pdf", kwargs={"slug": survey.organisation.slug, "pk": survey.pk})
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    return response.content


@pytest.fixture
def pre_post_360(survey_360, leader):
    """A 360° with a pre and a post round, answered by the same raters: the widest tables."""
    pre = survey_360.rounds.get()
    add_responses(survey_360, pre, "self", 1, value=3, comment="Zelf")
    add_responses(survey_360, pre, "teachers", 8, value=scored(lambda i: 2 + i % 2))
    add_responses(survey_360, pre, "support", 3, value=scored(3))
    close(pre)
    today = datetime.date.today()
    post = services.round_start_post(
        survey=survey_360, opens_on=today, closes_on=today, actor=leader.user
    )
    add_responses(survey_360, post, "self", 1, value=4)
    add_responses(survey_360, post, "teachers", 8, value=scored(lambda i: 4 + i % 2))
    add_responses(survey_360, post, "support", 3, value=scored(4))
    close(post)
    return survey_360


@pytest.fixture
def dialogue(instruments, school, leader, today):
    survey = services.survey_create(
        organisation=school,
        version=instruments["verantwoordelijkheden-dialoog"],
        title="Dialoog",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
    )
    round_ = survey.rounds.get()
    add_responses(survey, round_, "leadership", 3, value=1)
    add_responses(survey, round_, "staff", 4, value=3)
    close(round_)
    return survey


PRE_POST_HEADERS = [
    "Dimensie",
    "Voor",
    "Na",
    "Verandering",
    "Effectgrootte",
    "Gepaarde verandering",
    "95%-interval (gepaard)",
    "In woorden",
    "Zelf min anderen",
    "Hoe belangrijk nu",
    "Prioriteit?",
    "Spreiding (sd)",
    "Verdeling",
    "Per groep",
]


def test_the_360_pdf_shows_every_column_on_the_page(pre_post_360, leader, login, tmp_path):
    with translation.override("nl"):
        pdf = _pdf(login(leader), pre_post_360)
    assert_shown_within_the_pages(pdf, PRE_POST_HEADERS)
    # A landscape page (the pre- and post-measurement) renders as an image to look at.
    pdf_page_png(pdf, tmp_path / "page.png", page=1)
    assert (tmp_path / "page.png").stat().st_size > 0


def test_the_dialogue_pdf_shows_every_column_on_the_page(dialogue, leader, login):
    pdf = _pdf(login(leader), dialogue)
    assert_shown_within_the_pages(
        pdf,
        [
            "Uitspraak",
            "Wie: leiding",
            "Wie: personeel",
            "Hoe goed: leiding",
            "Hoe goed: personeel",
            "Grootste verschil",
        ],
    )
