"""The closed loop for development points sent from a team's fragile or missing competence
(see development/measures.py): the coverage when the point was made and now.

"Then" needs nothing stored: a point is only sent from a fragile (one holder) or missing (no
holder) cell, and its source says which. "Now" is recomputed with competences/coverage.py over
the team's current members and agreed levels, read for all points at once (two queries,
whatever the number of goals)."""

from django.utils.translation import gettext as _

from development.measures import IMPROVED, NOT_YET, Measure
from organisations.models import TeamMembership

from .coverage import SEVERITY, SYMBOLS, Rules, Status, status
from .models import Competence, CoverageRule, Rating

THEN = {"competence_fragile": (Status.FRAGILE, 1), "competence_missing": (Status.MISSING, 0)}


def _team_id(point):
    if point.team_id is not None:
        return point.team_id
    head = point.key.partition(":")[0]
    return int(head) if head.isdigit() else None


def _coverage(cell_status, holders, rule) -> str:
    return _("%(symbol)s %(status)s (%(holders)s of %(people)s people at level %(level)s+)") % {
        "symbol": SYMBOLS[cell_status],
        "status": Status(cell_status).label,
        "holders": holders,
        "people": rule.min_people,
        "level": rule.min_level,
    }


def measures(points) -> dict:
    mine = [
        p
        for p in points
        if isinstance(p.origin, Competence) and p.source in THEN and _team_id(p) is not None
    ]
    if not mine:
        return {}
    team_ids = {_team_id(p) for p in mine}
    # Only members with an agreed level can hold a competence: one query over the team links
    # joined to those levels.
    levels = {}
    for team_id, member, competence, level in TeamMembership.objects.filter(
        team_id__in=team_ids,
        membership__competence_ratings__competence_id__in={p.object_id for p in mine},
        membership__competence_ratings__kind=Rating.Kind.AGREED,
        membership__competence_ratings__is_current=True,
    ).values_list(
        "team_id",
        "membership_id",
        "membership__competence_ratings__competence_id",
        "membership__competence_ratings__level",
    ):
        levels.setdefault((team_id, competence), {})[member] = level
    rules = {}
    for row in CoverageRule.objects.filter(organisation_id__in={p.organisation_id for p in mine}):
        rules.setdefault(row.organisation_id, []).append(row)
    found = {}
    for point in mine:
        team_id = _team_id(point)
        competence = point.origin
        rule = Rules.from_rows(rules.get(point.organisation_id, [])).for_cell(
            team_id, competence.pk
        )
        holders = sum(
            1
            for level in levels.get((team_id, competence.pk), {}).values()
            if level >= rule.min_level
        )
        now = status(holders, rule)
        then, then_holders = THEN[point.source]
        label = _("%(competence)s in %(team)s") % {
            "competence": competence.name,
            "team": point.team.name if point.team_id else team_id,
        }
        found[point.pk] = Measure(
            label=label,
            outcome=IMPROVED if SEVERITY[now] < SEVERITY[then] else NOT_YET,
            before=_coverage(then, then_holders, rule),
            after=_coverage(now, holders, rule),
            detail=_("the rule is met") if now == Status.ASSURED else _("the rule is not met yet"),
        )
    return found
