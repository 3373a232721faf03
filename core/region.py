"""The `region` demo data set: all Flemish schools on one installation (PostgreSQL only).

`manage.py demo --size region` first builds `large` (so every app's demo objects, the demo
logins and `MAIN_SCHOOL_SLUG` exist), then `build_region` adds the mass with COPY up to the
region's totals: about 100 school communities with 3,000 schools, 150,000 staff with a home
team each, 12,000 teams, 3,000 PLG's with their meetings, 60 providers with 600 editions and
their learning groups, and about 230,000 survey responses (10 million answers) to a 360° on
shared leadership and a team pulse per school, each over two finished rounds.

Everything is drawn from one seeded Random, so a seed always gives the same data. `scale`
shrinks every total (the tests build a few hundred rows); each phase prints its counts and
rate. The answers table is loaded without its indexes and foreign keys, which are put back
afterwards in one pass each: PostgreSQL's own advice for populating a database.
"""

import datetime
import hashlib
import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from psycopg import sql

from accounts.models import User
from communities.cycles import CYCLES
from communities.models import PLG, Meeting, PLGMember
from networks.models import Application, Edition, LearningGroup, Participant, Programme
from organisations.demo_content import PRIMARY_TEAMS, SECONDARY_TEAMS
from organisations.models import Membership, Organisation, Team, TeamMembership
from surveys.loader import load_all
from surveys.models import (
    Answer,
    InstrumentVersion,
    Invitation,
    RaterGroup,
    Response,
    Round,
    Survey,
)

from .demo import FIRST_NAMES, LAST_NAMES, PRIMARY_FUNCTIONS, SECONDARY_FUNCTIONS, split_list
from .pgcopy import CopyTable, raw_cursor

SEED = 2026_3000
REGION = {
    "communities": 100,
    "schools": 3000,
    "staff": 150_000,
    "teams": 12_000,
    "plgs": 3000,
    "providers": 60,
    "editions": 600,
    "responses": 230_000,
    "answers": 10_000_000,
}
CITIES = split_list(
    "Aalst, Antwerpen, Brugge, Genk, Gent, Hasselt, Kortrijk, Leuven, Mechelen, Oostende, "
    "Roeselare, Sint-Niklaas, Turnhout, Ieper, Lier, Geel, Mol, Tienen, Lokeren, Dendermonde, "
    "Beveren, Waregem, Tielt, Eeklo, Ninove, Vilvoorde, Halle, Diest, Tongeren, Maaseik"
)
PLG_TOPICS = [
    ("Begrijpend lezen", "Hoe helpen we leerlingen teksten beter te begrijpen?"),
    ("Feedback in de klas", "Welke feedback helpt leerlingen echt vooruit?"),
    ("Rekenen met inzicht", "Hoe bouwen we getalbegrip op in elke klas?"),
    ("Taal op de speelplaats", "Hoe laten we anderstalige kinderen meer Nederlands spreken?"),
    ("Samen lessen ontwerpen", "Hoe ontwerpen we samen een les die elke leerling uitdaagt?"),
    ("Data over leerwinst", "Welke gegevens tonen ons of een aanpak werkt?"),
]
PROGRAMME_TITLES = [
    "Gedeeld leiderschap in de praktijk",
    "Je school leiden in complexe omstandigheden",
    "Samen leren leiden",
    "Onderwijskundig leiderschap met impact",
    "Lerende netwerken voor scholen",
]


def now_ms() -> float:
    return time.perf_counter()


def _digest(*parts) -> str:
    return hashlib.sha256(":".join(str(p) for p in parts).encode()).hexdigest()


@dataclass
class Progress:
    """One line per phase: what was written, how long it took and at what rate."""

    write: object  # a callable taking one line
    started: float = field(default_factory=now_ms)
    lines: list = field(default_factory=list)

    @contextmanager
    def phase(self, name: str, tables: list[CopyTable]):
        began = now_ms()
        before = sum(t.count for t in tables)
        yield
        seconds = max(now_ms() - began, 1e-6)
        rows = sum(t.count for t in tables) - before
        counts = ", ".join(f"{t.count:,} {t.table}" for t in tables if t.count)
        line = f"  {name:<14} {rows:>11,} rows {seconds:7.1f} s {rows / seconds:>9,.0f}/s  {counts}"
        self.lines.append(line)
        self.write(line)


