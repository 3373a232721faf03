"""Reads for organisations, teams and people. Each list's query count is independent of its
size."""

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from .models import Membership, Organisation, Team, TeamMembership

# Only the columns the pages and the API show: a person's row skips the password hash and
# timestamps, which is most of the cost of turning 50 rows into objects.
USER_FIELDS = ("first_name", "last_name", "email")
PREVIEW_MEMBERS = 8  # the team list names this many members per team


def _members_preview() -> Prefetch:
    """The first members of each team (home members first), cut in SQL: a large school's
    team list does not load every member of every team."""
    return Prefetch(
        "team_memberships",
        queryset=TeamMembership.objects.select_related("membership__user")
        .only("team_id", "is_home", *(f"membership__user__{f}" for f in USER_FIELDS))
        .order_by("-is_home", "membership__user__last_name", "membership__user__first_name")[
            :PREVIEW_MEMBERS
        ],
        to_attr="members_preview",
    )


def team_list(*, organisation: Organisation, members_preview: bool = True) -> QuerySet[Team]:
    """The school's teams with counts and, unless `members_preview=False` (the API shows no
    members), their first members (home members first) as `members_preview`."""
    teams = (
        organisation.teams.only("organisation_id", "name", "mission")
        .annotate(
            member_count=Count("team_memberships"),
            home_count=Count("team_memberships", filter=Q(team_memberships__is_home=True)),
        )
        .order_by("name")
    )
    return teams.prefetch_related(_members_preview()) if members_preview else teams


def team_members(*, team: Team) -> QuerySet[TeamMembership]:
    """A team's members, home members first."""
    return team.team_memberships.select_related("membership__user").order_by(
        "-is_home", "membership__user__last_name", "membership__user__first_name"
    )


def _role_label() -> Case:
    """The role's label in the active language, as `get_role_display()` gives it. Done in SQL
    because `get_role_display()` rebuilds and hashes the translated choices on every call,
    a large part of rendering 50 rows."""
    whens = [When(role=value, then=Value(str(label))) for value, label in Membership.Role.choices]
    return Case(*whens, default=F("role"), output_field=CharField())


def people_list(*, organisation: Organisation, query: str = "") -> QuerySet[Membership]:
    """The organisation's people with their teams (home team first) and `role_label`,
    filtered by name, email or function."""
    people = (
        organisation.memberships.filter(is_active=True)
        .select_related("user")
        .only("organisation_id", "role", "function", *(f"user__{f}" for f in USER_FIELDS))
        .annotate(role_label=_role_label())
        .prefetch_related(
            Prefetch(
                "team_memberships",
                queryset=TeamMembership.objects.select_related("team")
                .only("membership_id", "team__name", "is_home")
                .order_by("-is_home", "team__name"),
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
    """Headline figures for an organisation's overview page: people per role (one grouped
    query also gives the total and those without a home team) and a school's teams."""
    without_home = ~Exists(TeamMembership.objects.filter(membership=OuterRef("pk"), is_home=True))
    rows = list(
        organisation.memberships.filter(is_active=True)
        .values("role")
        .annotate(n=Count("pk"), without_home=Count("pk", filter=without_home))
        .order_by("role")
    )
    return {
        "staff": sum(row["n"] for row in rows),
        "without_home": sum(row["without_home"] for row in rows),
        "teams": organisation.teams.count() if organisation.is_school else 0,
        "roles": {row["role"]: row["n"] for row in rows},
    }


def people_without_home_team(*, organisation: Organisation, limit: int = 10):
    return list(
        organisation.memberships.filter(is_active=True)
        .exclude(team_memberships__is_home=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")[:limit]
    )


def _count(queryset) -> Subquery:
    """A correlated COUNT(*) of `queryset` (filtered on OuterRef), 0 when empty."""
    counted = queryset.order_by().values(_group=Value(1)).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def community_schools(*, organisation: Organisation) -> QuerySet[Organisation]:
    """The community's schools with their staff and team counts. Each count is its own
    subquery: counting both over joins would multiply staff by teams before grouping."""
    return organisation.children.annotate(
        staff=_count(Membership.objects.filter(organisation=OuterRef("pk"), is_active=True)),
        team_count=_count(Team.objects.filter(organisation=OuterRef("pk"))),
    ).order_by("name")
