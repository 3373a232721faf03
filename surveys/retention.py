"""Retention: what a survey keeps about its raters once it is over.

While a survey runs, two things link answers to people: an invitation holds an invitee's
e-mail address and their personal token link, and a response's pseudonymous key is a keyed
hash of the rater's e-mail address and the survey (`services.pseudonym_for`), so that whoever
holds the server's secret and an address can find that rater's pre and post answers.

`SURVEY_RETENTION_MONTHS` (default 12) after the last round of a survey closed, both go:

- every invitation loses its e-mail address (replaced by a placeholder address that names no
  one), its token (replaced by a random one nobody was ever sent, so the old link is dead),
  its send and reminder times and its language; its round, rater group and status stay, so
  the survey list still counts how many were invited and answered;
- every response's key is replaced by a random key, the same one for the same rater across
  the survey's rounds: the report still pairs pre and post exactly as before, but no e-mail
  address leads to it any more.

The answers themselves were anonymous from the start and stay, counted as they were: the
report after the purge is the report before it. `docs/privacy.md` is the record of processing.
"""

import calendar
import datetime as dt
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.tokens import new_token

from .models import Invitation, Response, Round, Survey

PURGED_TOKEN_PREFIX = "purged-"
PURGED_EMAIL_DOMAIN = "purged.invalid"
REKEYED_PREFIX = "r-"
DEFAULT_MONTHS = 12


@dataclass
class PurgeResult:
    surveys: int = 0
    invitations: int = 0
    responses: int = 0


def retention_months() -> int:
    return int(getattr(settings, "SURVEY_RETENTION_MONTHS", DEFAULT_MONTHS))


def months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def survey_last_day(rounds: list[Round], today: dt.date) -> dt.date | None:
    """The day the survey's last round closed, or None while any round can still be answered
    (or has not opened yet)."""
    if not rounds or not all(round_.is_finished(today) for round_ in rounds):
        return None
    return max(round_.last_day for round_ in rounds)


def _unpurged() -> Q:
    """Surveys that still hold an address, a live token or a derivable key."""
    invitations = Invitation.objects.exclude(token__startswith=PURGED_TOKEN_PREFIX)
    responses = Response.objects.exclude(pseudonym__startswith=REKEYED_PREFIX)
    return Q(pk__in=invitations.values("round__survey_id")) | Q(
        pk__in=responses.values("round__survey_id")
    )


def expired_surveys(*, today: dt.date | None = None, months: int | None = None) -> list[Survey]:
    """The surveys whose last round closed at least `months` ago and that still hold
    something to purge."""
    today = today or timezone.localdate()
    months = retention_months() if months is None else months
    cutoff = months_before(today, months)
    # A survey whose planned last day is after the cutoff cannot qualify (closing early only
    # moves the day forward), so the database narrows the candidates first.
    candidates = (
        Survey.objects.filter(_unpurged())
        .annotate(latest_close=Max("rounds__closes_on"))
        .filter(latest_close__isnull=False)
        .prefetch_related("rounds")
        .order_by("pk")
    )
    expired = []
    for survey in candidates:
        last_day = survey_last_day(list(survey.rounds.all()), today)
        if last_day is not None and last_day <= cutoff:
            expired.append(survey)
    return expired


@transaction.atomic
def survey_purge_links_and_keys(*, survey: Survey) -> tuple[int, int]:
    """Purge one survey's e-mail addresses, token links and pseudonymous keys; returns how
    many invitations and responses changed. Running it again changes nothing."""
    invitations = list(
        Invitation.objects.select_for_update()
        .filter(round__survey=survey)
        .exclude(token__startswith=PURGED_TOKEN_PREFIX)
    )
    for invitation in invitations:
        invitation.email = f"{PURGED_TOKEN_PREFIX}{invitation.pk}@{PURGED_EMAIL_DOMAIN}"
        invitation.token = PURGED_TOKEN_PREFIX + new_token()
        invitation.sent_at = None
        invitation.reminded_at = None
        invitation.language = ""
    Invitation.objects.bulk_update(
        invitations, ["email", "token", "sent_at", "reminded_at", "language"], batch_size=500
    )

    responses = list(
        Response.objects.select_for_update()
        .filter(round__survey=survey)
        .exclude(pseudonym__startswith=REKEYED_PREFIX)
    )
    # One new random key per old key: a rater's rounds stay paired, and nothing leads back.
    new_keys: dict[str, str] = {}
    for response in responses:
        if response.pseudonym not in new_keys:
            new_keys[response.pseudonym] = REKEYED_PREFIX + secrets.token_hex(24)
        response.pseudonym = new_keys[response.pseudonym]
    Response.objects.bulk_update(responses, ["pseudonym"], batch_size=500)
    if invitations or responses:
        audit_log(
            actor=None,
            action=AuditEvent.Action.DELETE,
            obj=survey,
            organisation=survey.organisation,
            summary=(
                f"retention: {len(invitations)} token links and addresses, "
                f"{len(responses)} pseudonymous keys purged"
            ),
        )
    return len(invitations), len(responses)


def purge_expired(*, today: dt.date | None = None, months: int | None = None) -> PurgeResult:
    result = PurgeResult()
    for survey in expired_surveys(today=today, months=months):
        invitations, responses = survey_purge_links_and_keys(survey=survey)
        result.surveys += 1
        result.invitations += invitations
        result.responses += responses
    return result
