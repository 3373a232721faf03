"""The load test's check counts what was stored against what its harness saw: a submission
the harness saw completed but that is not stored whole is lost, a response that does not
match one link the harness submitted is duplicated, and a submit cut off by the end of a run
is neither."""

import datetime

import pytest
from django.utils import timezone

from bench.load.plan import verify
from surveys import services
from surveys.answering import questions_for
from surveys.loader import load_all
from surveys.models import Answer, InstrumentVersion, Invitation
from surveys.tests.helpers import add_responses


@pytest.fixture
def load_round(school, leader):
    load_all()
    today = timezone.localdate()
    survey = services.survey_create(
        organisation=school,
        version=InstrumentVersion.objects.get(instrument__code="teampols"),
        title="Belastingtest",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
    )
    round_ = survey.rounds.get()
    invitations = add_responses(survey, round_, "teachers", 3)
    Invitation.objects.create(
        round=round_, rater_group=invitations[0].rater_group, email="open@x.test", token="open"
    )
    items = len(questions_for(invitations[0])[0])
    return {"round": round_.pk, "items": items}, [i.token for i in invitations]


def test_every_completed_link_stored_once_is_neither_lost_nor_duplicated(load_round):
    plan, tokens = load_round
    checked = verify(plan, completed=tokens, sent=tokens)
    assert checked["lost"] == 0 and checked["duplicated"] == 0 and checked["unconfirmed"] == 0
    assert checked["stored_submitted"] == 3 and checked["answers"] == 3 * plan["items"]


def test_a_thank_you_page_without_a_stored_response_is_lost(load_round):
    plan, tokens = load_round
    assert verify(plan, completed=[*tokens, "open"], sent=[*tokens, "open"])["lost"] == 1


def test_a_link_completed_that_the_harness_never_sent_is_duplicated(load_round):
    plan, tokens = load_round
    assert verify(plan, completed=tokens[:2], sent=tokens[:2])["duplicated"] == 1


def test_a_response_missing_an_answer_is_lost(load_round):
    plan, tokens = load_round
    Answer.objects.filter(response__round_id=plan["round"]).first().delete()
    checked = verify(plan, completed=tokens, sent=tokens)
    assert checked["lost"] == 1 and checked["duplicated"] == 0


def test_a_submit_cut_off_by_the_end_of_the_run_is_counted_apart(load_round):
    plan, tokens = load_round
    checked = verify(plan, completed=tokens[:2], sent=tokens)
    assert checked["unconfirmed"] == 1
    assert checked["lost"] == 0 and checked["duplicated"] == 0
