"""The surveys demo data and bench pages: a real report at once, within the query budget."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.bench import MAX_QUERIES
from surveys.bench_pages import pages
from surveys.models import Response, Survey
from surveys.reports import report_context

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo", size="small", stdout=StringIO())


def test_demo_has_a_finished_pre_and_post_360_with_about_thirty_raters(demo):
    survey = Survey.objects.get(subject__user__email="directeur@regenboog.example")
    pre, post = survey.rounds.order_by("number")
    assert pre.is_finished() and post.is_finished()
    assert 28 <= pre.responses.filter(status=Response.Status.SUBMITTED).count() <= 34
    context = report_context(survey)
    assert context["comparison"]["paired"] is True
    assert context["comparison"]["n_both"] >= 20
    # Two "others" answered: too few, even merged, so the report hides them.
    assert context["current"].hidden
    assert {r["verdict"] for r in context["comparison"]["rows"]} & {
        "clear_growth",
        "slight_growth",
    }


def test_demo_has_a_team_pulse_and_a_dialogue_with_differences(demo):
    pulse = Survey.objects.get(title="Teampols najaar")
    assert report_context(pulse)["rows"]
    dialogue = Survey.objects.get(title="Dialoog over verantwoordelijkheden")
    rows = report_context(dialogue)["dialogue"]["rows"]
    assert rows[0]["size"] >= rows[-1]["size"] > 0


def test_bench_pages_answer_within_the_query_budget(demo):
    for page in pages():
        client = Client()
        client.force_login(page.user)
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        assert response.status_code == 200, page.name
        assert len(queries) <= MAX_QUERIES, f"{page.name}: {len(queries)} queries"


def test_demo_has_an_own_pulse_whose_rounds_answered_two_versions(demo):
    from surveys.demo import OWN_PULSE_TITLE

    survey = Survey.objects.get(title=OWN_PULSE_TITLE)
    pre, post = survey.rounds.order_by("number")
    assert (pre.version.number, post.version.number) == (1, 2)
    assert survey.version.instrument.team is not None
    comparison = report_context(survey)["comparison"]
    assert [b.code for _a, b in comparison["pairing"].changed] == ["overleg"]
    assert len(comparison["pairing"].pairs) == 4
    (row,) = comparison["rows"]
    assert row["pre"].n == 40 and row["post"].n == 40
    assert comparison["paired"] is True and comparison["n_both"] == 36
