"""Open links: one shared address per stakeholder group and round, answered without an
account (a parents' questionnaire behind a QR code). A browser answers once per round and
group (a family's tablet may answer as a parent and as a pupil): a signed cookie holds which
it submitted and, for a draft, a random key; the response's
pseudonym is a keyed hash of that key, so nothing about the person or the device is stored
with the answers."""

import hashlib
import hmac
import json
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.tokens import new_token

from .answering import Locked, Stored, store_post, stored_for
from .models import OpenLink, RaterGroup, Response, Round


class AlreadySubmitted(LeerkringError):
    """This browser's draft was submitted already (by a second click or another tab)."""


COOKIE = "leerkring_open"
COOKIE_SALT = "surveys.open-links"
COOKIE_AGE = 400 * 24 * 3600  # longer than any round
# Open links have had 24 random bytes (32 characters) from the start: shorter than a personal
# link's, still beyond guessing.
TOKEN_BYTES = 24


def _audit(link: OpenLink, actor, summary: str) -> None:
    survey = link.round.survey
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=survey,
        organisation=survey.organisation,
        summary=summary,
    )


def _check_group(round_: Round, group: RaterGroup) -> None:
    if group.survey_id != round_.survey_id or group.kind not in OpenLink.KINDS:
        raise LeerkringError(
            _("An open link is only possible for parents, pupils, partners or others.")
        )
    if round_.is_finished():
        raise LeerkringError(_("This round is closed: it can no longer get an open link."))


@transaction.atomic
def open_link_open(*, round_: Round, group: RaterGroup, actor) -> OpenLink:
    """Turn on the open link of `group` in `round_`; the link that is open already stays."""
    _check_group(round_, group)
    current = OpenLink.objects.select_for_update().filter(
        round=round_, rater_group=group, active=True
    )
    link = current.first()
    if link is None:
        link = OpenLink.objects.create(
            round=round_, rater_group=group, token=new_token(TOKEN_BYTES)
        )
        _audit(link, actor, f"open link opened ({group.kind})")
    return link


@transaction.atomic
def open_link_close(*, round_: Round, group: RaterGroup, actor) -> int:
    """Close the open link of `group` in `round_`: its address then says it was closed.
    Answers given through it stay. Returns the number of links closed (0 or 1)."""
    closed = OpenLink.objects.filter(round=round_, rater_group=group, active=True).update(
        active=False, closed_at=timezone.now()
    )
    if closed:
        link = OpenLink(round=round_, rater_group=group)
        _audit(link, actor, f"open link closed ({group.kind})")
    return closed


@transaction.atomic
def open_link_renew(*, round_: Round, group: RaterGroup, actor) -> OpenLink:
    """Close the current link (for instance one posted where it should not be) and make a
    new one; browsers that answered already still cannot answer again."""
    _check_group(round_, group)
    open_link_close(round_=round_, group=group, actor=actor)
    return open_link_open(round_=round_, group=group, actor=actor)


# The device's cookie: {"done": ["round-group", …], "drafts": {"round-group": draft key}}


def _slot(link: OpenLink) -> str:
    """The round and group a link answers for: what a browser answers once. A renewed link
    answers for the same, so a draft outlives the renewal."""
    return f"{link.round_id}-{link.rater_group_id}"


def device_state(request) -> dict:
    """What this browser's signed cookie says; an absent or tampered cookie is a new
    device."""
    value = request.get_signed_cookie(COOKIE, default=None, salt=COOKIE_SALT)
    if value is None:
        return {"done": [], "drafts": {}}
    try:
        data = json.loads(value)
        done = [str(slot)[:40] for slot in data.get("done", [])][-200:]
        drafts = {str(k): str(v)[:64] for k, v in dict(data.get("drafts", {})).items()}
    except (ValueError, TypeError, AttributeError):
        return {"done": [], "drafts": {}}
    return {"done": done, "drafts": drafts}


def device_store(response, state: dict) -> None:
    response.set_signed_cookie(
        COOKIE,
        json.dumps(state, separators=(",", ":")),
        salt=COOKIE_SALT,
        max_age=COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def answered(state: dict, link: OpenLink) -> bool:
    return _slot(link) in state["done"]


def saved_key(state: dict, link: OpenLink) -> str | None:
    """This browser's draft key for what `link` answers for, if it saved a draft."""
    return state["drafts"].get(_slot(link))


def draft_key(state: dict, link: OpenLink) -> str:
    """This browser's draft key for `link`, made (and kept in `state`) when it has none."""
    key = saved_key(state, link)
    if not key:
        key = secrets.token_urlsafe(24)
        state["drafts"][_slot(link)] = key
    return key


def pseudonym_for_draft(*, round_: Round, key: str) -> str:
    """The response's pseudonym for a draft key: a keyed hash, so the stored row does not
    even hold what the cookie holds."""
    message = f"open:{round_.pk}:{key}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def mark_answered(state: dict, link: OpenLink) -> None:
    state["drafts"].pop(_slot(link), None)
    if _slot(link) not in state["done"]:
        state["done"].append(_slot(link))


def draft_answers(*, link: OpenLink, key: str | None) -> tuple[Response | None, dict]:
    if not key:
        return None, {}
    return stored_for(round_=link.round, pseudonym=pseudonym_for_draft(round_=link.round, key=key))


@transaction.atomic
def open_answers_post(*, link: OpenLink, key: str, items, questions, data, submit: bool) -> Stored:
    """Check and store one post of the open link's form for the draft `key`. Raises
    LeerkringError, changing nothing, when the link was closed or renewed, the round is
    closed or this draft was submitted already; returns the parse errors per field, changing
    nothing, when an answer is missing or out of range. Posts through one link are handled one
    after another (the link's row is locked), so one draft is never stored twice."""
    current = OpenLink.objects.select_for_update().filter(pk=link.pk, active=True).first()
    if current is None:
        raise LeerkringError(
            _("This link was closed or replaced by a new one. Nothing was stored."),
        )
    if not link.round.is_open():
        raise LeerkringError(_("This survey is closed: answers can no longer be changed."))
    pseudonym = pseudonym_for_draft(round_=link.round, key=key)
    response, previous = stored_for(round_=link.round, pseudonym=pseudonym)
    if response is not None and response.status == Response.Status.SUBMITTED:
        raise AlreadySubmitted(_("Your answers were already submitted. Thank you!"))
    state = Locked(link.round, link.rater_group_id, pseudonym, response, previous)
    return store_post(state, items, questions, data, submit=submit)
