"""The results of a report page, computed once per state of its finished rounds.

A report only shows finished rounds, whose answers can no longer change, so every view
computes the same numbers until something the report rests on changes: a round closing,
the number of submitted responses, a rater group's threshold, the instrument version of each
round or the reader's language (the labels inside the results are translated). All of these
are part of the cache key, so a change makes a new entry and nothing has to be invalidated by
hand. A view then costs the access check, the audit entry and two small queries for the key
(the rounds with their state, the thresholds) instead of aggregating every answer again.

The cache holds the results as data (rows, summaries, charts, comments), never the
pseudonymous keys behind the numbers: those are dropped before the results are stored. The
page is rendered from the results on every view, with the reader's own form tokens and the
development points already sent.
"""

import hashlib

from django.core.cache import cache
from django.utils import translation

from development.selectors import points_from

from . import selectors
from .models import Round, Survey
from .points import attach
from .reports import chosen_round, report_context

CACHE_SECONDS = 24 * 60 * 60
# What report_context gives besides the results: the page reads these itself.
_PAGE_KEYS = ("survey", "rounds", "pending", "finished")


def _key(survey: Survey, finished: list, chosen, thresholds=None) -> str:
    """A digest of everything the results depend on. The rounds carry their number of
    submitted responses (a response cannot move to another rater group); one more query
    reads the groups' thresholds, unless the caller read them already."""
    state = (
        survey.pk,
        survey.created_at.isoformat(),  # a reused primary key is another survey
        [(r.pk, r.number, r.version_id, r.submitted) for r in finished],
        chosen.pk,
        selectors.group_thresholds(survey=survey) if thresholds is None else thresholds,
        translation.get_language(),
    )
    digest = hashlib.sha256(repr(state).encode()).hexdigest()
    return f"surveys:report:{survey.pk}:{digest}"


def _results(survey: Survey, rounds: list, chosen) -> dict:
    """The results of the chosen finished round (and the comparison of the rounds), without
    the raters behind them."""
    context = report_context(survey, chosen.number, rounds=rounds)
    results = {key: value for key, value in context.items() if key not in _PAGE_KEYS}
    results["current"].forget_raters()
    return results


def report_page(
    survey: Survey, round_number=None, *, can_propose: bool, rounds=None, thresholds=None
) -> dict:
    """The context of the report page: its heading, the round switch and the results of the
    chosen finished round (the latest by default), from the cache when possible. A caller
    reading the reports of several surveys passes each one's `rounds` (from
    `selectors.report_rounds_of`) and `thresholds` (`selectors.group_thresholds_of`)."""
    if rounds is None:
        rounds = selectors.report_rounds(survey=survey)
    finished = [r for r in rounds if r.is_finished()]
    page = {
        "survey": survey,
        "pending": [r for r in rounds if not r.is_finished()],
        "finished": finished,
        "current": None,
    }
    if not finished:
        return page
    chosen = page["chosen"] = chosen_round(finished, round_number)
    key = _key(survey, finished, chosen, thresholds)
    results = cache.get(key)
    if results is None:
        results = _results(survey, rounds, chosen)
        cache.set(key, results, CACHE_SECONDS)
    page.update(results)
    if can_propose:
        sent = points_from(Round).filter(object_id=chosen.pk).order_by()
        attach(page, set(sent.values_list("source", "key")) if chosen.points else set())
        page["can_propose"] = True
    return page
