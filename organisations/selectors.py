"""Reads for organisations, teams and people. Each list's query count is independent of its
size.

The team list, a team's page, the staff list and their API endpoints read their rows with
plain SQL (list_sql.py) into the small row types defined here, not into model instances:
these pages show a few columns, and on the bench (a school of 240 staff) building model
instances and compiling ORM queries cost several times what SQLite spends answering them.
organisations/tests/test_list_selectors.py holds each of them to the ORM query, or the rule,
it stands for.
"""

from dataclasses import dataclass, field
from typing import TypedDict

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from core.sql import RowPages, fetch, icontains, like_contains, with_ids

from .list_sql import LISTS, PEOPLE_SEARCH_COLUMNS
from .models import Membership, Organisation, Team, TeamMembership

PREVIEW_MEMBERS = 8  # the team list names this many members per team


def person_name(first_name: str, last_name: str, email: str) -> str:
    """A person's name as `str(user)` gives it (full name, else the email address), for rows
    read without a User instance."""
    return f"{first_name} {last_name}".strip() or email


# Row types -----------------------------------------------------------------------------------


@dataclass(slots=True)
class MemberPreview:
    """One name in a team card's member preview."""

    team_id: int
    name: str
    is_home: bool


@dataclass(slots=True)
class TeamCard:
    """A team on the team list, with its first members (home members first) unless the list
    was read without them."""

    id: int
    name: str
    mission: str
    member_count: int
    home_count: int  # members for whom this is their home team
    members_preview: list[MemberPreview] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.id


# Dicts rather than objects: templates look up a dict's keys without first failing an item
# lookup, which counts on a 50-row page. ninja's schemas read them as they read objects.


class TeamMemberRow(TypedDict):
    """A member on a team's page and in the API's team detail."""

    membership_id: int
    name: str
    function: str
    is_home: bool


class PersonTeam(TypedDict):
    """One of a person's teams."""

    id: int
    name: str
    is_home: bool


class PersonRow(TypedDict):
    """A person on the staff list and in the API's people endpoints."""

    id: int  # the membership
    name: str
    first_name: str
    last_name: str
    email: str
    role: str
    role_label: str  # the role's name in the active language
    function: str
    teams: list[PersonTeam]  # the home team first, then the others by name
    home_team: str  # its name, or ""
    other_teams: str  # their names, comma separated


# Teams ---------------------------------------------------------------------------------------


def team_list(*, organisation: Organisation, members_preview: bool = True) -> RowPages:
    """The school's teams by name, a page at a time (slice it, or give it to `paginate`), as
    TeamCards; unless `members_preview=False` (the API shows no members) each card names the
    team's first PREVIEW_MEMBERS members, home members first, read in one query per page."""

    def build(rows) -> list[TeamCard]:
        cards = [TeamCard(*row) for row in rows]
        if members_preview and cards:
            _add_previews({card.id: card for card in cards})
        return cards

    return RowPages(
        count_sql=LISTS["team_count"],
        page_sql=LISTS["team_page"],
        params=[organisation.pk],
        build=build,
    )


def _add_previews(cards: dict[int, TeamCard]) -> None:
    sql = with_ids(LISTS["team_previews"], cards)
    for team_id, is_home, first_name, last_name, email in fetch(sql, [*cards, PREVIEW_MEMBERS]):
        name = person_name(first_name, last_name, email)
        cards[team_id].members_preview.append(MemberPreview(team_id, name, bool(is_home)))


def team_members(*, team: Team) -> list[TeamMemberRow]:
    """A team's members, home members first, then by name."""
    return [
        {
            "membership_id": membership_id,
            "name": person_name(first_name, last_name, email),
            "function": function,
            "is_home": bool(is_home),
        }
        for membership_id, is_home, function, first_name, last_name, email in fetch(
            LISTS["team_members"], [team.pk]
        )
    ]


def team_candidates(*, team: Team) -> list[tuple[int, str, str]]:
    """The school's active people who are not in the team, by name: (membership id, name,
    function) for the team page's "add a member" choice, which is also what it accepts."""
    return [
        (pk, person_name(first_name, last_name, email), function)
        for pk, function, first_name, last_name, email in fetch(
            LISTS["team_candidates"], [team.organisation_id, team.pk]
        )
    ]


# People --------------------------------------------------------------------------------------


def people_list(*, organisation: Organisation, query: str = "") -> RowPages:
    """The organisation's active people by name, a page at a time (slice it, or give it to
    `paginate`), as PersonRows with their teams (one query per page). `query` keeps those
    whose name, email or function contains each of its first five words, ignoring case."""
    where, params = "", [organisation.pk]
    for word in query.split()[:5]:
        where += " AND (" + " OR ".join(icontains(c) for c in PEOPLE_SEARCH_COLUMNS) + ")"
        params += [like_contains(word)] * len(PEOPLE_SEARCH_COLUMNS)
    where_sql = LISTS["people_from"] + where
    select = "SELECT m.id, m.role, m.function, u.first_name, u.last_name, u.email"
    return RowPages(
        count_sql=f"SELECT COUNT(*) {where_sql}",
        page_sql=f"{select} {where_sql}{LISTS['people_order']}",
        params=params,
        build=_people_rows,
    )


def _people_rows(rows) -> list[PersonRow]:
    labels = {value: str(label) for value, label in Membership.Role.choices}
    people = {
        pk: {
            "id": pk,
            "name": person_name(first_name, last_name, email),
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "role": role,
            "role_label": labels.get(role, role),
            "function": function,
            "teams": [],
        }
        for pk, role, function, first_name, last_name, email in rows
    }
    if people:
        sql = with_ids(LISTS["people_teams"], people)
        for membership_id, team_id, name, is_home in fetch(sql, people):
            people[membership_id]["teams"].append(
                {"id": team_id, "name": name, "is_home": bool(is_home)}
            )
    for person in people.values():
        _add_team_names(person)
    return list(people.values())


def _add_team_names(person: PersonRow) -> None:
    teams = person["teams"]
    person["home_team"] = next((t["name"] for t in teams if t["is_home"]), "")
    person["other_teams"] = ", ".join(t["name"] for t in teams if not t["is_home"])


def person_row(*, membership: Membership) -> PersonRow:
    """One person (a membership with its user loaded) as the people list shows them."""
    user = membership.user
    person: PersonRow = {
        "id": membership.pk,
        "name": str(user),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": membership.role,
        "role_label": membership.get_role_display(),
        "function": membership.function,
        "teams": [
            {"id": link.team_id, "name": link.team.name, "is_home": link.is_home}
            for link in person_teams(membership=membership)
        ],
    }
    _add_team_names(person)
    return person


def person_teams(*, membership: Membership) -> QuerySet[TeamMembership]:
    """A person's team links with their teams, the home team first, then by name."""
    return membership.team_memberships.select_related("team").order_by("-is_home", "team__name")


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
