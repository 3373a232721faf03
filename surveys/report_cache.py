"""The results part of a report page, rendered once per state of its finished rounds.

A report only shows finished rounds, whose answers can no longer change, so every view
computes the same numbers until something the report rests on changes: a round closing,
the number of submitted responses, a rater group's threshold, the instrument version, the
reader's language or the development points already sent. All of these are part of the
cache key, so a change makes a new entry and nothing has to be invalidated by hand. A view
then costs the access check, the audit entry and two small queries for the key (the
rounds with their state, the thresholds) instead of aggregating every answer again.

Only the rendered HTML is stored: never the pseudonymous keys behind the numbers. The entry
is shared by everyone who may read the report (access is checked before the cache is
consulted), so the one per-reader value inside it, the CSRF token of the "send to the plan"
forms, is stored as a random placeholder and filled in on every view.
"""

import hashlib
import secrets

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from . import selectors
from .models import DevelopmentPoint, Survey
from .points import attach
from .reports import chosen_round, report_context

CACHE_SECONDS = 24 * 60 * 60
RESULTS_TEMPLATE = "surveys/_report_results.html"


def _key(survey: Survey, finished: list, chosen, *, can_propose: bool, request) -> str:
    """A digest of everything the rendered results depend on. The rounds carry their number
    of submitted responses (a response cannot move to another rater group) and a stamp of
    the development points sent from them; one more query reads the groups' thresholds."""
    state = (
        survey.pk,
        survey.created_at.isoformat(),  # a reused primary key is another survey
        survey.version_id,
        [(r.pk, r.number, r.submitted) for r in finished],
        (chosen.pk, chosen.points, chosen.last_point),
        selectors.group_thresholds(survey=survey),
        can_propose,
        request.organisation.slug,
        translation.get_language(),
    )
    digest = hashlib.sha256(repr(state).encode()).hexdigest()
    return f"surveys:report:{survey.pk}:{digest}"


def _render_results(request, survey: Survey, rounds: list, chosen, *, can_propose: bool) -> dict:
    context = report_context(survey, chosen.number, rounds=rounds)
    if can_propose:
        sent = DevelopmentPoint.objects.filter(round=chosen).order_by()
        attach(context, set(sent.values_list("source", "code")))
        context["can_propose"] = True
    # A random placeholder nobody can type into a comment stands in for the reader's token.
    marker = secrets.token_urlsafe(24)
    html = render_to_string(RESULTS_TEMPLATE, {**context, "csrf_token": marker}, request)
    return {"html": html, "marker": marker}


def report_page(request, survey: Survey, round_number=None, *, can_propose: bool) -> dict:
    """The context of the report page: its heading, the round switch and the results of the
    chosen finished round (the latest by default) as HTML, from the cache when possible."""
    rounds = selectors.report_rounds(survey=survey)
    finished = [r for r in rounds if r.is_finished()]
    page = {
        "survey": survey,
        "pending": [r for r in rounds if not r.is_finished()],
        "finished": finished,
    }
    if not finished:
        page["results"] = render_to_string(RESULTS_TEMPLATE, {"current": None}, request)
        return page
    chosen = page["chosen"] = chosen_round(finished, round_number)
    key = _key(survey, finished, chosen, can_propose=can_propose, request=request)
    entry = cache.get(key)
    if entry is None:
        entry = _render_results(request, survey, rounds, chosen, can_propose=can_propose)
        cache.set(key, entry, CACHE_SECONDS)
    html = entry["html"]
    if can_propose:
        html = html.replace(entry["marker"], get_token(request))
    page["results"] = mark_safe(html)  # rendered by the template engine, escaped there
    return page
