"""Answering a survey through a token link: building the form, validating a post and storing
it. A post is stored completely or not at all, so a bad request never changes saved answers."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import LeerkringError

from .models import Answer, Comment, Invitation, Item, OpenQuestion, Response
from .selectors import version_questions
from .services import pseudonym_for

UNKNOWN = "na"
COMMENT_MAX = 4000


@dataclass
class Parsed:
    values: dict = field(default_factory=dict)  # item id -> int | None (None: "I don't know")
    comments: dict = field(default_factory=dict)  # question id -> text ("" clears it)
    errors: dict = field(default_factory=dict)  # field name -> message
    raw: dict = field(default_factory=dict)  # field name -> posted text, to show back


def questions_for(invitation: Invitation) -> tuple[list[Item], list[OpenQuestion]]:
    """The items and open questions this invitee's rater group answers."""
    return questions_for_kind(invitation.round.version, invitation.rater_group.kind)


def questions_for_kind(version, kind: str) -> tuple[list[Item], list[OpenQuestion]]:
    """The items and open questions of `version` that raters of the group `kind` answer."""
    items, questions = version_questions(version)
    return [i for i in items if i.is_for(kind)], [q for q in questions if q.is_for(kind)]


def stored_answers(invitation: Invitation) -> tuple[Response | None, dict]:
    """This invitee's response, if there is one, with its answers (item id -> value, None
    for "I don't know"), in one query; none for a link still "invited", which stored
    nothing: the first save marks it started in the transaction that stores the answers."""
    if invitation.status == Invitation.Status.INVITED:
        return None, {}
    pseudonym = pseudonym_for(email=invitation.email, survey=invitation.round.survey)
    return stored_for(round_=invitation.round, pseudonym=pseudonym)


def stored_for(*, round_, pseudonym: str) -> tuple[Response | None, dict]:
    """The response of `pseudonym` in `round_`, if there is one, with its answers, in one
    query."""
    fields = [f.attname for f in Response._meta.concrete_fields]
    rows = Response.objects.filter(round=round_, pseudonym=pseudonym).values_list(
        *fields, "answers__item_id", "answers__value"
    )
    response, answers = None, {}
    for *values, item_id, value in rows:
        if response is None:
            response = Response.from_db(rows.db, fields, values)
            response.round = round_
        if item_id is not None:
            answers[item_id] = value
    return response, answers


def parse_post(
    data, items: list[Item], questions: list[OpenQuestion], *, submit: bool, saved=frozenset()
) -> Parsed:
    """Read and check every posted answer; collect an error per field instead of raising.
    `saved` holds the ids of items answered earlier, which a submit need not repeat."""
    parsed = Parsed()
    for item in items:
        name = f"i{item.pk}"
        raw = (data.get(name) or "").strip()
        parsed.raw[name] = raw
        if raw == "":
            if submit and item.required and item.pk not in saved:
                parsed.errors[name] = _("Please answer this question.")
            continue
        if raw == UNKNOWN and item.scale.allow_unknown:
            parsed.values[item.pk] = None
            continue
        try:
            value = int(raw)
        except ValueError:
            value = None
        if value is None or not item.scale.minimum <= value <= item.scale.maximum:
            parsed.errors[name] = _("Choose one of the answers from %(low)s to %(high)s.") % {
                "low": item.scale.minimum,
                "high": item.scale.maximum,
            }
            continue
        parsed.values[item.pk] = value
    for question in questions:
        name = f"q{question.pk}"
        text = (data.get(name) or "").strip()
        parsed.raw[name] = text
        if len(text) > COMMENT_MAX:
            parsed.errors[name] = _("Please keep this under %(n)s characters.") % {"n": COMMENT_MAX}
            continue
        if name in data:
            parsed.comments[question.pk] = text
    return parsed


def _score(item: Item, value: int | None) -> float | None:
    if value is None:
        return None
    if item.reverse:
        return float(item.scale.minimum + item.scale.maximum - value)
    return float(value)


@dataclass
class Stored:
    """The outcome of one post: what was parsed and what was stored before it."""

    parsed: Parsed
    previous: dict  # item id -> value stored before this post (None: "I don't know")
    response: Response | None = None


@dataclass
class Locked:
    """Whose answers a post changes (a round, a rater group, a pseudonym), with what they
    stored before; made once the answers may change."""

    round: object
    rater_group_id: int
    pseudonym: str
    response: Response | None
    previous: dict


