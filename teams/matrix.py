"""What the decision matrix means, worked out over rows already read: who owns a row for each
team, which rows moved to the teams, which are unclear, and what moved in which school year.

Definitions, shown on the page as well:
- A team's owner of a row is the team's own choice where it has one, else the school's default.
- A row has moved to the teams when its owner, for at least one team, is the team or "together".
- A row is unclear when a team has no owner for it (no school default and no choice of its
  own), or when it conflicts: a team's choice is the opposite of the school's default (the
  school says its leadership decides, the team says it decides alone, or the other way round).
"""

import datetime
from dataclasses import dataclass, field

from .models import MOVED_OWNERS, Owner

SCHOOL_YEAR_START_MONTH = 9  # a Flemish school year runs from 1 September


def school_year(day: datetime.date) -> str:
    start = day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1
    return f"{start}–{start + 1}"


OPPOSITES = {(Owner.LEADERSHIP, Owner.TEAM), (Owner.TEAM, Owner.LEADERSHIP)}


@dataclass
class Cell:
    team: object
    choice: object  # the team's TeamDecision, or None: the school's default applies
    owner: str  # the owner that applies to this team ("" for nobody)
    default: str = ""  # the school's default owner of the row

    @property
    def conflicts(self) -> bool:
        return self.choice is not None and (self.owner, self.default) in OPPOSITES


@dataclass
class Row:
    decision: object
    cells: list[Cell] = field(default_factory=list)

    @property
    def ownerless(self) -> list:
        return [cell.team for cell in self.cells if not cell.owner]

    @property
    def conflicts(self) -> list:
        return [cell.team for cell in self.cells if cell.conflicts]

    @property
    def no_owner(self) -> bool:
        return not self.decision.owner and (not self.cells or bool(self.ownerless))

    @property
    def unclear(self) -> bool:
        return self.no_owner or bool(self.conflicts)

    @property
    def moved_teams(self) -> list:
        return [cell.team for cell in self.cells if cell.owner in MOVED_OWNERS]

    @property
    def moved(self) -> bool:
        if not self.cells:  # a school without teams: its default says it all
            return self.decision.owner in MOVED_OWNERS
        return bool(self.moved_teams)

    @property
    def moved_for_every_team(self) -> bool:
        return self.moved and len(self.moved_teams) == len(self.cells)


def rows(decisions, teams) -> list[Row]:
    """A Row per decision; each decision has its `team_owners` prefetched."""
    result = []
    for decision in decisions:
        choices = {choice.team_id: choice for choice in decision.team_owners.all()}
        row = Row(decision)
        for team in teams:
            choice = choices.get(team.pk)
            owner = choice.owner if choice else decision.owner
            row.cells.append(Cell(team, choice, owner, default=decision.owner))
        result.append(row)
    return result


def by_theme(matrix_rows: list[Row]) -> list[tuple[str, list[Row]]]:
    """Rows grouped by theme, in the order they come (the decisions are read by theme)."""
    groups: list[tuple[str, list[Row]]] = []
    for row in matrix_rows:
        if not groups or groups[-1][0] != row.decision.theme:
            groups.append((row.decision.theme, []))
        groups[-1][1].append(row)
    return groups


@dataclass
class Move:
    decision: object
    team: object  # None: the school's default moved, for every team without a choice
    owner: str
    moved_on: datetime.date


def years(matrix_rows: list[Row]) -> list[tuple[str, list[Move]]]:
    """What moved to the teams, by school year of its moved date, the latest year first."""
    moves = []
    for row in matrix_rows:
        decision = row.decision
        if decision.owner in MOVED_OWNERS and decision.moved_on:
            moves.append(Move(decision, None, decision.owner, decision.moved_on))
        for cell in row.cells:
            choice = cell.choice
            if choice and choice.owner in MOVED_OWNERS and choice.moved_on:
                moves.append(Move(decision, cell.team, choice.owner, choice.moved_on))
    moves.sort(key=lambda move: (move.moved_on, move.decision.name), reverse=True)
    grouped: dict[str, list[Move]] = {}
    for move in moves:
        grouped.setdefault(school_year(move.moved_on), []).append(move)
    return list(grouped.items())
