"""Reads for organisations, teams and people. Each list's query count is independent of its
size."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from .models import Membership, Organisation, Team, TeamMembership


def _members_prefetch() -> Prefetch:
    return Prefetch(
        "team_memberships",
        queryset=TeamMembership.objects.select_related("membership__user").order_by(
            "-is_home", "membership__user__last_name", "membership__user__first_name"
        ),
    )


def team_list(*, organisation: Organisation) -> QuerySet[Team]:
    """The school's teams with their members (home members first) and counts."""
    return (
        organisation.teams.annotate(
            member_count=Count("team_memberships", distinct=True),
            home_count=Count(
                "team_memberships", filter=Q(team_memberships__is_home=True), distinct=True
            ),
        )
        .prefetch_related(_members_prefetch())
        .order_by("name")
    )


def team_members(*, team: Team) -> QuerySet[TeamMembership]:
    """A team's members, home members first."""
    return team.team_memberships.select_related("membership__user").order_by(
        "-is_home", "membership__user__last_name", "membership__user__first_name"
    )


def people_list(*, organisation: Organisation, query: str = "") -> QuerySet[Membership]:
    """The organisation's people with their teams, filtered by name, email or function."""
    people = (
        organisation.memberships.filter(is_active=True)
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "team_memberships",
                queryset=TeamMembership.objects.select_related("team").order_by(
                    "-is_home", "team__name"
                ),
            )
        )
        .order_by("user__last_name", "user__first_name", "pk")
    )
    for word in query.split()[:5]:
        people = people.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
            | Q(function__icontains=word)
        )
    return people


def person_teams(*, membership: Membership) -> QuerySet[TeamMembership]:
    return membership.team_memberships.select_related("team").order_by("-is_home", "team__name")


def person_colleague_count(*, membership: Membership) -> int:
    return (
        Membership.objects.filter(
            team_memberships__team__team_memberships__membership=membership, is_active=True
        )
        .exclude(pk=membership.pk)
        .distinct()
        .count()
    )


def organisation_overview(*, organisation: Organisation) -> dict:
    """Headline figures for an organisation's overview page, in a fixed number of queries."""
    people = organisation.memberships.filter(is_active=True)
    figures = people.aggregate(
        staff=Count("pk"),
        without_home=Count(
            "pk",
            filter=~Exists(TeamMembership.objects.filter(membership=OuterRef("pk"), is_home=True)),
        ),
    )
    figures["teams"] = organisation.teams.count()
    figures["roles"] = dict(people.values_list("role").annotate(n=Count("pk")).order_by("role"))
    return figures


def people_without_home_team(*, organisation: Organisation, limit: int = 10):
    return list(
        organisation.memberships.filter(is_active=True)
        .exclude(team_memberships__is_home=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")[:limit]
    )


def community_schools(*, organisation: Organisation) -> QuerySet[Organisation]:
    return organisation.children.annotate(
        staff=Count("memberships", filter=Q(memberships__is_active=True), distinct=True),
        team_count=Count("teams", distinct=True),
    ).order_by("name")
