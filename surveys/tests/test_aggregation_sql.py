"""The plain SQL behind a report's numbers gives the rows of the ORM queries it replaced."""

from types import SimpleNamespace

import pytest
from django.db.models import Avg, Case, CharField, Count, F, Value, When

from surveys import aggregation_sql, services
from surveys.models import Answer, Comment, Item, Response

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


def _orm_responses(rounds):
    return Response.objects.filter(status=Response.Status.SUBMITTED, round__in=rounds).values_list(
        "round_id",
        "rater_group_id",
        "rater_group__kind",
        "rater_group__threshold",
        "rater_group__position",
        "pseudonym",
    )


def _orm_histograms(rounds):
    unknown_by = Case(
        When(score__isnull=True, then=F("response__pseudonym")),
        default=Value(""),
        output_field=CharField(),
    )
    columns = ("response__round_id", "response__rater_group_id", "item_id", "score")
    return (
        Answer.objects.filter(
            response__status=Response.Status.SUBMITTED, response__round__in=rounds
        )
        .annotate(unknown_by=unknown_by)
        .values(*columns, "unknown_by")
        .annotate(n=Count("id"))
        .values_list(*columns, "unknown_by", "n")
    )


def _orm_respondent_scores(rounds):
    columns = (
        "response__round_id",
        "response__rater_group_id",
        "response__pseudonym",
        "item__dimension_id",
    )
    return (
        Answer.objects.filter(
            response__status=Response.Status.SUBMITTED,
            response__round__in=rounds,
            score__isnull=False,
            item__aspect=Item.Aspect.QUALITY,
        )
        .values(*columns)
        .annotate(score=Avg("score"))
        .values_list(*columns, "score")
    )


def _same(rows, expected):
    assert rows  # the fixture gives every query something to count
    assert sorted(rows, key=repr) == sorted(expected, key=repr)


@pytest.mark.parametrize("which", [slice(0, 1), slice(1, 2), slice(0, 2)])
def test_each_query_gives_the_rows_of_the_orm(rounds, which):
    chosen = rounds[which]
    _same(aggregation_sql.responses(chosen), _orm_responses(chosen))
    _same(aggregation_sql.histograms(chosen), _orm_histograms(chosen))
    scores = aggregation_sql.respondent_scores(chosen)
    expected = list(_orm_respondent_scores(chosen))
    assert [row[:4] for row in sorted(scores)] == [row[:4] for row in sorted(expected)]
    assert [row[4] for row in sorted(scores)] == pytest.approx([row[4] for row in sorted(expected)])


def test_only_submitted_answers_of_the_rounds_asked_for_count(rounds):
    pre, post = rounds
    unknown = [row for row in aggregation_sql.histograms([pre]) if row[3] is None]
    assert unknown and all(row[4] for row in unknown)  # counted per rater key
    assert all(row[4] == "" for row in aggregation_sql.histograms([pre]) if row[3] is not None)
    kinds = {row[2] for row in aggregation_sql.responses([post])}
    assert kinds == {"teachers", "leadership"}  # the support staff are still writing
    assert {row[0] for row in aggregation_sql.responses(rounds)} == {pre.pk, post.pk}


def test_comments_of_the_groups_asked_for_are_those_of_the_orm(rounds, survey_360):
    groups = {g.kind: g.pk for g in survey_360.rater_groups.all()}
    for round_ in rounds:
        for kinds in (["self", "teachers"], ["support"], ["teachers", "support", "leadership"]):
            chosen = [groups[k] for k in kinds]
            expected = Comment.objects.filter(
                response__round=round_,
                response__status=Response.Status.SUBMITTED,
                response__rater_group_id__in=chosen,
            ).values_list(
                "question__position",
                "question__text_nl",
                "question__text_en",
                "text",
                "response__rater_group_id",
            )
            assert sorted(aggregation_sql.comments(round_, chosen)) == sorted(expected)
    pre, post = rounds
    assert aggregation_sql.comments(pre, [groups["support"]])
    assert not aggregation_sql.comments(post, [groups["support"]])  # still being written


def test_no_rounds_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert aggregation_sql.histograms([]) == []
        assert aggregation_sql.comments(SimpleNamespace(pk=1), []) == []
