"""Reads for charters and the decision matrix; each page's query count is independent of the
number of teams, members and rows."""

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext as _

from organisations.models import Organisation, Team
from organisations.selectors import team_members

from . import charts, goals
from .models import (
    MOVED_OWNERS,
    Appreciation,
    Charter,
    Decision,
    GoalMeasurement,
    MissionVersion,
    TeamDecision,
    TeamGoal,
)

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


# Team goals ------------------------------------------------------------------------------------

CHART_POINTS = 24  # a goal's chart and table show its latest measurements, this many


@dataclass
class GoalCard:
    """A goal as the charter shows it: its latest measurements (oldest first), its standing
    and its chart."""

    goal: TeamGoal
    measurements: list
    standing: goals.Standing
    chart: dict


def goal_card(goal: TeamGoal, today) -> GoalCard:
    """Over `goal.recent_measurements` (newest first, as team_goals reads them)."""
    measurements = list(reversed(goal.recent_measurements))
    latest = measurements[-1] if measurements else None
    standing = goals.standing(goal, latest and latest.value, latest and latest.date, today=today)
    chart = charts.trend_chart(
        title=_("Trend of %(goal)s") % {"goal": goal.title},
        kind=goal.kind,
        scale_max=goal.scale_max,
        unit=goal.unit,
        baseline=goal.baseline,
        target=goal.target,
        points=[(m.date, m.value) for m in measurements],
    )
    return GoalCard(goal, measurements, standing, chart)


def _sent_to_points():
    """Whether the goal was sent to the development points, as a subquery (no query of its
    own: the content type is matched by its name)."""
    from development.models import DevelopmentPoint

    return Exists(
        DevelopmentPoint.objects.filter(
            content_type__app_label="teams",
            content_type__model="teamgoal",
            object_id=OuterRef("pk"),
        )
    )


def team_goals(*, team_ids) -> QuerySet[TeamGoal]:
    """The goals of these teams, each with its latest CHART_POINTS measurements (newest first)
    in `recent_measurements`: two queries, however many goals and measurements."""
    recent = GoalMeasurement.objects.order_by("-date", "-pk")[:CHART_POINTS]
    return (
        TeamGoal.objects.filter(team_id__in=team_ids)
        .prefetch_related(Prefetch("measurements", recent, to_attr="recent_measurements"))
        .annotate(sent_to_points=_sent_to_points())
        .order_by("deadline", "title", "pk")
    )


def goal_cards(*, team: Team, today) -> list[GoalCard]:
    return [goal_card(goal, today) for goal in team_goals(team_ids=[team.pk])]


def goal_with_measurements(*, goal: TeamGoal) -> TeamGoal:
    """The goal again, with its recent measurements, for its card alone."""
    return team_goals(team_ids=[goal.team_id]).filter(pk=goal.pk).select_related("team").get()


def school_goals_latest(*, organisation: Organisation) -> QuerySet[TeamGoal]:
    """Every goal of the school's teams with its team and its latest measurement's value and
    date (`latest_value`, `latest_date`) annotated: one query."""
    latest = GoalMeasurement.objects.filter(goal=OuterRef("pk")).order_by("-date", "-pk")
    return (
        TeamGoal.objects.filter(team__organisation=organisation)
        .select_related("team")
        .annotate(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_date=Subquery(latest.values("date")[:1]),
            sent_to_points=_sent_to_points(),
        )
        .order_by("team__name", "deadline", "title", "pk")
    )


# Appreciation ----------------------------------------------------------------------------------

APPRECIATION_SHOWN = 30  # the charter shows this many of the newest notes


def team_appreciations(*, team: Team, access, member_ids) -> QuerySet[Appreciation]:
    """The newest notes for the team and for its members (`member_ids`: their membership ids)
    that the viewer may read: those for the whole school, their own, the team's when they are
    in it, and those for themselves. One query."""
    own = access.membership
    readable = Q(visibility=Appreciation.Visibility.SCHOOL)
    if own is not None:
        readable |= Q(author_id=own.user_id) | Q(membership_id=own.pk)
        if own.pk in member_ids:
            readable |= Q(team=team)
    return (
        Appreciation.objects.filter(organisation_id=team.organisation_id)
        .filter(Q(team=team) | Q(membership_id__in=member_ids))
        .filter(readable)
        .select_related("author", "membership__user")
        .order_by("-created_at", "-pk")[:APPRECIATION_SHOWN]
    )
