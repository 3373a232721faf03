"""The closed loop for development points from a survey round (see development/measures.py):
the dimension's score in the round the point came from and in the round after it, read from
the report's own (cached) results, with the change the report names. The rounds and rater
groups behind the cache keys are read for all surveys at once (two queries, whatever the number
of surveys)."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from development.measures import IMPROVED, NO_NEW, NOT_YET, Measure

from . import selectors, stats
from .models import Round
from .report_cache import report_page

GROWTH = (stats.CLEAR_GROWTH, stats.SLIGHT_GROWTH)


def _score(summary) -> str:
    return (
        number_format(summary.mean, 2) if summary is not None and summary.mean is not None else "—"
    )


def measures(points) -> dict:
    by_survey = {}
    for point in points:
        if isinstance(point.origin, Round):
            by_survey.setdefault(point.origin.survey_id, []).append(point)
    if not by_survey:
        return {}
    surveys = [survey_points[0].origin.survey for survey_points in by_survey.values()]
    rounds = selectors.report_rounds_of(surveys=surveys)
    thresholds = selectors.group_thresholds_of(surveys=surveys)
    found = {}
    for survey in surveys:
        survey_points = by_survey[survey.pk]
        page = report_page(
            survey,
            can_propose=False,
            rounds=rounds[survey.pk],
            thresholds=thresholds[survey.pk],
        )
        comparison = page.get("comparison") or {}
        rows = {row["dimension"].code: row for row in comparison.get("rows", [])}
        finished = page.get("finished", [])
        for point in survey_points:
            label = _("“%(survey)s”, %(code)s") % {"survey": survey.title, "code": point.key}
            later = [r for r in finished if r.number > point.origin.number]
            row = rows.get(point.key)
            if not later or row is None:
                found[point.pk] = Measure(label=label, outcome=NO_NEW)
                continue
            change = row["paired"] or row["change"]
            found[point.pk] = Measure(
                label=label,
                outcome=IMPROVED if row["verdict"] in GROWTH else NOT_YET,
                before=_score(row["pre"]),
                after=_score(row["post"]),
                detail=(
                    _("%(word)s (paired change %(diff)s)")
                    if row["paired"]
                    else _("%(word)s (change %(diff)s)")
                )
                % {
                    "word": row["word"],
                    "diff": number_format(change.diff, 2, force_grouping=False) if change else "—",
                },
            )
    return found
