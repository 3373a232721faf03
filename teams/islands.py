"""Islands: how a school's teams are connected, and which teams and people stand alone.

Two teams are connected through the people they share (a person in both), the active PLG's
with members from both, and the PLG meetings attended by members of both. A connection's
strength counts all three. A team without any connection is an island team; a staff member
or coach who is only in their home team and in no active PLG is an island person.

Everything is read in four queries, whatever the number of teams: the teams, the school's team
memberships (with each person's role and name), their PLG memberships and those members'
meeting attendance (skipped when there is nothing to look up), each one pass over the rows,
grouped by person, PLG and meeting. The overview's island teams
are one query of their own (`island_teams`).
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from django.db.models import Exists, OuterRef

from communities.models import PLG, Attendance, PLGMember
from organisations.models import Membership, Organisation, Team, TeamMembership

PEOPLE_ROLES = (Membership.Role.STAFF, Membership.Role.COACH)


@dataclass
class Connection:
    """What two teams share."""

    team: Team
    other: Team
    people: int = 0
    plgs: list[str] = field(default_factory=list)
    meetings: int = 0

    @property
    def strength(self) -> int:
        return self.people + len(self.plgs) + self.meetings


@dataclass
class TeamLinks:
    """A team with its connections, each seen from this team (`link.other` is the far end)."""

    team: Team
    links: list["Link"] = field(default_factory=list)

    @property
    def is_island(self) -> bool:
        return not self.links


@dataclass(frozen=True)
class Link:
    other: Team
    connection: Connection


@dataclass(frozen=True)
class IslandPerson:
    pk: int  # the membership
    name: str
    function: str
    home_team: Team | None


@dataclass
class Collaboration:
    teams: list[TeamLinks]
    connections: list[Connection]
    island_people: list[IslandPerson]

    @property
    def island_teams(self) -> list[Team]:
        return [node.team for node in self.teams if node.is_island]

    def island_people_by_team(self) -> list[tuple[Team | None, list[IslandPerson]]]:
        """The island people grouped by home team, in the order of the teams."""
        groups = defaultdict(list)
        for person in self.island_people:
            groups[person.home_team].append(person)
        order = [node.team for node in self.teams if node.team in groups]
        return [(team, groups[team]) for team in order]


def _pairs(groups: dict, team_ids_of) -> dict[tuple[int, int], list]:
    """For each pair of teams, the groups (people, PLG's or meetings) that contain both: one
    pass over the groups, each contributing the pairs of its own teams."""
    shared = defaultdict(list)
    for key, members in groups.items():
        teams = set()
        for member in members:
            teams |= team_ids_of(member)
        for pair in combinations(sorted(teams), 2):
            shared[pair].append(key)
    return shared


def collaboration(*, organisation: Organisation) -> Collaboration:
    """The school's teams (by name) with their connections, the connections by strength, and
    the island people by name."""
    teams = list(organisation.teams.order_by("name", "pk"))
    by_pk = {team.pk: team for team in teams}

    person_teams: dict[int, set[int]] = defaultdict(set)
    home_of: dict[int, int] = {}
    about: dict[int, tuple] = {}  # person: (role, function, name)
    rows = TeamMembership.objects.filter(
        team__organisation=organisation, membership__is_active=True
    ).values_list(
        "membership_id",
        "team_id",
        "is_home",
        "membership__role",
        "membership__function",
        "membership__user__first_name",
        "membership__user__last_name",
        "membership__user__email",
    )
    for person, team, is_home, role, function, first, last, email in rows:
        person_teams[person].add(team)
        if is_home:
            home_of[person] = team
        about[person] = (role, function, first, last, email)

    # Only people in one of the school's teams can connect teams or be an island person, so
    # the PLG's and meetings are read from their memberships (and PLG memberships) by id:
    # PostgreSQL then walks the person and member indexes instead of hashing every PLG
    # member and attendance of the region.
    plg_people: dict[int, set[int]] = defaultdict(set)
    plg_names: dict[int, str] = {}
    person_of_member: dict[int, int] = {}
    rows = (
        PLGMember.objects.filter(
            person_id__in=sorted(person_teams),
            person__organisation=organisation,
            person__is_active=True,
            plg__status=PLG.Status.ACTIVE,
        )
        .order_by()
        .values_list("pk", "plg_id", "plg__name", "person_id")
    )
    for member, plg, name, person in rows:
        person_of_member[member] = person
        plg_people[plg].add(person)
        plg_names[plg] = name

    meeting_people: dict[int, set[int]] = defaultdict(set)
    # The member's person is known from the PLG memberships above: no join back to them.
    rows = Attendance.objects.filter(
        present=True, member_id__in=sorted(person_of_member)
    ).values_list("meeting_id", "member_id")
    for meeting, member in rows:
        meeting_people[meeting].add(person_of_member[member])

    def teams_of(person):
        return person_teams.get(person, set())

    connections: dict[tuple[int, int], Connection] = {}

    def connection(pair):
        if pair not in connections:
            connections[pair] = Connection(team=by_pk[pair[0]], other=by_pk[pair[1]])
        return connections[pair]

    people_groups = {person: [person] for person in person_teams}
    for pair, people in _pairs(people_groups, teams_of).items():
        connection(pair).people = len(people)
    for pair, plgs in _pairs(plg_people, teams_of).items():
        connection(pair).plgs = sorted(plg_names[plg] for plg in plgs)
    for pair, meetings in _pairs(meeting_people, teams_of).items():
        connection(pair).meetings = len(meetings)

    nodes = {team.pk: TeamLinks(team=team) for team in teams}
    ordered = sorted(connections.values(), key=lambda c: (-c.strength, c.team.name, c.other.name))
    for item in ordered:
        nodes[item.team.pk].links.append(Link(other=item.other, connection=item))
        nodes[item.other.pk].links.append(Link(other=item.team, connection=item))

    return Collaboration(
        teams=list(nodes.values()),
        connections=ordered,
        island_people=_island_people(person_teams, home_of, about, plg_people, by_pk),
    )


def _island_people(person_teams, home_of, about, plg_people, by_pk) -> list[IslandPerson]:
    """Staff members and coaches whose only team is their home team and who are in no active
    PLG, by name."""
    in_a_plg = set().union(*plg_people.values())
    found = []
    for person, teams in person_teams.items():
        role, function, first, last, email = about[person]
        if role not in PEOPLE_ROLES or person in in_a_plg or len(teams) != 1:
            continue
        if person not in home_of:
            continue
        found.append((last, first, person, function, email))
    return [
        IslandPerson(
            pk=person,
            name=f"{first} {last}".strip() or email,
            function=function,
            home_team=by_pk[home_of[person]],
        )
        for last, first, person, function, email in sorted(found)
    ]


def island_teams(*, organisation: Organisation) -> list[Team]:
    """The school's island teams (by name) in one query, for the overview: teams with no
    colleague in another team and no active PLG with an active member of another of the
    school's teams. A meeting attended by two teams' members is a PLG they share, so it needs
    no test of its own."""
    elsewhere = TeamMembership.objects.filter(
        membership__is_active=True, team__organisation_id=OuterRef("organisation_id")
    ).exclude(team=OuterRef("pk"))
    shares_a_person = elsewhere.filter(membership__team_memberships__team=OuterRef("pk"))
    shares_a_plg = elsewhere.filter(
        membership__plg_memberships__plg__status=PLG.Status.ACTIVE,
        membership__plg_memberships__plg__members__person__is_active=True,
        membership__plg_memberships__plg__members__person__team_memberships__team=OuterRef("pk"),
    )
    return list(
        organisation.teams.filter(~Exists(shares_a_person), ~Exists(shares_a_plg)).order_by(
            "name", "pk"
        )
    )


# The drawing: teams on a circle, connections as lines whose width grows with their strength.
WIDTH, HEIGHT = 720, 560
RADIUS = 190
NODE_RADIUS = 14
MIN_STROKE, MAX_STROKE = 1.5, 10.0


@dataclass(frozen=True)
class Node:
    team: Team
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str  # text-anchor of the label: start, middle or end
    is_island: bool


@dataclass(frozen=True)
class Edge:
    connection: Connection
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True)
class Geometry:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]


def geometry(result: Collaboration, *, width=WIDTH, height=HEIGHT, radius=RADIUS) -> Geometry:
    """Where each team and connection goes: the first team at the top, the others clockwise at
    equal angles; labels outside the circle, anchored away from it; line width from the
    thinnest (strength 1) to the thickest (the strongest connection)."""
    cx, cy = width / 2, height / 2
    n = len(result.teams)
    nodes, positions = [], {}
    for index, item in enumerate(result.teams):
        angle = -math.pi / 2 + 2 * math.pi * index / n if n else 0
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = (cx, cy) if n == 1 else (cx + radius * cos, cy + radius * sin)
        label = radius + NODE_RADIUS + 8
        if n == 1:
            anchor, lx, ly = "middle", cx, cy + NODE_RADIUS + 18
        else:
            anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
            lx, ly = cx + label * cos, cy + label * sin + 5 + (8 * sin if abs(cos) < 0.3 else 0)
            if item.is_island and anchor == "middle" and sin < 0:
                ly -= 16  # the second line ("island") stays clear of the circle above it
        positions[item.team.pk] = (x, y)
        nodes.append(
            Node(
                item.team,
                round(x, 1),
                round(y, 1),
                round(lx, 1),
                round(ly, 1),
                anchor,
                item.is_island,
            )
        )
    strongest = max((c.strength for c in result.connections), default=1)
    edges = []
    for item in result.connections:
        (x1, y1), (x2, y2) = positions[item.team.pk], positions[item.other.pk]
        share = (item.strength - 1) / (strongest - 1) if strongest > 1 else 0
        stroke = MIN_STROKE + (MAX_STROKE - MIN_STROKE) * share
        edges.append(
            Edge(item, round(x1, 1), round(y1, 1), round(x2, 1), round(y2, 1), round(stroke, 1))
        )
    return Geometry(width=width, height=height, nodes=nodes, edges=edges)
