"""Reads for competences. Each page reads its rows in a fixed number of queries (competences,
members, current ratings, rules), whatever the number of teams and people; coverage is then
computed over those rows (competences/coverage.py)."""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, QuerySet, Value, When

from organisations.models import Membership, Organisation, Team, TeamMembership
from organisations.selectors import MEMBER_ORDER, person_name

from .access import frameworks_for
from .coverage import Rules
from .models import Competence, CoverageRule, Framework, Rating

HISTORY = 100  # a person's page lists this many earlier ratings


def frameworks(*, school: Organisation) -> list[Framework]:
    """The school's own frameworks first, then its community's."""
    return list(
        Framework.objects.filter(frameworks_for(school))
        .select_related("organisation")
        .annotate(
            own=Case(
                When(organisation=school, then=Value(0)), default=1, output_field=IntegerField()
            )
        )
        .order_by("own", "pk")
    )


def owned_frameworks(*, owner: Organisation) -> list[Framework]:
    """The frameworks a school or school community keeps itself, with their number of
    competences."""
    return list(
        Framework.objects.filter(organisation=owner)
        .annotate(competence_count=Count("competences"))
        .order_by("name", "pk")
    )


def competences(*, framework: Framework) -> list[Competence]:
    return list(framework.competences.order_by("order", "code", "pk"))


# Ratings -------------------------------------------------------------------------------------


def current_ratings(*, person: Membership, framework: Framework) -> dict:
    """{(competence id, kind): Rating} of the person's current ratings in the framework."""
    rows = Rating.objects.filter(
        membership=person, competence__framework=framework, is_current=True
    ).select_related("rated_by")
    return {(row.competence_id, row.kind): row for row in rows}


def rating_history(*, person: Membership, framework: Framework) -> QuerySet[Rating]:
    """The person's ratings in the framework, newest first."""
    return (
        Rating.objects.filter(membership=person, competence__framework=framework)
        .select_related("competence", "rated_by")
        .order_by("-created_at", "-pk")[:HISTORY]
    )


def agreed_levels(*, framework: Framework, memberships) -> dict:
    """{(membership id, competence id): level} of the current agreed levels. `memberships` is
    a queryset of Membership (read as a subquery) or a list of ids."""
    rows = Rating.objects.filter(
        competence__framework=framework,
        kind=Rating.Kind.AGREED,
        is_current=True,
        membership__in=memberships,
    ).values_list("membership_id", "competence_id", "level")
    return {(member, competence): level for member, competence, level in rows}


# Teams and the school ------------------------------------------------------------------------


def team_members(*, team: Team) -> list[TeamMembership]:
    return list(team.team_memberships.select_related("membership__user").order_by(*MEMBER_ORDER))


def school_teams(*, school: Organisation) -> list[Team]:
    return list(school.teams.order_by("name", "pk"))


@dataclass(frozen=True)
class LinkRow:
    team_id: int
    membership_id: int
    first_name: str
    last_name: str
    email: str

    @property
    def name(self) -> str:
        return person_name(self.first_name, self.last_name, self.email)


def school_link_rows(*, school: Organisation) -> list[LinkRow]:
    """`school_links` as plain rows (team, person and their name), for the pages that read
    every member of every team."""
    rows = (
        TeamMembership.objects.filter(team__organisation=school)
        .order_by("team_id", *MEMBER_ORDER)
        .values_list(
            "team_id",
            "membership_id",
            "membership__user__first_name",
            "membership__user__last_name",
            "membership__user__email",
        )
    )
    return [LinkRow(*row) for row in rows]


def school_member_ids(*, school: Organisation) -> QuerySet:
    """The ids of the people in the school's teams, as a subquery."""
    return TeamMembership.objects.filter(team__organisation=school).values("membership_id")


def members_by_team(teams, links) -> dict:
    """{team id: [membership ids]} with every team, also those without members."""
    result = {team.pk: [] for team in teams}
    for link in links:
        result.setdefault(link.team_id, []).append(link.membership_id)
    return result


def school_people_rows(*, school: Organisation):
    """The school's active people by name as (pk, first name, last name, email)."""
    return (
        school.memberships.filter(is_active=True)
        .order_by("user__last_name", "user__first_name", "pk")
        .values_list("pk", "user__first_name", "user__last_name", "user__email")
    )


def coverage_rules(*, school: Organisation) -> Rules:
    return Rules.from_rows(CoverageRule.objects.filter(organisation=school))


def rule_rows(*, school: Organisation) -> list[CoverageRule]:
    """The school's overrides with their team and competence, by team and competence."""
    return list(
        CoverageRule.objects.filter(organisation=school, team__isnull=False)
        .select_related("team", "competence")
        .order_by("team__name", "competence__order", "pk")
    )


def my_teams(*, access) -> list[Team]:
    """The teams of the user's own membership in the school, home team first."""
    if access.membership is None:
        return []
    return list(
        Team.objects.filter(team_memberships__membership=access.membership).order_by(
            "-team_memberships__is_home", "name"
        )
    )


def sent_points(*, school: Organisation, team: Team, competences) -> set:
    """The competence ids of this team already sent to the development points."""
    from django.contrib.contenttypes.models import ContentType

    from development.models import DevelopmentPoint

    codes = {f"{team.pk}:{c.code}": c.pk for c in competences}
    keys = DevelopmentPoint.objects.filter(
        organisation=school,
        content_type=ContentType.objects.get_for_model(Competence),
        key__in=list(codes),
    ).values_list("key", flat=True)
    return {codes[key] for key in keys}
