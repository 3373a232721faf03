"""Rounds and their thresholds: raising a threshold, the post-measurement, closing a round."""

import datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse

from core.errors import LeerkringError
from surveys import services
from surveys.models import RaterGroup

from .helpers import invite


def _url(name, survey, **extra):
    return reverse(name, kwargs={"slug": survey.organisation.slug, "pk": survey.pk, **extra})


def test_threshold_can_be_raised_but_never_below_three(survey_360, leader, login):
    group = survey_360.rater_groups.get(kind="teachers")
    client = login(leader)
    client.post(_url("surveys:threshold_set", survey_360, group_pk=group.pk), {"threshold": 2})
    group.refresh_from_db()
    assert group.threshold == 3
    client.post(_url("surveys:threshold_set", survey_360, group_pk=group.pk), {"threshold": 5})
    group.refresh_from_db()
    assert group.threshold == 5


def test_the_database_refuses_a_threshold_below_three(survey_360):
    with pytest.raises(IntegrityError):
        RaterGroup.objects.filter(survey=survey_360, kind="teachers").update(threshold=2)


def test_self_and_superior_may_have_threshold_one(survey_360):
    assert (
        RaterGroup.objects.filter(survey=survey_360, kind__in=["self", "superior"]).update(
            threshold=1
        )
        == 2
    )


def test_post_round_invites_the_same_people_with_new_links(survey_360, leader, login, today):
    invite(survey_360, "teachers", ["a@x.test", "b@x.test", "c@x.test"])
    client = login(leader)
    response = client.post(
        _url("surveys:round_create", survey_360),
        {"opens_on": today.isoformat(), "closes_on": (today + datetime.timedelta(days=5))},
    )
    assert response.status_code == 302
    pre, post = survey_360.rounds.order_by("number")
    assert set(pre.invitations.values_list("email", flat=True)) == set(
        post.invitations.values_list("email", flat=True)
    )
    assert not set(pre.invitations.values_list("token", flat=True)) & set(
        post.invitations.values_list("token", flat=True)
    )
    with pytest.raises(LeerkringError):
        services.round_start_post(
            survey=survey_360, opens_on=today, closes_on=today, actor=leader.user
        )


def test_pseudonym_is_stable_per_survey_and_differs_between_surveys(survey_360, pulse):
    a = services.pseudonym_for(email="A@x.test", survey=survey_360)
    assert a == services.pseudonym_for(email="a@x.test ", survey=survey_360)
    assert a != services.pseudonym_for(email="a@x.test", survey=pulse)
    assert "a@x.test" not in a


def test_closing_a_round_asks_first(survey_360, leader, login):
    client = login(leader)
    detail = client.get(_url("surveys:survey_detail", survey_360)).content.decode()
    assert f'href="{_url("surveys:round_close", survey_360)}"' in detail
    response = client.get(_url("surveys:round_close", survey_360))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<form method="post">' in page
    assert _url("surveys:survey_detail", survey_360) in page
    assert survey_360.rounds.get().closed is False  # asking changes nothing


def test_confirming_closes_the_round_today(survey_360, leader, login, today):
    response = login(leader).post(_url("surveys:round_close", survey_360))
    assert response.status_code == 302
    round_ = survey_360.rounds.get()
    assert (round_.closed, round_.closed_on, round_.last_day) == (True, today, today)


def test_a_closed_round_does_not_ask_again(survey_360, leader, login):
    client = login(leader)
    client.post(_url("surveys:round_close", survey_360))
    response = client.get(_url("surveys:round_close", survey_360))
    assert response.status_code == 302


def test_only_a_manager_sees_the_close_page(survey_360, staff_member, login):
    response = login(staff_member).get(_url("surveys:round_close", survey_360))
    assert response.status_code in (403, 404)
