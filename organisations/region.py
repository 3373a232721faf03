"""The region's organisations and people (see core/region.py), written with COPY.

Runs first: providers, school communities and schools with their teams, then every school's
staff with a home team (a third also in a second team), a coordinating director per community
and three trainers per provider. What it writes is left in the `Region` for the later parts.
"""

from django.utils.text import slugify

from accounts.models import User
from core.demo import FIRST_NAMES, LAST_NAMES, PRIMARY_FUNCTIONS, SECONDARY_FUNCTIONS, split_list
from core.region import School

from .demo_content import PRIMARY_TEAMS, SECONDARY_TEAMS
from .models import Membership, Organisation, Team, TeamMembership

COMMUNITIES = 100
SCHOOLS = 3000
STAFF = 150_000
TEAMS = 12_000
PROVIDERS = 60
CITIES = split_list(
    "Aalst, Antwerpen, Brugge, Genk, Gent, Hasselt, Kortrijk, Leuven, Mechelen, Oostende, "
    "Roeselare, Sint-Niklaas, Turnhout, Ieper, Lier, Geel, Mol, Tienen, Lokeren, Dendermonde, "
    "Beveren, Waregem, Tielt, Eeklo, Ninove, Vilvoorde, Halle, Diest, Tongeren, Maaseik"
)


def build(region) -> None:
    _organisations(region)
    _people(region)


# Providers, communities, schools and their teams.
def _organisations(region):
    rng = region.rng
    orgs = region.table(Organisation, ["id", "kind", "name", "slug", "parent_id", "city"])
    teams = region.table(Team, ["id", "organisation_id", "name", "mission"])
    counts = {k: Organisation.objects.filter(kind=k).count() for k in Organisation.Kind}
    n_providers = region.wanted(PROVIDERS, counts["provider"])
    n_communities = region.wanted(COMMUNITIES, counts["community"])
    n_schools = max(n_communities, region.wanted(SCHOOLS, counts["school"]))
    n_teams = max(n_schools, region.wanted(TEAMS, Team.objects.count()))
    rows = []
    for n in range(n_providers):
        city = CITIES[n % len(CITIES)]
        pk = orgs.next_id()
        region.providers.append(pk)
        name = f"Pedagogische begeleiding {city} {n + 1}"
        rows.append((pk, "provider", name, f"begeleiding-{n + 1}", None, city))
    for n in range(n_communities):
        city = CITIES[n % len(CITIES)]
        pk = orgs.next_id()
        region.communities.append(pk)
        name = f"Scholengemeenschap {city} {n + 1}"
        rows.append((pk, "community", name, f"sg-{slugify(city)}-{n + 1}", None, city))
    team_rows = []
    per_school = _spread(n_teams, n_schools, rng, 2, 12)
    for n, team_count in enumerate(per_school):
        community = region.communities[n % n_communities]
        city = CITIES[(n // n_communities + n) % len(CITIES)]
        secondary = n % 4 == 3
        kind = "Atheneum" if secondary else "Basisschool"
        base = rng.choice(LAST_NAMES) if secondary else rng.choice(FIRST_NAMES)
        slug = f"{slugify(kind)}-{slugify(base)}-{slugify(city)}-{n + 1}"
        school = School(orgs.next_id(), community, slug, secondary)
        rows.append((school.id, "school", f"{kind} {base} {city}", slug, community, city))
        pool = SECONDARY_TEAMS if secondary else PRIMARY_TEAMS
        for t in range(team_count):
            name, mission = pool[t] if t < len(pool) else (f"Werkgroep {t + 1}", "")
            team_id = teams.next_id()
            school.teams.append(team_id)
            team_rows.append((team_id, school.id, name, mission))
        region.schools.append(school)
    with region.phase("organisations", [orgs, teams]):
        orgs.write(rows)
        teams.write(team_rows)


# Users, memberships (schools, community directors, trainers) and home teams.
def _people(region):
    rng = region.rng
    users = region.table(User, ["id", "email", "first_name", "last_name", "password"])
    members = region.table(Membership, ["id", "organisation_id", "user_id", "role", "function"])
    links = region.table(TeamMembership, ["team_id", "membership_id", "is_home"])
    existing = Membership.objects.filter(organisation__kind="school").count()
    n_staff = max(2 * len(region.schools), region.wanted(STAFF, existing))
    user_rows, member_rows, link_rows = [], [], []

    def person(domain: str, org: int, role: str, function: str):
        uid = users.next_id()
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        email = f"{slugify(first)}.{slugify(last)}.{uid}@{domain}"
        user_rows.append((uid, email, first, last, region.password_hash))
        mid = members.next_id()
        member_rows.append((mid, org, uid, role, function))
        return mid, uid, email

    for community in region.communities:
        region.directors[community] = person(
            f"sg{community}.example", community, "leader", "coördinerend directeur"
        )[2]
    for provider in region.providers:
        region.trainers[provider] = [
            person(f"begeleiding{provider}.example", provider, "trainer", "begeleider")[0]
            for _ in range(3)
        ]
    for school, staff in zip(
        region.schools, _spread(n_staff, len(region.schools), rng, 2, 400), strict=True
    ):
        functions = SECONDARY_FUNCTIONS if school.secondary else PRIMARY_FUNCTIONS
        domain = f"{school.slug}.example"
        for n in range(staff):
            role = "leader" if n == 0 else ("coach" if n % 25 == 0 else "staff")
            function = "directeur" if n == 0 else rng.choice(functions)
            mid, uid, email = person(domain, school.id, role, function)
            school.members.append((mid, uid, email, function))
            home = school.teams[n % len(school.teams)]
            link_rows.append((home, mid, True))
            if len(school.teams) > 1 and rng.random() < 1 / 3:
                other = rng.choice([t for t in school.teams if t != home])
                link_rows.append((other, mid, False))
    with region.phase("people", [users, members, links]):
        users.write(user_rows)
        members.write(member_rows)
        links.write(link_rows)


def _spread(total: int, parts: int, rng, low: int, high: int) -> list[int]:
    """`parts` whole numbers between low and high (where possible) adding up to total."""
    mean = total / parts
    values = [max(low, min(high, round(mean * rng.uniform(0.6, 1.4)))) for _ in range(parts)]
    difference = total - sum(values)
    i = 0
    while difference:
        step = 1 if difference > 0 else -1
        if values[i % parts] + step >= 1:
            values[i % parts] += step
            difference -= step
        i += 1
    return values
