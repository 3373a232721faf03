"""Answering a survey through a token link: building the form, validating a post and storing
it. A post is stored completely or not at all, so a bad request never changes saved answers."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import LeerkringError

from .models import Answer, Comment, Invitation, Item, OpenQuestion, Response
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
    version = invitation.round.survey.version
    kind = invitation.rater_group.kind
    items = [
        item
        for item in version.items.select_related("scale", "dimension").order_by("position")
        if item.is_for(kind)
    ]
    questions = [q for q in version.open_questions.order_by("position") if q.is_for(kind)]
    return items, questions


def find_response(invitation: Invitation) -> Response | None:
    pseudonym = pseudonym_for(email=invitation.email, survey=invitation.round.survey)
    return Response.objects.filter(round=invitation.round, pseudonym=pseudonym).first()


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


@transaction.atomic
def answers_store(
    *, invitation: Invitation, items: list[Item], parsed: Parsed, submit: bool
) -> Response:
    """Save (and optionally submit) one invitee's answers. Raises LeerkringError, changing
    nothing, when the survey is closed or the answers were already submitted."""
    # Lock the invitation so two simultaneous posts of one link are handled one after another.
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.status == Invitation.Status.COMPLETED:
        raise LeerkringError(_("Your answers were already submitted. Thank you!"))
    if not invitation.round.is_open():
        raise LeerkringError(_("This survey is closed: answers can no longer be changed."))
    if parsed.errors:
        raise LeerkringError(_("Some answers need your attention."))
    survey = invitation.round.survey
    response, _created = Response.objects.get_or_create(
        round=invitation.round,
        pseudonym=pseudonym_for(email=invitation.email, survey=survey),
        defaults={"rater_group": invitation.rater_group},
    )
    by_id = {item.pk: item for item in items}
    existing = {a.item_id: a for a in response.answers.all()}
    new, changed = [], []
    for item_id, value in parsed.values.items():
        score = _score(by_id[item_id], value)
        if item_id in existing:
            answer = existing[item_id]
            answer.value, answer.score = value, score
            changed.append(answer)
        else:
            new.append(Answer(response=response, item_id=item_id, value=value, score=score))
    Answer.objects.bulk_create(new)
    Answer.objects.bulk_update(changed, ["value", "score"])
    for question_id, text in parsed.comments.items():
        if text:
            Comment.objects.update_or_create(
                response=response, question_id=question_id, defaults={"text": text}
            )
        else:
            Comment.objects.filter(response=response, question_id=question_id).delete()
    response.language = translation.get_language() or ""
    status = Invitation.Status.STARTED
    if submit:
        answered = set(existing) | set(parsed.values)
        missing = [i for i in items if i.required and i.pk not in answered]
        if missing:
            raise LeerkringError(_("Some answers need your attention."))
        response.status = Response.Status.SUBMITTED
        response.submitted_on = timezone.localdate()
        status = Invitation.Status.COMPLETED
    response.save(update_fields=["language", "status", "submitted_on"])
    Invitation.objects.filter(pk=invitation.pk).update(status=status)
    return response
