"""Retention: a survey's token links, addresses and pseudonymous keys are purged a set time
after its last round closed; its report stays exactly as it was."""

import datetime
import io
import itertools
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from accounts.models import AuditEvent
from surveys import charts, selectors, services
from surveys.models import Invitation, Response
from surveys.retention import (
    PURGED_TOKEN_PREFIX,
    REKEYED_PREFIX,
    expired_surveys,
    months_before,
    purge_expired,
)
from surveys.services import pseudonym_for
from surveys.tasks import purge_expired_survey_data

from .helpers import add_responses, scored


def close(round_):
    # As closing by hand does: the round stops today.
    round_.closed = True
    round_.closed_on = datetime.date.today()
    round_.save(update_fields=["closed", "closed_on"])


def _report_html(client, survey):
    cache.clear()  # the report is computed again from the database, not read from the cache
    charts._ids = itertools.count(1)  # chart element ids are numbered per process
    url = reverse("surveys:report", kwargs={"slug": survey.organisation.slug, "pk": survey.pk})
    response = client.get(url, {"round": 2})
    assert response.context["comparison"]["n_both"] == 8  # the teachers are paired
    html = response.content.decode()
    # The form tokens and the script nonce differ per request; the rest is the report.
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


@pytest.fixture
def finished(survey_360, leader, today):
    """A 360° with a pre and a post round, both closed today, eight teachers in both."""
    pre = survey_360.rounds.get()
    add_responses(survey_360, pre, "self", 1, value=3)
    add_responses(survey_360, pre, "teachers", 8, value=scored(lambda i: 2 + i % 2))
    close(pre)
    post = services.round_start_post(
        survey=survey_360, opens_on=today, closes_on=today, actor=leader.user
    )
    add_responses(survey_360, post, "self", 1, value=4)
    add_responses(survey_360, post, "teachers", 8, value=scored(lambda i: 4 + i % 2))
    close(post)
    return survey_360


def later(today, months):
    return months_before(today, -months)


def test_months_before_keeps_the_day_or_the_last_of_the_month():
    assert months_before(datetime.date(2026, 12, 3), 12) == datetime.date(2025, 12, 3)
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), -13) == datetime.date(2027, 2, 15)


def test_purge_removes_links_addresses_and_keys_and_keeps_the_report(
    finished, leader, login, client, today
):
    client = login(leader)
    before = _report_html(client, finished)
    assert "teachers0@raters.test" not in before
    invitation = Invitation.objects.filter(round__survey=finished).first()
    old_token, old_email = invitation.token, invitation.email
    old_key = pseudonym_for(email=old_email, survey=finished)
    pairs_before = sorted(
        sorted(
            Response.objects.filter(round__survey=finished, pseudonym=key).values_list(
                "round__number", flat=True
            )
        )
        for key in set(
            Response.objects.filter(round__survey=finished).values_list("pseudonym", flat=True)
        )
    )
    counts_before = (
        Invitation.objects.filter(round__survey=finished).count(),
        Invitation.objects.filter(round__survey=finished, status="completed").count(),
        Response.objects.filter(round__survey=finished).count(),
    )

    result = purge_expired(today=later(today, 12))

    assert (result.surveys, result.invitations, result.responses) == (
        1,
        counts_before[0],
        counts_before[2],
    )
    invitations = Invitation.objects.filter(round__survey=finished)
    assert not invitations.exclude(token__startswith=PURGED_TOKEN_PREFIX).exists()
    assert not invitations.filter(email__icontains="raters.test").exists()
    assert not invitations.exclude(sent_at=None).exists()
    responses = Response.objects.filter(round__survey=finished)
    assert not responses.exclude(pseudonym__startswith=REKEYED_PREFIX).exists()
    assert not responses.filter(pseudonym=old_key).exists()
    # The old link is dead.
    assert client.get(reverse("surveys:answer", kwargs={"token": old_token})).status_code == 404
    # The same raters are paired across the rounds, the counts are what they were.
    pairs_after = sorted(
        sorted(responses.filter(pseudonym=key).values_list("round__number", flat=True))
        for key in set(responses.values_list("pseudonym", flat=True))
    )
    assert pairs_after == pairs_before
    assert counts_before == (
        invitations.count(),
        invitations.filter(status="completed").count(),
        responses.count(),
    )
    # The report, paired change included, is the report it was.
    after = _report_html(client, finished)
    assert after == before
    assert AuditEvent.objects.filter(
        object_type="surveys.survey", object_id=str(finished.pk), action="delete"
    ).exists()
    # The managers' list of invitees no longer shows the removed addresses.
    assert all(selectors.round_invitees(round_=r) == [] for r in finished.rounds.all())
    # Running again changes nothing.
    assert purge_expired(today=later(today, 24)).surveys == 0
    assert _report_html(client, finished) == before


def test_nothing_is_purged_before_the_retention_period_ends(finished, today):
    tokens = set(Invitation.objects.values_list("token", flat=True))
    assert purge_expired(today=later(today, 11)).surveys == 0
    assert purge_expired(today=later(today, 12) - datetime.timedelta(days=1)).surveys == 0
    assert set(Invitation.objects.values_list("token", flat=True)) == tokens


def test_a_survey_with_a_round_still_open_is_kept(survey_360, today):
    add_responses(survey_360, survey_360.rounds.get(), "teachers", 3, value=4)
    # The round closes in two weeks: far in the future it is finished, but not while open.
    assert expired_surveys(today=today + datetime.timedelta(days=1), months=0) == []


def test_the_period_is_a_setting(finished, settings, today):
    settings.SURVEY_RETENTION_MONTHS = 1
    assert purge_expired(today=later(today, 1)).surveys == 1


def test_the_scheduled_task_and_the_command(finished, settings, today):
    settings.SURVEY_RETENTION_MONTHS = 0
    # With zero months, rounds that closed today are expired today.
    result = purge_expired_survey_data.enqueue()
    assert result.return_value == {
        "surveys": 1,
        "invitations": Invitation.objects.count(),
        "responses": Response.objects.count(),
    }
    out = io.StringIO()
    call_command("surveys_purge_expired", now=True, stdout=out)
    assert "0 survey(s)" in out.getvalue()
    out = io.StringIO()
    call_command("surveys_purge_expired", stdout=out)
    assert "queued" in out.getvalue()
