"""The public answer page behind a personal token link (no account needed)."""

from itertools import groupby

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import LeerkringError
from core.ratelimit import allow

from ..access import get_invitation_by_token
from ..answering import UNKNOWN, answers_post, parse_post, questions_for, stored_answers
from ..models import Invitation


def _sections(items, questions, current: dict, errors: dict, kind: str):
    """The form grouped per dimension, and per statement within it (the dialogue asks one
    statement on two scales), worded for raters of the group `kind`."""
    sections = []
    for dimension, dim_items in groupby(items, key=lambda i: i.dimension):
        statements = []
        for _code, group in groupby(dim_items, key=lambda i: i.statement):
            group = list(group)
            fields = []
            for item in group:
                name = f"i{item.pk}"
                points = item.scale.points()
                if item.scale.allow_unknown:
                    points.append((UNKNOWN, _("I don't know")))
                fields.append(
                    {
                        "item": item,
                        "name": name,
                        "question": item.scale.question if len(group) > 1 else "",
                        "options": _options(points, current.get(name, "")),
                        "error": errors.get(name),
                    }
                )
            statements.append(
                {"text": group[0].text_for(kind), "fields": fields, "id": group[0].pk}
            )
        sections.append({"dimension": dimension, "statements": statements})
    open_fields = [
        {
            "question": q,
            "text": q.text_for(kind),
            "name": f"q{q.pk}",
            "current": current.get(f"q{q.pk}", ""),
            "error": errors.get(f"q{q.pk}"),
        }
        for q in questions
    ]
    return sections, open_fields


def _options(points, current: str) -> list[tuple[str, str, bool, bool]]:
    """Each answer of a scale as (value, label, checked, numbered): the form shows 250 of
    them, so the template tests flags instead of comparing values."""
    options = []
    for value, label in points:
        value = str(value)
        options.append((value, label, value == current, value != UNKNOWN))
    return options


def _as_field(value) -> str:
    return UNKNOWN if value is None else str(value)


def _saved_values(invitation) -> dict:
    """What this invitee saved earlier, by field name."""
    return saved_fields(*stored_answers(invitation))


def saved_fields(response, answers: dict) -> dict:
    """A stored response's answers and comments by field name, to fill the form with."""
    if response is None:
        return {}
    current = {f"i{item_id}": _as_field(value) for item_id, value in answers.items()}
    current.update(
        {f"q{pk}": text for pk, text in response.comments.values_list("question_id", "text")}
    )
    return current


# Posts per personal link per minute: far more than a person saving as they go.
POSTS_PER_MINUTE = 20


def _post(request, invitation, items, questions) -> tuple[dict, dict, bool]:
    """Handle a post of the form: (values to show, errors, whether all went in)."""
    submit = request.POST.get("action") == "submit"
    if not allow("survey-answer", invitation.token, limit=POSTS_PER_MINUTE):
        raw = parse_post(request.POST, items, questions, submit=False).raw
        message = _("Too many posts in a short time. Wait a minute and send again.")
        return {**_saved_values(invitation), **raw}, {"__all__": message}, False
    if request.POST.get("round") != str(invitation.round.pk):
        message = _("This form belongs to another survey. Open the link from your email again.")
        return _saved_values(invitation), {"__all__": message}, False
    try:
        stored = answers_post(
            invitation=invitation,
            items=items,
            questions=questions,
            data=request.POST,
            submit=submit,
        )
    except LeerkringError as error:
        raw = parse_post(request.POST, items, questions, submit=False).raw
        current = {**_saved_values(invitation), **raw}
        return current, {"__all__": error.message}, False
    previous = {f"i{pk}": _as_field(value) for pk, value in stored.previous.items()}
    errors = dict(stored.parsed.errors)
    if errors:
        errors["__all__"] = _("Some answers need your attention.")
    return {**previous, **stored.parsed.raw}, errors, not errors


def _language(request, invitation) -> str:
    """The language of the mail, not of the browser: a respondent may switch (`?lang=`)."""
    chosen = request.GET.get("lang")
    if chosen in dict(settings.LANGUAGES):
        return chosen
    return invitation.language or invitation.round.survey.language or settings.LANGUAGE_CODE


def answer(request, token):
    invitation = get_invitation_by_token(token)
    language = _language(request, invitation)
    with translation.override(language):
        response = _answer(request, invitation)
    response.headers["Content-Language"] = language
    return response


def _answer(request, invitation):
    round_ = invitation.round
    survey = round_.survey
    context = {
        "invitation": invitation,
        "survey": survey,
        "round": round_,
        "today": timezone.localdate(),
    }
    if invitation.status == Invitation.Status.COMPLETED:
        if request.method == "POST":
            context["notice"] = _("Your answers were already submitted. Nothing was changed.")
        return render(request, "surveys/answer_done.html", context)
    if not round_.is_open():
        return render(request, "surveys/answer_closed.html", context, status=410)

    items, questions = questions_for(invitation)
    errors = {}
    if request.method == "POST":
        current, errors, stored = _post(request, invitation, items, questions)
        if stored and request.POST.get("action") == "submit":
            return render(request, "surveys/answer_done.html", context)
        if stored:
            context["saved"] = True
            invitation.status = Invitation.Status.STARTED
    else:
        current = _saved_values(invitation)
    kind = invitation.rater_group.kind
    sections, open_fields = _sections(items, questions, current, errors, kind)
    context.update(
        {
            "intro": round_.version.intro_for(kind),
            "sections": sections,
            "open_fields": open_fields,
            "form_error": errors.get("__all__"),
            "field_errors": [(k, v) for k, v in errors.items() if k != "__all__"],
            "item_count": len(items),
        }
    )
    return render(request, "surveys/answer.html", context, status=400 if errors else 200)
