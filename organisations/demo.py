"""Demo data for organisations: a provider, school communities, schools, teams and people.

Runs first in `manage.py demo`; every other app's builder reads what it leaves in the
DemoContext. `small`: Scholengemeenschap Leieland with three schools (80, 30 and 30 staff).
`large`: 50 schools in five communities, 5,000 staff and 400 teams. Everything is drawn from
`ctx.rng`, so the same size always gives the same people and teams.
"""

import unicodedata
from dataclasses import dataclass, field

from django.utils.text import slugify

from accounts.models import AuditEvent, User
from core.demo import (
    FIRST_NAMES,
    LAST_NAMES,
    LOGIN_EMAILS,
    MAIN_COMMUNITY_SLUG,
    MAIN_SCHOOL_SLUG,
    PRIMARY_FUNCTIONS,
    PROVIDER_SLUG,
    SECONDARY_FUNCTIONS,
)

from .demo_content import (
    COMMUNITIES,
    LOGIN_PEOPLE,
    PRIMARY_NAMES,
    PRIMARY_PREFIXES,
    PRIMARY_TEAMS,
    SCHOOL_PREFIXES,
    SECONDARY_NAMES,
    SECONDARY_TEAMS,
    SMALL_SCHOOLS,
)
from .models import Membership, Organisation, Team, TeamMembership

BATCH = 1000
SHARED_PER_SCHOOL = 2  # people who also work in the previous school of their community


@dataclass
class SchoolPlan:
    name: str
    city: str
    secondary: bool
    staff: int
    teams: int
    slug: str = ""
    domain: str = ""


@dataclass
class CommunityPlan:
    name: str
    slug: str
    city: str
    schools: list = field(default_factory=list)


LARGE = {"schools_per_community": 10, "staff": 5000, "teams": 400, "main": (240, 16)}


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def _fit(values: list[int], total: int, lo: int, hi: int) -> list[int]:
    """Nudge values one by one (round robin, within bounds) until they add up to total."""
    values = [min(max(v, lo), hi) for v in values]
    i = 0
    while sum(values) != total:
        step = 1 if sum(values) < total else -1
        if lo <= values[i % len(values)] + step <= hi:
            values[i % len(values)] += step
        i += 1
    return values


