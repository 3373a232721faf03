"""Whether a team holds a competence, computed over rows already read.

A member holds a competence when their current agreed level is at least the rule's level.
A team's cell is:
- assured: at least the rule's number of people hold it;
- fragile: exactly one person holds it while the rule asks for more — a single point of
  failure;
- short: more than one person holds it, but fewer than the rule asks;
- missing: nobody holds it.
"If this person leaves" is the same computation with that person left out.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    ASSURED = "assured", _("assured")
    SHORT = "short", _("below the rule")
    FRAGILE = "fragile", _("fragile")
    MISSING = "missing", _("missing")


SYMBOLS = {Status.ASSURED: "✓", Status.SHORT: "△", Status.FRAGILE: "!", Status.MISSING: "✗"}
# From worst to best: what "becomes worse" means.
SEVERITY = {Status.MISSING: 3, Status.FRAGILE: 2, Status.SHORT: 1, Status.ASSURED: 0}
AT_RISK = (Status.FRAGILE, Status.MISSING)


@dataclass(frozen=True)
class Rule:
    min_people: int = 2
    min_level: int = 3


@dataclass
class Rules:
    """The school's default rule and the overrides per (team id, competence id)."""

    default: Rule = field(default_factory=Rule)
    overrides: dict = field(default_factory=dict)

    def for_cell(self, team_id, competence_id) -> Rule:
        return self.overrides.get((team_id, competence_id), self.default)

    @classmethod
    def from_rows(cls, rows) -> "Rules":
        """From CoverageRule rows (or anything with team_id, competence_id, min_people and
        min_level): the one without a team is the default."""
        rules = cls()
        for row in rows:
            rule = Rule(row.min_people, row.min_level)
            if row.team_id is None:
                rules.default = rule
            else:
                rules.overrides[(row.team_id, row.competence_id)] = rule
        return rules


@dataclass
class Cell:
    team_id: int
    competence_id: int
    rule: Rule
    holders: list  # membership ids holding the competence
    status: str

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.status]

    @property
    def label(self) -> str:
        return Status(self.status).label

    @property
    def at_risk(self) -> bool:
        return self.status in AT_RISK


def status(holders: int, rule: Rule) -> str:
    if holders >= rule.min_people:
        return Status.ASSURED
    if holders == 0:
        return Status.MISSING
    if holders == 1:
        return Status.FRAGILE
    return Status.SHORT


def team_cells(
    *, team_id, member_ids, competence_ids, levels: dict, rules: Rules, without=()
) -> dict:
    """{competence id: Cell} for one team. `levels` maps (membership id, competence id) to
    the current agreed level; people in `without` are left out."""
    left_out = set(without)
    members = [pk for pk in member_ids if pk not in left_out]
    cells = {}
    for competence_id in competence_ids:
        rule = rules.for_cell(team_id, competence_id)
        holders = [pk for pk in members if levels.get((pk, competence_id), 0) >= rule.min_level]
        cells[competence_id] = Cell(
            team_id, competence_id, rule, holders, status(len(holders), rule)
        )
    return cells


def school_cells(*, members_by_team: dict, competence_ids, levels, rules, without=()) -> dict:
    """{team id: {competence id: Cell}} for every team in `members_by_team` ({team id:
    [membership ids]})."""
    return {
        team_id: team_cells(
            team_id=team_id,
            member_ids=member_ids,
            competence_ids=competence_ids,
            levels=levels,
            rules=rules,
            without=without,
        )
        for team_id, member_ids in members_by_team.items()
    }


@dataclass
class Change:
    team_id: int
    competence_id: int
    before: Cell
    after: Cell


def if_leaves(*, person_id, members_by_team, competence_ids, levels, rules) -> list[Change]:
    """The cells that become fragile or missing (or worse than they were, among those) when
    this person leaves, in the order of the teams and competences given."""
    teams = {t: m for t, m in members_by_team.items() if person_id in m}
    before = school_cells(
        members_by_team=teams, competence_ids=competence_ids, levels=levels, rules=rules
    )
    after = school_cells(
        members_by_team=teams,
        competence_ids=competence_ids,
        levels=levels,
        rules=rules,
        without=[person_id],
    )
    changes = []
    for team_id, cells in after.items():
        for competence_id, cell in cells.items():
            old = before[team_id][competence_id]
            if cell.at_risk and SEVERITY[cell.status] > SEVERITY[old.status]:
                changes.append(Change(team_id, competence_id, old, cell))
    return changes


def count_at_risk(cells_by_team: dict) -> dict:
    """{status: number of cells} for fragile and missing."""
    counts = {Status.FRAGILE: 0, Status.MISSING: 0}
    for cells in cells_by_team.values():
        for cell in cells.values():
            if cell.status in counts:
                counts[cell.status] += 1
    return counts
