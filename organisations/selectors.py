"""Reads for organisations, teams and people. Each list's query count is independent of its
size."""

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from accounts.models import AuditEvent, User
from accounts.models import not_activated as accounts_not_activated

from .models import Membership, Organisation, Team, TeamMembership

PREVIEW_MEMBERS = 8  # the team list names this many members per team
# A team's members in the order the pages show them: home members first, then by name.
MEMBER_ORDER = ("-is_home", "membership__user__last_name", "membership__user__first_name", "pk")


def person_name(first_name: str, last_name: str, email: str) -> str:
    """A person's name as `str(user)` gives it (full name, else the email address), for rows
    read as values rather than User instances."""
    return f"{first_name} {last_name}".strip() or email


# Teams ---------------------------------------------------------------------------------------


def team_list(*, organisation: Organisation, members_preview: bool = True) -> QuerySet[Team]:
    """The school's teams by name with their member counts and, unless `members_preview=False`
    (the API shows no members), their first PREVIEW_MEMBERS members as `members_preview`."""
    teams = organisation.teams.annotate(
        member_count=Count("team_memberships"),
        home_count=Count("team_memberships", filter=Q(team_memberships__is_home=True)),
    ).order_by("name", "pk")
    if not members_preview:
        return teams
    # Sliced per team in SQL: a large school's list does not load every member of every team.
    preview = TeamMembership.objects.select_related("membership__user").order_by(*MEMBER_ORDER)
    return teams.prefetch_related(
        Prefetch("team_memberships", preview[:PREVIEW_MEMBERS], to_attr="members_preview")
    )


def team_members(*, team: Team) -> QuerySet[TeamMembership]:
    """A team's member links with their people, home members first, then by name."""
    return team.team_memberships.select_related("membership__user").order_by(*MEMBER_ORDER)


def team_candidates(*, team: Team) -> QuerySet[Membership]:
    """The school's active people who are not in the team, by name: what the team page's
    "add a member" choice offers, and so what it accepts."""
    return (
        team.organisation.memberships.filter(is_active=True)
        .exclude(team_memberships__team=team)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


# People --------------------------------------------------------------------------------------


def team_links() -> Prefetch:
    """A person's team links as `team_links`: the home team first, then by name."""
    links = TeamMembership.objects.select_related("team").order_by("-is_home", "team__name")
    return Prefetch("team_memberships", links, to_attr="team_links")


def people_list(
    *, organisation: Organisation, query: str = "", not_activated: bool = False
) -> QuerySet[Membership]:
    """The organisation's active people by name with their `team_links`. `query` keeps those
    whose name, email or function contains each of its first five words, ignoring case;
    `not_activated` those who have not activated their account."""
    people = organisation.memberships.filter(is_active=True)
    if not_activated:
        people = people.filter(accounts_not_activated("user__"))
    return (
        matching(people, query)
        .select_related("user")
        .prefetch_related(team_links())
        .order_by("user__last_name", "user__first_name", "pk")
    )


def matching(people: QuerySet[Membership], query: str) -> QuerySet[Membership]:
    """The people whose name, email or function contains each of the query's first five
    words, ignoring case."""
    for word in query.split()[:5]:
        people = people.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
            | Q(function__icontains=word)
        )
    return people


def staff_export(
    *, organisation: Organisation, query: str = "", not_activated: bool = False
) -> list[dict]:
    """The staff list's rows as plain values for a spreadsheet, in two queries whatever the
    staff's size: the people, then all their team links. Each row has the person's name,
    email, function, role, home team and other teams (names joined by ", ")."""
    # The staff list's own queryset, so the file holds exactly whom the page shows.
    people = people_list(
        organisation=organisation, query=query, not_activated=not_activated
    ).prefetch_related(None)
    rows = {
        row["pk"]: row
        for row in people.values(
            "pk", "function", "role", "user__first_name", "user__last_name", "user__email"
        )
    }
    teams = {pk: ([], []) for pk in rows}
    links = (
        TeamMembership.objects.filter(membership__in=people.values("pk"))
        .order_by("team__name", "pk")
        .values_list("membership_id", "is_home", "team__name")
    )
    for membership_id, is_home, team_name in links:
        teams[membership_id][0 if is_home else 1].append(team_name)
    roles = {value: str(label) for value, label in Membership.Role.choices}
    return [
        {
            "name": person_name(
                row["user__first_name"], row["user__last_name"], row["user__email"]
            ),
            "email": row["user__email"],
            "function": row["function"],
            "role": roles.get(row["role"], row["role"]),
            "home_team": ", ".join(teams[pk][0]),
            "other_teams": ", ".join(teams[pk][1]),
        }
        for pk, row in rows.items()
    ]


def person_teams(*, membership: Membership) -> QuerySet[TeamMembership]:
    """A person's team links with their teams, the home team first, then by name."""
    return membership.team_memberships.select_related("team").order_by("-is_home", "team__name")


def people_to_invite(
    *, organisation: Organisation, team: Team | None = None, membership: Membership | None = None
) -> QuerySet[User]:
    """The active people of the organisation (or of one team, or one person of it) who have
    not activated their account: whom an invitation is for."""
    # One filter() call, so team and person conditions apply to the same membership.
    conditions = {"memberships__organisation": organisation, "memberships__is_active": True}
    if team is not None:
        conditions["memberships__team_memberships__team"] = team
    if membership is not None:
        conditions["memberships"] = membership
    return (
        User.objects.filter(accounts_not_activated(), is_active=True, **conditions)
        .distinct()
        .order_by("last_name", "first_name", "pk")
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


def installation_organisations() -> QuerySet[Organisation]:
    """Every school community and provider of the installation, by name, with a community's
    number of schools."""
    return (
        Organisation.objects.exclude(kind=Organisation.Kind.SCHOOL)
        .annotate(school_count=Count("children"))
        .order_by("name", "pk")
    )


def audit_scope(organisation: Organisation) -> Q:
    """The audit events an organisation's administrators see: its own and, for a school
    community, those of its schools."""
    return Q(organisation=organisation) | Q(organisation__parent=organisation)


def audit_object_types(*, organisation: Organisation) -> list[str]:
    return list(
        AuditEvent.objects.filter(audit_scope(organisation))
        .order_by("object_type")
        .values_list("object_type", flat=True)
        .distinct()
    )


def audit_events(*, organisation: Organisation, filters: dict) -> QuerySet:
    """The organisation's audit events, newest first, with their actor and organisation in
    the same query; `filters` from `AuditFilterForm.filters()`."""
    events = AuditEvent.objects.filter(audit_scope(organisation)).select_related(
        "actor", "organisation"
    )
    person = filters.get("person")
    if person:
        events = events.filter(
            Q(actor__email__icontains=person)
            | Q(actor__first_name__icontains=person)
            | Q(actor__last_name__icontains=person)
        )
    if filters.get("object_type"):
        events = events.filter(object_type=filters["object_type"])
    if filters.get("date_from"):
        events = events.filter(created_at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        events = events.filter(created_at__date__lte=filters["date_to"])
    return events.order_by("-created_at", "-pk")
