"""A finished round's results are computed once and shown again from the cache, until
something they rest on changes; the cache keeps them as data without the raters' keys."""

import datetime
import pickle
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from development.models import DevelopmentPoint
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory
from surveys import report_cache, services
from surveys.models import Response

from .helpers import add_responses, close, scored

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANY_TOKEN = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


def _url(survey, name="surveys:report"):
    return reverse(name, kwargs={"slug": survey.organisation.slug, "pk": survey.pk})


@pytest.fixture
def answered(survey_360):
    round_ = survey_360.rounds.get()
    add_responses(survey_360, round_, "self", 1, value=4)
    add_responses(survey_360, round_, "teachers", 4, value=lambda index, item: 1 + index)
    close(round_)
    return survey_360


def _answer_queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in captured if "surveys_answer" in q["sql"]]


def test_a_second_view_shows_the_same_results_without_reading_the_answers(answered, leader, login):
    client = login(leader)
    assert _answer_queries(client, _url(answered))  # the first view aggregates
    first = client.get(_url(answered)).content.decode()
    assert _answer_queries(client, _url(answered)) == []
    second = client.get(_url(answered)).content.decode()
    # Equal but for the per-request form tokens.
    assert ANY_TOKEN.sub("", first) == ANY_TOKEN.sub("", second)
    assert "leraren" in second and "n=4" in second


def test_a_raised_threshold_hides_the_group_at_the_next_view(answered, leader, login):
    client = login(leader)
    assert "n=4" in client.get(_url(answered)).content.decode()
    group = answered.rater_groups.get(kind="teachers")
    services.threshold_set(rater_group=group, threshold=5, actor=leader.user)
    page = client.get(_url(answered)).content.decode()
    assert "n=4" not in page
    assert "Niet getoond: leraren" in page


def test_a_point_sent_to_the_plan_shows_as_sent_at_the_next_view(answered, leader, login):
    client = login(leader)
    assert "In het plan ✓" not in client.get(_url(answered)).content.decode()
    data = {"round": "1", "source": "self_gap", "code": "visie"}
    client.post(_url(answered, "surveys:point_propose"), data)
    point = DevelopmentPoint.objects.get()
    assert "In het plan ✓" in client.get(point.origin_url()).content.decode()


def test_every_reader_gets_a_form_token_of_their_own(pulse, leader):
    add_responses(pulse, pulse.rounds.get(), "teachers", 4, value=lambda index, item: 1 + index)
    close(pulse.rounds.get())
    colleague = MembershipFactory(organisation=pulse.organisation, role=Membership.Role.LEADER)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(leader.user)
    second.force_login(colleague.user)
    first.get(_url(pulse))  # renders the results and stores them
    page = second.get(_url(pulse)).content.decode()
    tokens = set(TOKEN.findall(page))
    assert tokens, "the report offers development points to a leader"
    source, code = re.search(
        r'name="source" value="([^"]+)"><input type="hidden" name="code" value="([^"]+)"', page
    ).groups()
    response = second.post(
        _url(pulse, "surveys:point_propose"),
        {"round": "1", "source": source, "code": code, "csrfmiddlewaretoken": tokens.pop()},
    )
    assert response.status_code == 302
    assert DevelopmentPoint.objects.get().created_by == colleague.user


def test_a_reader_in_another_language_gets_the_results_in_that_language(answered, leader, login):
    client = login(leader)
    assert "Overzicht per dimensie" in client.get(_url(answered)).content.decode()
    english = client.get(_url(answered), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Overview per dimension" in english


def test_a_response_stored_after_the_first_view_shows_at_the_next(answered, leader, login):
    # A submit that passed its checks just before the round closed may be stored just after.
    client = login(leader)
    assert "n=4" in client.get(_url(answered)).content.decode()
    round_ = answered.rounds.get()
    round_.closed = False  # the moment of that submit
    round_.save(update_fields=["closed"])
    add_responses(answered, round_, "teachers", 1, prefix="laat")
    close(round_)
    assert "n=5" in client.get(_url(answered)).content.decode()


@pytest.fixture
def stored(monkeypatch):
    """Every value the report puts in the cache."""
    values = []
    set_ = report_cache.cache.set

    def keep(key, value, *args, **kwargs):
        values.append(value)
        return set_(key, value, *args, **kwargs)

    monkeypatch.setattr(report_cache.cache, "set", keep)
    return values


def _two_rounds(survey, leader):
    pre = survey.rounds.get()
    add_responses(survey, pre, "self", 1, value=3)
    add_responses(survey, pre, "teachers", 4, value=scored(2))
    close(pre)
    today = datetime.date.today()
    post = services.round_start_post(
        survey=survey, opens_on=today, closes_on=today, actor=leader.user
    )
    add_responses(survey, post, "self", 1, value=4)
    add_responses(survey, post, "teachers", 4, value=scored(4))
    close(post)


def test_the_cache_holds_results_but_no_rater_keys(survey_360, leader, login, stored):
    _two_rounds(survey_360, leader)
    client = login(leader)
    client.get(_url(survey_360))
    client.get(_url(survey_360) + "?round=1")
    assert len(stored) == 2
    pseudonyms = list(Response.objects.values_list("pseudonym", flat=True))
    assert len(pseudonyms) == 10
    for results in stored:
        assert results["rows"] and results["comparison"]["rows"]
        assert all(cell.raters == frozenset() for cell in results["current"].cells)
        blob = pickle.dumps(results)
        assert not any(pseudonym.encode() in blob for pseudonym in pseudonyms)
        assert b"<form" not in blob and b"csrf" not in blob


def test_each_round_is_kept_apart(survey_360, leader, login, stored):
    _two_rounds(survey_360, leader)
    client = login(leader)
    assert client.get(_url(survey_360)).context["rows"][0]["total"].mean == 4
    assert client.get(_url(survey_360) + "?round=1").context["rows"][0]["total"].mean == 2
    assert len(stored) == 2
    assert _answer_queries(client, _url(survey_360) + "?round=1") == []
    assert client.get(_url(survey_360)).context["rows"][0]["total"].mean == 4
    assert len(stored) == 2


def test_a_reader_in_another_language_gets_an_entry_of_their_own(answered, leader, login, stored):
    client = login(leader)
    client.get(_url(answered))
    client.get(_url(answered), HTTP_ACCEPT_LANGUAGE="en")
    assert len(stored) == 2
    assert _answer_queries(client, _url(answered)) == []


def test_an_open_round_is_never_cached(survey_360, leader, login, stored):
    add_responses(survey_360, survey_360.rounds.get(), "teachers", 4)
    page = login(leader).get(_url(survey_360)).content.decode()
    assert "Er zijn nog geen resultaten." in page
    assert stored == []
