"""The closed loop for development points sent from an off-track team goal (see
development/measures.py): the goal's baseline and target, its latest measurement, and whether
the target is reached (teams/goals.py), read for all points at once in one query."""

from django.db.models import OuterRef, Subquery
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from development.measures import IMPROVED, NO_NEW, NOT_YET, Measure

from .charts import value_text
from .goals import better_or_equal
from .models import GoalMeasurement, TeamGoal


def measures(points) -> dict:
    mine = [p for p in points if isinstance(p.origin, TeamGoal)]
    if not mine:
        return {}
    latest = GoalMeasurement.objects.filter(goal=OuterRef("pk")).order_by("-date", "-pk")
    goals = {
        goal.pk: goal
        for goal in TeamGoal.objects.filter(pk__in={p.object_id for p in mine})
        .select_related("team")
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_date=Subquery(latest.values("date")[:1]),
        )
    }
    found = {}
    for point in mine:
        goal = goals.get(point.object_id)
        if goal is None:
            continue
        label = _("team goal “%(goal)s” of %(team)s") % {"goal": goal.title, "team": goal.team.name}
        target = _("target %(target)s") % {"target": value_text(goal.target, goal.unit)}
        before = _("baseline %(baseline)s") % {"baseline": value_text(goal.baseline, goal.unit)}
        if goal.latest_value is None:
            found[point.pk] = Measure(label=label, outcome=NO_NEW, detail=target)
            continue
        reached = better_or_equal(goal, goal.latest_value, goal.target)
        found[point.pk] = Measure(
            label=label,
            outcome=IMPROVED if reached else NOT_YET,
            before=before,
            after=_("%(value)s on %(date)s")
            % {
                "value": value_text(goal.latest_value, goal.unit),
                "date": date_format(goal.latest_date, "j F Y"),
            },
            detail=_("%(target)s: reached") % {"target": target}
            if reached
            else _("%(target)s: not reached yet") % {"target": target},
        )
    return found