def _lock(invitation: Invitation, *, submit: bool) -> Locked:
    """Record the invitation's new status, unless its answers were submitted already. The
    update locks the row until the transaction ends, so that two simultaneous posts of one
    link are handled one after another (the second sees the first's status); a post that
    stores nothing rolls it back. Then check that answers may still change, and read what
    is stored."""
    status = Invitation.Status.COMPLETED if submit else Invitation.Status.STARTED
    claimed = (
        Invitation.objects.filter(pk=invitation.pk)
        .exclude(status=Invitation.Status.COMPLETED)
        .update(status=status)
    )
    if not claimed:
        raise LeerkringError(_("Your answers were already submitted. Thank you!"))
    if not invitation.round.is_open():
        raise LeerkringError(_("This survey is closed: answers can no longer be changed."))
    pseudonym = pseudonym_for(email=invitation.email, survey=invitation.round.survey)
    response, previous = stored_for(round_=invitation.round, pseudonym=pseudonym)
    return Locked(invitation.round, invitation.rater_group_id, pseudonym, response, previous)


def _upsert(model, rows: list, unique_fields: list, update_fields: list, *, existed: bool):
    """Insert the rows in one query; for a response stored before, a row that is there
    already is updated instead."""
    if not rows:
        return
    if existed:
        model.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=unique_fields, update_fields=update_fields
        )
    else:
        model.objects.bulk_create(rows)


def _write(state: Locked, items: list[Item], parsed: Parsed, *, submit: bool) -> Response:
    """Store the parsed answers in a handful of queries, whatever the number of items: one
    upsert for the answers, one for the comments."""
    answered = set(state.previous) | set(parsed.values)
    if submit and any(i.required and i.pk not in answered for i in items):
        raise LeerkringError(_("Some answers need your attention."))
    status = Response.Status.SUBMITTED if submit else Response.Status.STARTED
    language = translation.get_language() or ""
    submitted_on = timezone.localdate() if submit else None
    fields = {"status": status, "language": language, "submitted_on": submitted_on}
    response, existed = state.response, state.response is not None
    if response is None:
        response = Response.objects.create(
            round=state.round,
            rater_group_id=state.rater_group_id,
            pseudonym=state.pseudonym,
            **fields,
        )
    elif any(getattr(response, name) != value for name, value in fields.items()):
        for name, value in fields.items():
            setattr(response, name, value)
        response.save(update_fields=list(fields))
    by_id = {item.pk: item for item in items}
    changed = [
        Answer(response=response, item_id=pk, value=value, score=_score(by_id[pk], value))
        for pk, value in parsed.values.items()
        if pk not in state.previous or state.previous[pk] != value
    ]
    _upsert(Answer, changed, ["response", "item"], ["value", "score"], existed=existed)
    texts = [
        Comment(response=response, question_id=pk, text=text)
        for pk, text in parsed.comments.items()
        if text
    ]
    _upsert(Comment, texts, ["response", "question"], ["text"], existed=existed)
    cleared = [pk for pk, text in parsed.comments.items() if not text]
    if cleared and existed:
        Comment.objects.filter(response=response, question_id__in=cleared).delete()
    return response


@transaction.atomic
def answers_post(
    *, invitation: Invitation, items: list[Item], questions: list[OpenQuestion], data, submit
) -> Stored:
    """Check and store one post of the answer form. Raises LeerkringError, changing nothing,
    when the survey is closed or the answers were already submitted; returns the parse
    errors per field, changing nothing, when an answer is missing or out of range."""
    return store_post(_lock(invitation, submit=submit), items, questions, data, submit=submit)


def store_post(state: Locked, items, questions, data, *, submit: bool) -> Stored:
    """Parse a post for the locked `state` and store it, or roll back when an answer needs
    attention (to be called inside the transaction that locked it)."""
    parsed = parse_post(data, items, questions, submit=submit, saved=set(state.previous))
    stored = Stored(parsed, state.previous, state.response)
    if parsed.errors:
        transaction.set_rollback(True)
    else:
        stored.response = _write(state, items, parsed, submit=submit)
    return stored


@transaction.atomic
def answers_store(
    *, invitation: Invitation, items: list[Item], parsed: Parsed, submit: bool
) -> Response:
    """Save (and optionally submit) one invitee's answers that were parsed already. Raises
    LeerkringError, changing nothing, when the survey is closed, the answers were already
    submitted or an answer needs attention."""
    state = _lock(invitation, submit=submit)
    if parsed.errors:
        raise LeerkringError(_("Some answers need your attention."))
    return _write(state, items, parsed, submit=submit)
