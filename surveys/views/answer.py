"""The public answer page behind a personal token link (no account needed)."""

from itertools import groupby

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import LeerkringError

from ..access import get_invitation_by_token
from ..answering import UNKNOWN, answers_store, find_response, parse_post, questions_for
from ..models import Invitation


def _sections(items, questions, current: dict, errors: dict):
    """The form grouped per dimension, and per statement within it (the dialogue asks one
    statement on two scales)."""
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
                        "points": [(str(v), label) for v, label in points],
                        "current": current.get(name, ""),
                        "error": errors.get(name),
                    }
                )
            statements.append({"text": group[0].text, "fields": fields, "id": group[0].pk})
        sections.append({"dimension": dimension, "statements": statements})
    open_fields = [
        {
            "question": q,
            "name": f"q{q.pk}",
            "current": current.get(f"q{q.pk}", ""),
            "error": errors.get(f"q{q.pk}"),
        }
        for q in questions
    ]
    return sections, open_fields


def _saved_values(response) -> dict:
    if response is None:
        return {}
    current = {
        f"i{a.item_id}": UNKNOWN if a.value is None else str(a.value)
        for a in response.answers.all()
    }
    current.update({f"q{c.question_id}": c.text for c in response.comments.all()})
    return current


def answer(request, token):
    invitation = get_invitation_by_token(token)
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
    response = find_response(invitation)
    current = _saved_values(response)
    errors = {}
    if request.method == "POST":
        submit = request.POST.get("action") == "submit"
        if request.POST.get("round") != str(round_.pk):
            errors["__all__"] = _(
                "This form belongs to another survey. Open the link from your email again."
            )
        else:
            parsed = parse_post(
                request.POST, items, questions, submit=submit, saved=set(_answered(response))
            )
            errors = parsed.errors
            current = {**current, **parsed.raw}
            try:
                answers_store(invitation=invitation, items=items, parsed=parsed, submit=submit)
            except LeerkringError as error:
                errors.setdefault("__all__", error.message)
            else:
                if submit:
                    return render(request, "surveys/answer_done.html", context)
                context["saved"] = True
                invitation.status = Invitation.Status.STARTED
    sections, open_fields = _sections(items, questions, current, errors)
    context.update(
        {
            "sections": sections,
            "open_fields": open_fields,
            "form_error": errors.get("__all__"),
            "field_errors": [(k, v) for k, v in errors.items() if k != "__all__"],
            "item_count": len(items),
        }
    )
    return render(request, "surveys/answer.html", context, status=400 if errors else 200)


def _answered(response):
    if response is None:
        return []
    return response.answers.values_list("item_id", flat=True)