def _school_names(kind: str, cities: list[str], bases) -> list[tuple]:
    """(name, city, secondary) for the schools of one community; `bases` yields unused
    names for primary schools."""
    names = []
    for i, city in enumerate(cities):
        if kind == "secondary":
            names.append((SECONDARY_NAMES[i % len(SECONDARY_NAMES)], city, True))
        elif kind == "go" and i % 2 == 0:
            label = ["Atheneum", "Middenschool", "Technisch Atheneum"][i // 2 % 3]
            names.append((f"GO! {label} {city}", city, True))
        elif kind == "go":
            names.append((f"GO! Basisschool {next(bases)}", city, False))
        else:
            names.append((f"{PRIMARY_PREFIXES[i % 3]} {next(bases)}", city, False))
    return names


def plan(size: str, rng) -> list[CommunityPlan]:
    """Which communities and schools to build, with staff and team counts per school."""
    if size == "small":
        name, slug, _kind, cities = COMMUNITIES[0]
        community = CommunityPlan(name, slug, cities[0])
        for school_name, city, staff, teams in SMALL_SCHOOLS:
            community.schools.append(SchoolPlan(school_name, city, False, staff, teams))
        communities = [community]
    else:
        per = LARGE["schools_per_community"]
        bases = iter(PRIMARY_NAMES)
        communities = []
        for index, (name, slug, kind, cities) in enumerate(COMMUNITIES):
            community = CommunityPlan(name, slug, cities[0])
            if index == 0:
                listed = [(n, c, False) for n, c, *_ in SMALL_SCHOOLS]
                listed += _school_names(kind, cities[len(listed) : per], bases)
            else:
                listed = _school_names(kind, cities[:per], bases)
            community.schools = [SchoolPlan(n, c, s, 0, 0) for n, c, s in listed]
            communities.append(community)
        schools = [s for c in communities for s in c.schools]
        main_staff, main_teams = LARGE["main"]
        teams = _fit([rng.randint(5, 11) for _ in schools[1:]], LARGE["teams"] - main_teams, 4, 14)
        staff = _fit(
            [t * 12 + rng.randint(-15, 15) for t in teams], LARGE["staff"] - main_staff, 30, 200
        )
        schools[0].staff, schools[0].teams = main_staff, main_teams
        for school, n_staff, n_teams in zip(schools[1:], staff, teams, strict=True):
            school.staff, school.teams = n_staff, n_teams
    used_slugs = {MAIN_COMMUNITY_SLUG, PROVIDER_SLUG} | {c.slug for c in communities}
    for school in (s for c in communities for s in c.schools):
        stem = school.name
        for prefix in SCHOOL_PREFIXES:
            stem = stem.removeprefix(prefix)
        slug = slugify(stem)
        if slug in used_slugs:
            slug = slugify(f"{stem} {school.city}")
        used_slugs.add(slug)
        school.slug = slug
        words = [w for w in slug.split("-") if w not in {"de", "het", "t", "go", "basisschool"}]
        school.domain = f"{''.join(words) or slug}.example"
    return communities


class _People:
    """Makes users with Flemish names and unique email addresses, hashed once."""

    def __init__(self, rng, password_hash: str):
        self.rng = rng
        self.password_hash = password_hash
        self.emails = set(LOGIN_EMAILS.values())
        self.users: list[User] = []

    def new(self, domain: str) -> User:
        """A new colleague with a drawn name; on a clash the name is drawn again, so that
        one school rarely has two people of the same name."""
        for _attempt in range(10):
            first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
            stem = f"{_ascii(first)}.{_ascii(last)}"
            email = f"{stem}@{domain}"
            if email not in self.emails:
                break
        n = 1
        while email in self.emails:
            n += 1
            email = f"{stem}{n}@{domain}"
        self.emails.add(email)
        return self._user(email, first, last)

    def login(self, key: str) -> User:
        """The demo login for a role key of LOGIN_EMAILS."""
        first, last = LOGIN_PEOPLE[key]
        return self._user(LOGIN_EMAILS[key], first, last)

    def _user(self, email: str, first: str, last: str) -> User:
        user = User(email=email, first_name=first, last_name=last, password=self.password_hash)
        self.users.append(user)
        return user


def _school_members(ctx, people, school, plan_, previous, is_main) -> list[Membership]:
    """The school's memberships: its leader, demo logins, shared colleagues and new staff."""
    rng = ctx.rng
    members = []

    def add(user, role=Membership.Role.STAFF, function=""):
        members.append(Membership(organisation=school, user=user, role=role, function=function))

    if is_main:
        ctx.users["leader"] = people.login("leader")
        add(ctx.users["leader"], Membership.Role.LEADER, "directeur")
        ctx.users["coach"] = people.login("coach")
        add(ctx.users["coach"], Membership.Role.COACH, "leerkracht en teamcoach")
        ctx.users["staff"] = people.login("staff")
        add(ctx.users["staff"], Membership.Role.STAFF, "leerkracht")
    else:
        add(people.new(plan_.domain), Membership.Role.LEADER, "directeur")
    if previous:
        candidates = [m for m in previous if m.role == Membership.Role.STAFF][3:]
        for shared in rng.sample(candidates, min(SHARED_PER_SCHOOL, len(candidates))):
            add(shared.user, Membership.Role.STAFF, shared.function)
    fixed = len(members)
    while len(members) < plan_.staff:
        add(people.new(plan_.domain))
    for member in members[fixed::25]:
        member.role = Membership.Role.COACH
    return members


def _assign_teams(ctx, members, teams, secondary) -> list[TeamMembership]:
    """One home team per member, balanced over the teams; a third also join a second team."""
    rng = ctx.rng
    order = list(range(len(members)))
    rng.shuffle(order)
    links = []
    for position, index in enumerate(order):
        member, home = members[index], teams[position % len(teams)]
        if not member.function:
            member.function = _function_for(rng, home.name, secondary)
        links.append(TeamMembership(team=home, membership=member, is_home=True))
        if len(teams) > 1 and rng.random() < 1 / 3:
            other = rng.choice([t for t in teams if t is not home])
            links.append(TeamMembership(team=other, membership=member, is_home=False))
    return links


def _function_for(rng, team_name: str, secondary: bool) -> str:
    if secondary:
        return rng.choice(SECONDARY_FUNCTIONS)
    if team_name == "Kleuterteam" or team_name == "Team Zonnebloem":
        return rng.choice(["kleuteronderwijzer"] * 6 + ["kinderverzorger"])
    if team_name == "Zorgteam":
        return rng.choice(["zorgcoördinator", "zorgleerkracht", "zorgleerkracht"])
    return rng.choice(PRIMARY_FUNCTIONS)


def build(ctx) -> None:
    rng = ctx.rng
    people = _People(rng, ctx.password_hash)
    communities = plan(ctx.size, rng)

    ctx.provider = Organisation.objects.create(
        kind=Organisation.Kind.PROVIDER,
        name="Pedagogische Begeleidingsdienst De Leerbrug",
        slug=PROVIDER_SLUG,
        city="Gent",
    )
    ctx.communities = Organisation.objects.bulk_create(
        [
            Organisation(kind=Organisation.Kind.COMMUNITY, name=c.name, slug=c.slug, city=c.city)
            for c in communities
        ]
    )
    school_rows = [
        Organisation(
            kind=Organisation.Kind.SCHOOL, name=s.name, slug=s.slug, city=s.city, parent=org
        )
        for plan_c, org in zip(communities, ctx.communities, strict=True)
        for s in plan_c.schools
    ]
    ctx.schools = Organisation.objects.bulk_create(school_rows)
    plans = [s for c in communities for s in c.schools]
    assert ctx.schools[0].slug == MAIN_SCHOOL_SLUG

    team_rows = []
    for school, plan_ in zip(ctx.schools, plans, strict=True):
        pool = SECONDARY_TEAMS if plan_.secondary else PRIMARY_TEAMS
        teams = [Team(organisation=school, name=n, mission=m) for n, m in pool[: plan_.teams]]
        ctx.teams_by_school[school.pk] = teams
        team_rows.extend(teams)
    Team.objects.bulk_create(team_rows, batch_size=BATCH)

    memberships, links = [], []
    ctx.users["admin"] = people.login("admin")
    ctx.users["coordinating_director"] = people.login("coordinating_director")
    for community in ctx.communities:
        if community.slug == MAIN_COMMUNITY_SLUG:
            director = ctx.users["coordinating_director"]
            memberships.append(
                Membership(
                    organisation=community,
                    user=ctx.users["admin"],
                    role=Membership.Role.ADMIN,
                    function="beleidsmedewerker",
                )
            )
        else:
            director = people.new(f"{community.slug.replace('-', '')}.example")
        memberships.append(
            Membership(
                organisation=community,
                user=director,
                role=Membership.Role.LEADER,
                function="coördinerend directeur",
            )
        )

    previous = None
    for school, plan_ in zip(ctx.schools, plans, strict=True):
        if previous is not None and previous[0].organisation.parent_id != school.parent_id:
            previous = None
        members = _school_members(ctx, people, school, plan_, previous, school is ctx.schools[0])
        links.extend(_assign_teams(ctx, members, ctx.teams_by_school[school.pk], plan_.secondary))
        ctx.members_by_school[school.pk] = members
        ctx.leaders_by_school[school.pk] = members[0]
        memberships.extend(members)
        previous = members

    ctx.users["trainer"] = people.login("trainer")
    trainer_users = [ctx.users["trainer"]]
    trainer_users += [people.new("leerbrug.example") for _ in range(5 if ctx.is_large else 2)]
    ctx.trainers = [
        Membership(
            organisation=ctx.provider,
            user=user,
            role=Membership.Role.TRAINER,
            function="pedagogisch begeleider",
        )
        for user in trainer_users
    ]
    memberships.extend(ctx.trainers)

    User.objects.bulk_create(people.users, batch_size=BATCH)
    Membership.objects.bulk_create(memberships, batch_size=BATCH)
    TeamMembership.objects.bulk_create(links, batch_size=BATCH)

    main = ctx.schools[0]
    community = ctx.communities[0]
    ctx.add_login(f"administrator (beheerder) — {community.name}", LOGIN_EMAILS["admin"])
    ctx.add_login(f"school leader (directeur) — {main.name}", LOGIN_EMAILS["leader"])
    ctx.add_login(
        f"coordinating director — {community.name}", LOGIN_EMAILS["coordinating_director"]
    )
    ctx.add_login(f"coach (teamcoach) — {main.name}", LOGIN_EMAILS["coach"])
    ctx.add_login(f"staff member (leerkracht) — {main.name}", LOGIN_EMAILS["staff"])
    ctx.add_login(
        f"trainer (pedagogisch begeleider) — {ctx.provider.name}", LOGIN_EMAILS["trainer"]
    )
    _audit_trail(ctx)


def _audit_trail(ctx) -> None:
    """A few audit events per school, so the administrators' audit trail is not empty: the
    school leader downloaded the staff list and imported staff."""
    events = []
    for school in ctx.schools:
        leader = ctx.leaders_by_school[school.pk].user
        for action, object_type, summary in (
            (AuditEvent.Action.IMPORT, "organisations.staffimport", "personeel.csv"),
            (AuditEvent.Action.EXPORT, "organisations.staff", "xlsx q="),
            (AuditEvent.Action.EXPORT, "organisations.staff", "csv q=leerkracht"),
        ):
            events.append(
                AuditEvent(
                    actor=leader,
                    organisation=school,
                    action=action,
                    object_type=object_type,
                    object_id=str(school.pk),
                    summary=summary,
                )
            )
    AuditEvent.objects.bulk_create(events, batch_size=BATCH)
