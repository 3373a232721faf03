"""The reads behind a report's numbers and comments count the submitted responses of the
rounds asked for, and nothing else."""

from types import SimpleNamespace

import pytest

from surveys import selectors, services
from surveys.models import Answer, Response

from .helpers import add_responses, close


@pytest.fixture
def rounds(survey_360, leader, today):
    """Two rounds with scored answers, "I don't know" answers, a response still being
    written and a third, open round whose answers must not count."""
    pre = survey_360.rounds.get()
    add_responses(survey_360, pre, "self", 1, value=4, comment="Zelf")
    add_responses(
        survey_360, pre, "teachers", 5, value=lambda i, item: 1 + (i + item.pk) % 5, comment="Ok"
    )
    add_responses(survey_360, pre, "support", 3, value=2, comment="Steun")
    close(pre)
    post = services.round_start_post(
        survey=survey_360, opens_on=today, closes_on=today, actor=leader.user
    )
    add_responses(survey_360, post, "teachers", 4, value=lambda i, item: 5 - i % 3, comment="Beter")
    add_responses(survey_360, post, "leadership", 3, value=3)
    unknown = Answer.objects.filter(response__round__in=[pre, post]).order_by("pk")[::7]
    Answer.objects.filter(pk__in=[a.pk for a in unknown]).update(value=None, score=None)
    started = add_responses(survey_360, post, "support", 2, value=1, prefix="late", comment="X")
    assert started
    Response.objects.filter(round=post, rater_group__kind="support").update(
        status=Response.Status.STARTED
    )
    return [pre, post]


def test_only_submitted_answers_of_the_rounds_asked_for_count(rounds):
    pre, post = rounds
    unknown = [row for row in selectors.report_histograms([pre]) if row[3] is None]
    assert unknown and all(row[4] for row in unknown)  # counted per rater key
    assert all(row[4] == "" for row in selectors.report_histograms([pre]) if row[3] is not None)
    kinds = {row[2] for row in selectors.report_responses([post])}
    assert kinds == {"teachers", "leadership"}  # the support staff are still writing
    assert {row[0] for row in selectors.report_responses(rounds)} == {pre.pk, post.pk}


def test_comments_are_those_of_the_submitted_responses_of_the_groups_asked_for(rounds, survey_360):
    groups = {g.kind: g.pk for g in survey_360.rater_groups.all()}
    pre, post = rounds
    texts = {row[3] for row in selectors.report_comments(pre, [groups["self"], groups["teachers"]])}
    assert texts == {"Zelf 0", *(f"Ok {i}" for i in range(5))}
    by_group = {row[4] for row in selectors.report_comments(post, list(groups.values()))}
    assert by_group == {groups["teachers"]}  # the support staff are still writing
    assert selectors.report_comments(pre, [groups["support"]])
    assert not selectors.report_comments(post, [groups["support"]])


def test_no_rounds_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert selectors.report_histograms([]) == []
        assert selectors.report_comments(SimpleNamespace(pk=1), []) == []
