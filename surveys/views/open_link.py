"""Open links: the leader turns one on, closes or renews it per stakeholder group of the
current round; anyone with the address answers once per browser."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from core.ratelimit import allow, visitor_key
from organisations.access import organisation_view

from .. import open_links, selectors
from ..access import get_open_link_by_token, get_survey_for_access
from ..answering import parse_post, questions_for_kind
from .answer import _as_field, _sections, saved_fields

# Posts per link and address per minute: a class of pupils behind one school router answers
# at once, a script does not get far.
POSTS_PER_MINUTE = 60
ACTIONS = {
    "open": (open_links.open_link_open, gettext_lazy("The open link is on.")),
    "renew": (
        open_links.open_link_renew,
        gettext_lazy("A new open link was made; the old one is closed."),
    ),
    "close": (open_links.open_link_close, gettext_lazy("The open link is closed.")),
}


@require_POST
@organisation_view()
def open_link_set(request, pk, group_pk):
    """Open, renew or close the open link of a stakeholder group in the current round."""
    survey, can_manage = get_survey_for_access(request.access, pk)
    if not can_manage:
        raise PermissionDenied
    group = survey.rater_groups.filter(pk=group_pk).first()
    action = ACTIONS.get(request.POST.get("action", ""))
    if group is None or action is None:
        raise Http404
    service, done = action
    current = selectors.survey_rounds(survey=survey)[-1]
    try:
        service(round_=current, group=group, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, str(done))
    return redirect(f"{survey_url(request, survey)}#open-links")


def survey_url(request, survey):
    kwargs = {"slug": request.organisation.slug, "pk": survey.pk}
    return reverse("surveys:survey_detail", kwargs=kwargs)


def open_answer(request, token):
    link = get_open_link_by_token(token)
    survey = link.round.survey
    chosen = request.GET.get("lang")
    if chosen not in dict(settings.LANGUAGES):
        chosen = survey.language or settings.LANGUAGE_CODE
    with translation.override(chosen):
        response = _open_answer(request, link)
    response.headers["Content-Language"] = chosen
    response.headers["Cache-Control"] = "no-store"
    return response


def _saved_values(link, key) -> dict:
    return saved_fields(*open_links.draft_answers(link=link, key=key))


def _done(request, context, state, *, notice="", status=200):
    if notice:
        context["notice"] = notice
    response = render(request, "surveys/answer_done.html", context, status=status)
    open_links.device_store(response, state)
    return response


def _open_answer(request, link):
    round_ = link.round
    context = {
        "survey": round_.survey,
        "round": round_,
        "open_link": link,
        "today": timezone.localdate(),
    }
    posted = request.method == "POST"
    if not link.active:
        return render(request, "surveys/open_link_closed.html", context, status=410)
    state = open_links.device_state(request)
    if open_links.answered(state, link):
        notice = _("This device already answered this survey. Nothing was stored.")
        return _done(request, context, state, notice=notice, status=409 if posted else 200)
    if not round_.is_open():
        return render(request, "surveys/answer_closed.html", context, status=410)

    kind = link.rater_group.kind
    items, questions = questions_for_kind(round_.version, kind)
    errors, status = {}, 200
    if not posted:
        current = _saved_values(link, open_links.saved_key(state, link))
    elif request.POST.get("round") != str(round_.pk):
        current = parse_post(request.POST, items, questions, submit=False).raw
        errors = {"__all__": _("This form belongs to another survey. Open the link again.")}
    elif not allow(
        "survey-open-link", f"{link.token}:{visitor_key(request)}", limit=POSTS_PER_MINUTE
    ):
        current = parse_post(request.POST, items, questions, submit=False).raw
        errors = {
            "__all__": _(
                "Very many answers arrive from your network at this moment. Wait a minute and "
                "send again: your answers are still on this page."
            )
        }
        status = 429
    else:
        key = open_links.draft_key(state, link)
        submit = request.POST.get("action") == "submit"
        try:
            stored = open_links.open_answers_post(
                link=link,
                key=key,
                items=items,
                questions=questions,
                data=request.POST,
                submit=submit,
            )
        except open_links.AlreadySubmitted:
            open_links.mark_answered(state, link)
            notice = _("Your answers were already submitted. Nothing was changed.")
            return _done(request, context, state, notice=notice, status=409)
        except LeerkringError as error:
            current = {
                **_saved_values(link, key),
                **parse_post(request.POST, items, questions, submit=False).raw,
            }
            errors = {"__all__": error.message}
        else:
            previous = {f"i{pk}": _as_field(value) for pk, value in stored.previous.items()}
            current = {**previous, **stored.parsed.raw}
            errors = dict(stored.parsed.errors)
            if errors:
                errors["__all__"] = _("Some answers need your attention.")
            elif submit:
                open_links.mark_answered(state, link)
                return _done(request, context, state)
            else:
                context["saved"] = True
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
    if errors and status == 200:
        status = 400
    response = render(request, "surveys/answer.html", context, status=status)
    if posted:
        open_links.device_store(response, state)
    return response