@dataclass
class School:
    id: int
    community: int
    slug: str
    secondary: bool
    teams: list = field(default_factory=list)  # team ids
    members: list = field(default_factory=list)  # (membership id, user id, email, function)


@contextmanager
def _loaded_without_indexes(cursor, model):
    """Drop the table's foreign keys, unique constraints and secondary indexes for a COPY
    and create them again afterwards (each one pass over the table instead of one update
    per row)."""
    table = model._meta.db_table
    # Django's foreign keys are deferred: check the rows written so far now, since a table
    # with pending checks cannot be altered.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype IN ('f', 'u') ORDER BY contype DESC",
        [table],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN "
        "(SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)",
        [table, table],
    )
    indexes = cursor.fetchall()
    ident = sql.Identifier(table)
    for name, _definition in constraints:
        cursor.execute(
            sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(ident, sql.Identifier(name))
        )
    for name, _definition in indexes:
        cursor.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
    yield
    cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
    for _name, definition in indexes:
        cursor.execute(definition)
    for name, definition in reversed(constraints):
        cursor.execute(
            sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} " + definition).format(
                ident, sql.Identifier(name)
            )
        )
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")


class RegionBuilder:
    def __init__(self, *, scale: float, seed: int, password_hash: str, write):
        self.scale = scale
        self.rng = random.Random(seed)
        self.seed = seed
        self.password_hash = password_hash
        self.progress = Progress(write)
        self.today = timezone.localdate()
        self.cursor = raw_cursor()

    def wanted(self, key: str, existing: int) -> int:
        """How many to add so the total reaches the region's (scaled) number; at least one."""
        return max(1, round(REGION[key] * self.scale) - existing)

    def table(self, model, columns) -> CopyTable:
        return CopyTable(self.cursor, model, columns)

    def build(self) -> list[str]:
        with transaction.atomic():
            self._organisations()
            self._people()
            self._plgs()
            self._networks()
            self._surveys()
            for table in self.tables:
                table.finish()
        started = now_ms()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        line = f"  {'analyze':<14} {'':>11}      {now_ms() - started:7.1f} s"
        self.progress.lines.append(line)
        self.progress.write(line)
        return self.progress.lines

    # Organisations: providers, communities, schools and their teams.
    def _organisations(self):
        rng = self.rng
        orgs = self.table(Organisation, ["id", "kind", "name", "slug", "parent_id", "city"])
        teams = self.table(Team, ["id", "organisation_id", "name", "mission"])
        self.orgs, self.teams_table = orgs, teams
        self.tables = [orgs, teams]
        counts = {k: Organisation.objects.filter(kind=k).count() for k in Organisation.Kind}
        n_providers = self.wanted("providers", counts["provider"])
        n_communities = self.wanted("communities", counts["community"])
        n_schools = max(n_communities, self.wanted("schools", counts["school"]))
        n_teams = max(n_schools, self.wanted("teams", Team.objects.count()))
        self.providers, self.communities, self.schools = [], [], []
        rows = []
        for n in range(n_providers):
            city = CITIES[n % len(CITIES)]
            pk = orgs.next_id()
            self.providers.append(pk)
            name = f"Pedagogische begeleiding {city} {n + 1}"
            rows.append((pk, "provider", name, f"begeleiding-{n + 1}", None, city))
        for n in range(n_communities):
            city = CITIES[n % len(CITIES)]
            pk = orgs.next_id()
            self.communities.append(pk)
            name = f"Scholengemeenschap {city} {n + 1}"
            rows.append((pk, "community", name, f"sg-{slugify(city)}-{n + 1}", None, city))
        team_rows = []
        per_school = _spread(n_teams, n_schools, rng, 2, 12)
        for n, team_count in enumerate(per_school):
            community = self.communities[n % n_communities]
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
            self.schools.append(school)
        with self.progress.phase("organisations", [orgs, teams]):
            orgs.write(rows)
            teams.write(team_rows)

    # People: users, memberships (schools, community directors, trainers) and home teams.
    def _people(self):
        rng = self.rng
        users = self.table(User, ["id", "email", "first_name", "last_name", "password"])
        members = self.table(Membership, ["id", "organisation_id", "user_id", "role", "function"])
        links = self.table(TeamMembership, ["team_id", "membership_id", "is_home"])
        self.tables += [users, members, links]
        existing = Membership.objects.filter(organisation__kind="school").count()
        n_staff = max(2 * len(self.schools), self.wanted("staff", existing))
        user_rows, member_rows, link_rows = [], [], []

        def person(domain: str, org: int, role: str, function: str):
            uid = users.next_id()
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            email = f"{slugify(first)}.{slugify(last)}.{uid}@{domain}"
            user_rows.append((uid, email, first, last, self.password_hash))
            mid = members.next_id()
            member_rows.append((mid, org, uid, role, function))
            return mid, uid, email

        self.directors = {}
        for community in self.communities:
            self.directors[community] = person(
                f"sg{community}.example", community, "leader", "coördinerend directeur"
            )[2]
        self.trainers = {}
        for provider in self.providers:
            self.trainers[provider] = [
                person(f"begeleiding{provider}.example", provider, "trainer", "begeleider")[0]
                for _ in range(3)
            ]
        for school, staff in zip(
            self.schools, _spread(n_staff, len(self.schools), rng, 2, 400), strict=True
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
        with self.progress.phase("people", [users, members, links]):
            users.write(user_rows)
            members.write(member_rows)
            links.write(link_rows)

    # PLG's with members and a school year of meetings.
    def _plgs(self):
        rng = self.rng
        plgs = self.table(
            PLG, ["id", "organisation_id", "type", "name", "learning_question", "current_phase"]
        )
        plg_members = self.table(PLGMember, ["plg_id", "person_id"])
        meetings = self.table(Meeting, ["plg_id", "starts_at", "place", "phase"])
        self.tables += [plgs, plg_members, meetings]
        n_plgs = self.wanted("plgs", PLG.objects.count())
        types = sorted(CYCLES)
        plg_rows, member_rows, meeting_rows = [], [], []
        start = timezone.make_aware(
            datetime.datetime.combine(self.today - datetime.timedelta(days=150), datetime.time(15))
        )
        for n in range(n_plgs):
            school = self.schools[n % len(self.schools)]
            kind = types[n % len(types)]
            topic, question = PLG_TOPICS[n % len(PLG_TOPICS)]
            pk = plgs.next_id()
            phase = CYCLES[kind].first.code
            plg_rows.append((pk, school.id, kind, f"{topic} {n + 1}", question, phase))
            people = rng.sample(school.members, min(6, len(school.members)))
            member_rows.extend((pk, mid) for mid, *_ in people)
            for week in range(0, 30, 3):
                starts = start + datetime.timedelta(weeks=week, days=n % 5)
                meeting_rows.append((pk, starts, "Lerarenkamer", phase))
        with self.progress.phase("plgs", [plgs, plg_members, meetings]):
            plgs.write(plg_rows)
            plg_members.write(member_rows)
            meetings.write(meeting_rows)

    # Providers' programmes, editions, learning groups and their participants.
    def _networks(self):
        programmes = self.table(Programme, ["id", "provider_id", "code", "title", "trainer_id"])
        editions = self.table(
            Edition,
            [
                "id",
                "programme_id",
                "name",
                "starts_on",
                "ends_on",
                "capacity",
                "registration_deadline",
            ],
        )
        groups = self.table(LearningGroup, ["id", "edition_id", "name", "trainer_id"])
        applications = self.table(
            Application, ["id", "edition_id", "applicant_id", "school_id", "status"]
        )
        participants = self.table(
            Participant, ["edition_id", "application_id", "user_id", "school_id", "group_id"]
        )
        self.tables += [programmes, editions, groups, applications, participants]
        n_editions = self.wanted("editions", Edition.objects.count())
        by_community = {}
        for school in self.schools:
            by_community.setdefault(school.community, []).append(school)
        communities = list(by_community.values())
        year = self.today.year if self.today.month >= 9 else self.today.year - 1
        rows = {t: [] for t in ("programmes", "editions", "groups", "applications", "people")}
        per_provider = max(1, n_editions // len(self.providers))
        made = 0
        for p_index, provider in enumerate(self.providers):
            trainers = self.trainers[provider]
            count = per_provider if p_index < len(self.providers) - 1 else n_editions - made
            for e in range(max(count, 0)):
                if e % 2 == 0:
                    programme = programmes.next_id()
                    title = PROGRAMME_TITLES[(e // 2) % len(PROGRAMME_TITLES)]
                    code = f"P{provider}-{e // 2 + 1:02d}"
                    rows["programmes"].append((programme, provider, code, title, trainers[0]))
                edition = editions.next_id()
                first = year - (e % 2)
                deadline = timezone.make_aware(datetime.datetime(first, 6, 15, 23, 59))
                rows["editions"].append(
                    (
                        edition,
                        programme,
                        f"{first}–{first + 2}",
                        datetime.date(first, 9, 1),
                        datetime.date(first + 2, 6, 30),
                        24,
                        deadline,
                    )
                )
                group = groups.next_id()
                trainer = trainers[e % len(trainers)]
                rows["groups"].append((group, edition, "Leergroep 1", trainer))
                schools = communities[(made + e) % len(communities)][:6]
                for school in schools:
                    _mid, uid, *_ = school.members[0]
                    application = applications.next_id()
                    rows["applications"].append((application, edition, uid, school.id, "accepted"))
                    rows["people"].append((edition, application, uid, school.id, group))
            made += max(count, 0)
        with self.progress.phase("networks", self.tables[-5:]):
            programmes.write(rows["programmes"])
            editions.write(rows["editions"])
            groups.write(rows["groups"])
            applications.write(rows["applications"])
            participants.write(rows["people"])

    # Surveys: per school a 360° about the leader and a team pulse, each over two rounds.
    def _surveys(self):
        surveys = self.table(
            Survey, ["id", "organisation_id", "version_id", "title", "subject_id", "created_by_id"]
        )
        groups = self.table(RaterGroup, ["id", "survey_id", "kind", "position", "threshold"])
        rounds = self.table(
            Round, ["id", "survey_id", "version_id", "number", "opens_on", "closes_on"]
        )
        invitations = self.table(
            Invitation, ["round_id", "rater_group_id", "email", "token", "status", "sent_at"]
        )
        responses = self.table(
            Response,
            ["id", "round_id", "rater_group_id", "pseudonym", "status", "language", "submitted_on"],
        )
        answers = self.table(Answer, ["response_id", "item_id", "value", "score"])
        self.tables += [surveys, groups, rounds, invitations, responses, answers]
        if not InstrumentVersion.objects.exists():
            load_all()
        versions = {
            v.instrument.code: v
            for v in InstrumentVersion.objects.filter(instrument__owner__isnull=True)
            .select_related("instrument")
            .prefetch_related("items__scale")
            .order_by("number")
        }
        feedback, pulse = versions["gedeeld-leiderschap-360"], versions["teampols"]
        items = {
            code: {
                kind: [
                    (i.pk, i.scale.minimum, i.scale.maximum, i.reverse, i.scale.allow_unknown)
                    for i in version.items.all()
                    if i.is_for(kind)
                ]
                for kind in version.rater_groups
            }
            for code, version in (("360", feedback), ("pulse", pulse))
        }
        # Raters per round, so that responses and answers both reach the region's totals.
        left_responses = max(1, round(REGION["responses"] * self.scale) - Response.objects.count())
        left_answers = max(1, round(REGION["answers"] * self.scale) - Answer.objects.count())
        per_360 = len(items["360"]["teachers"])
        per_pulse = len(items["pulse"]["teachers"])
        rounds_total = 2 * len(self.schools)
        mean = left_answers / left_responses
        share_360 = min(1.0, max(0.3, (mean - per_pulse) / max(per_360 - per_pulse, 1)))
        raters_pulse = max(3, round(left_responses * (1 - share_360) / rounds_total))
        # The answers decide: the instruments have at most per_360 items a response.
        raters_360 = max(
            4, round((left_answers / rounds_total - raters_pulse * per_pulse) / per_360)
        )
        noise = [self.rng.gauss(0, 0.6) for _ in range(1024)]
        rng = self.rng
        dates = [
            (self.today - datetime.timedelta(days=245), self.today - datetime.timedelta(days=228)),
            (self.today - datetime.timedelta(days=35), self.today - datetime.timedelta(days=20)),
        ]
        sent = timezone.now()
        rows = {"surveys": [], "groups": [], "rounds": [], "invitations": [], "responses": []}

        def answer_rows():
            for response, kind_items, leniency in pending:
                for pk, low, high, reverse, unknown in kind_items:
                    if unknown and rng.random() < 0.03:
                        yield (response, pk, None, None)
                        continue
                    wanted = min(high, max(low, round(leniency + noise[rng.getrandbits(10)])))
                    yield (response, pk, low + high - wanted if reverse else wanted, float(wanted))

        def survey(school, version, code, title, subject, raters, base):
            survey_id = surveys.next_id()
            leader_mid, leader_uid, *_ = school.members[0]
            rows["surveys"].append((survey_id, school.id, version.pk, title, subject, leader_uid))
            group_ids = {}
            for position, kind in enumerate(version.rater_groups):
                if subject is None and kind in ("self", "superior"):
                    continue
                group_ids[kind] = groups.next_id()
                threshold = 1 if kind in ("self", "superior") else 3
                rows["groups"].append((group_ids[kind], survey_id, kind, position, threshold))
            for number, (opens, closes) in enumerate(dates, start=1):
                round_id = rounds.next_id()
                rows["rounds"].append((round_id, survey_id, version.pk, number, opens, closes))
                for kind, email in raters:
                    if kind not in group_ids:
                        continue
                    token = _digest(self.seed, round_id, email)[:48]
                    rows["invitations"].append(
                        (round_id, group_ids[kind], email, token, "completed", sent)
                    )
                    response = responses.next_id()
                    pseudonym = _digest(self.seed, survey_id, email)
                    rows["responses"].append(
                        (
                            response,
                            round_id,
                            group_ids[kind],
                            pseudonym,
                            "submitted",
                            "nl-be",
                            closes,
                        )
                    )
                    leniency = base + (0.3 if number == 2 else 0) + rng.gauss(0, 0.35)
                    pending.append((response, items[code][kind], leniency))

        pending = []
        with self.progress.phase("surveys", [surveys, groups, rounds, invitations, responses]):
            for school in self.schools:
                leader_mid, _uid, leader_email, _f = school.members[0]
                staff = school.members[1:] or school.members
                raters = [("self", leader_email), ("superior", self.directors[school.community])]
                for n in range(raters_360 - 2):
                    kind = "leadership" if n < 3 else ("support" if n % 7 == 6 else "teachers")
                    raters.append((kind, _rater(staff, n, school)))
                survey(school, feedback, "360", "360° gedeeld leiderschap", leader_mid, raters, 3.3)
                raters = [("teachers", _rater(staff, n, school)) for n in range(raters_pulse)]
                survey(school, pulse, "pulse", "Teampols", None, raters, 3.5)
            for table, key in (
                (surveys, "surveys"),
                (groups, "groups"),
                (rounds, "rounds"),
                (invitations, "invitations"),
                (responses, "responses"),
            ):
                table.write(rows[key])
        answering = self.progress.phase("answers", [answers])
        with answering, _loaded_without_indexes(self.cursor, Answer):
            answers.write(answer_rows())


def _rater(staff, n, school) -> str:
    """The n-th rater of a school: its staff first, then invited outsiders (a school may ask
    more raters than it has staff, e.g. parents)."""
    if n < len(staff):
        return staff[n][2]
    return f"betrokkene{n}@{school.slug}.example"


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


def build_region(*, scale: float = 1.0, seed: int = SEED, password_hash: str, write=print):
    """Add the region's mass to the database (PostgreSQL) and return the progress lines."""
    if connection.vendor != "postgresql":
        raise ValueError("The region data set needs PostgreSQL (COPY).")
    return RegionBuilder(scale=scale, seed=seed, password_hash=password_hash, write=write).build()
