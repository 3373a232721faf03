"""Reads for charters and the decision matrix; each page's query count is independent of the
number of teams, members and rows."""

from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf

from organisations.models import Organisation, Team
from organisations.selectors import team_members

from .models import MOVED_OWNERS, Charter, Decision, MissionVersion, TeamDecision

MISSION_HISTORY = 20  # the charter lists this many earlier mission texts


def charter_of(team: Team) -> Charter:
    """The team's charter, or an unsaved empty one."""
    return Charter.objects.filter(team=team).first() or Charter(team=team)


def charter_members(*, team: Team):
    """The team's members with their people and their role in the team."""
    return team_members(team=team).select_related("team_role")


def mission_history(*, team: Team) -> QuerySet[MissionVersion]:
    return team.mission_versions.select_related("created_by")[:MISSION_HISTORY]


def team_decisions(*, team: Team) -> QuerySet[Decision]:
    """The school's rows that the team decides itself or together with the leadership, with
    `team_owner` (the owner for this team) and `team_moved_on` (when it moved)."""
    choice = TeamDecision.objects.filter(decision=OuterRef("pk"), team=team)
    return (
        Decision.objects.filter(organisation_id=team.organisation_id)
        .annotate(
            team_owner=Coalesce(
                Subquery(choice.values("owner")[:1]), NullIf(F("owner"), Value(""))
            ),
            team_moved_on=Coalesce(Subquery(choice.values("moved_on")[:1]), F("moved_on")),
        )
        .filter(team_owner__in=MOVED_OWNERS)
        .order_by("theme", "position", "name", "pk")
    )


def matrix_teams(*, organisation: Organisation) -> list[Team]:
    return list(organisation.teams.order_by("name", "pk"))


def matrix_decisions(*, organisation: Organisation, theme: str | None = None) -> list[Decision]:
    """The school's rows by theme (or one theme's), each with its teams' own choices in
    `team_owners`."""
    decisions = organisation.decisions.all()
    if theme is not None:
        decisions = decisions.filter(theme=theme)
    return list(
        decisions.prefetch_related(
            Prefetch("team_owners", TeamDecision.objects.order_by("team_id"))
        ).order_by("theme", "position", "name", "pk")
    )


def matrix_themes(*, organisation: Organisation) -> list[str]:
    return list(organisation.decisions.order_by("theme").values_list("theme", flat=True).distinct())
