"""Demo data for team charters and the decision matrix.

Every school gets the starter matrix in Dutch. In the main school each team has a charter (its
pupils, a meeting rhythm, roles, two earlier mission texts) and the matrix is filled: rows that
moved to the teams over the last three school years, teams that differ, one row without an
owner and one conflict, so that the "still unclear" list shows both kinds. One team of the
main school, "Derde graad", works on its own: the one island team of the collaboration page.

Every team of the main school has goals with monthly measurements since September; the demo
teacher's home team has one goal off track (the overview's "team goals off track" names it, and
the leader sent it to the development points), and the school's last team has many goals with a
year of weekly measurements. Colleagues have left notes of appreciation for the teacher's team
and for some of its members.
"""

import datetime
import random
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone, translation

from communities.models import PLG, PLGMember
from organisations.access import get_access
from organisations.models import Membership, TeamMembership

from .models import (
    Appreciation,
    Charter,
    Decision,
    GoalMeasurement,
    MissionVersion,
    Owner,
    TeamDecision,
    TeamGoal,
    TeamRole,
)
from .services import goal_point_propose
from .starter import STARTER

BATCH = 1000
RHYTHMS = [
    "Om de twee weken op dinsdag, 15.30–16.45",
    "Elke maandag na schooltijd, een uur",
    "Wekelijks op donderdagmiddag, met een maandelijks zorgoverleg",
]
ROLES = ["voorzitter", "verslaggever", "zorgcontact", "contact met ouders", "budgetbeheerder"]
EARLIER_MISSIONS = [
    "We zorgen samen voor een goede start van elk kind.",
    "Elk kind telt: we kijken samen naar wat het nodig heeft.",
]
# For the main school: (row, school default, months ago it moved, {team index: owner}).
MAIN_MATRIX = {
    "Lesrooster": (Owner.TEAM, 26, {}),
    "Klassamenstelling": (Owner.TOGETHER, 14, {0: Owner.LEADERSHIP}),
    "Gebruik van lokalen en ruimtes": (Owner.TEAM, 3, {}),
    "Planning van projecten en uitstappen": (Owner.TEAM, 27, {}),
    "Leerlingenzorg": (Owner.TOGETHER, 13, {1: Owner.TEAM}),
    "Contact met ouders": (Owner.TEAM, 2, {}),
    "Rapporten en evaluatie": (Owner.LEADERSHIP, None, {2: Owner.TEAM}),  # a conflict
    "Aanwerving": (Owner.LEADERSHIP, None, {0: Owner.TOGETHER}),
    "Professionele ontwikkeling": (Owner.TOGETHER, 15, {}),
    "Taakverdeling binnen het team": (Owner.TEAM, 1, {}),
    "Teambudget": (Owner.TOGETHER, 4, {3: Owner.TEAM}),
    # "Leermiddelen" stays without an owner: unclear.
}


def _months_ago(today, months):
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return datetime.date(year, month + 1, min(today.day, 28))


def build(ctx) -> None:
    rng = random.Random(61)
    today = timezone.localdate()
    with translation.override("nl"):
        starter = [(str(theme), [str(n) for n in names]) for theme, names in STARTER]
    rows = []
    for school in ctx.schools:
        main = school == ctx.main_school
        for theme, names in starter:
            for position, name in enumerate(names):
                row = Decision(organisation=school, theme=theme, name=name, position=position)
                if main and name in MAIN_MATRIX:
                    owner, months, _teams = MAIN_MATRIX[name]
                    row.owner = owner
                    row.moved_on = _months_ago(today, months) if months else None
                elif not main:
                    row.owner = rng.choice(["", *Owner.values])
                rows.append(row)
    Decision.objects.bulk_create(rows, batch_size=BATCH)

    school = ctx.main_school
    if school is None:
        return
    teams = ctx.teams_by_school.get(school.pk, [])
    decisions = {row.name: row for row in rows if row.organisation_id == school.pk}
    choices = []
    for name, (_owner, months, per_team) in MAIN_MATRIX.items():
        for index, owner in per_team.items():
            if index < len(teams):
                moved = _months_ago(today, (months or 6) - 1) if owner != Owner.LEADERSHIP else None
                note = "Dit team werkt met een eigen aanpak." if owner == Owner.TEAM else ""
                choices.append(
                    TeamDecision(
                        decision=decisions[name],
                        team=teams[index],
                        owner=owner,
                        note=note,
                        moved_on=moved,
                    )
                )
    TeamDecision.objects.bulk_create(choices, batch_size=BATCH)
    _island(ctx, school, teams)
    _charters(ctx, rng, teams)
    home = _teacher_home(ctx, school)
    _goals(ctx, rng, teams, home, today)
    _send_off_track(ctx, school, home)
    _appreciation(ctx, school, home)


def _charters(ctx, rng, teams):
    charters, versions, roles = [], [], []
    for index, team in enumerate(teams):
        charters.append(
            Charter(
                team=team,
                pupils=f"{team.name}: de kinderen van klassen {index + 1}A–{index + 1}C",
                meeting_rhythm=RHYTHMS[index % len(RHYTHMS)],
            )
        )
        texts = [text for text in [*EARLIER_MISSIONS, team.mission] if text]
        for age, text in enumerate(reversed(texts)):
            versions.append(MissionVersion(team=team, text=text))
            versions[-1].age_days = 200 * age
    Charter.objects.bulk_create(charters, batch_size=BATCH)
    MissionVersion.objects.bulk_create(versions, batch_size=BATCH)
    # Spread the versions out over time (created_at is set on insert, so afterwards).
    now = timezone.now()
    for version in versions:
        version.created_at = now - datetime.timedelta(days=version.age_days)
    MissionVersion.objects.bulk_update(versions, ["created_at"], batch_size=BATCH)
    links = TeamMembership.objects.filter(team__in=teams).order_by("team_id", "pk")
    seen: dict[int, int] = {}
    for link in links:
        position = seen.get(link.team_id, 0)
        seen[link.team_id] = position + 1
        if position < len(ROLES):
            roles.append(TeamRole(team_membership=link, role=ROLES[position]))
    TeamRole.objects.bulk_create(roles, batch_size=BATCH)


# (title, kind, scale max, unit, baseline, target, direction)
GOALS = [
    ("Meer kinderen lezen elke dag graag", "percentage", None, "%", 45, 75, "higher"),
    ("Minder laatkomers per week", "number", None, "laatkomers", 14, 5, "lower"),
    ("Welbevinden in de klas", "scale", 5, "", 3, 4, "higher"),
    ("Elk gezin komt naar het oudercontact", "percentage", None, "%", 60, 95, "higher"),
    ("Minder kinderen met een leesachterstand", "number", None, "kinderen", 12, 4, "lower"),
]
MANY_GOALS = 12  # for the school's last team (the bench's "many goals" charter)
OFF_TRACK_TITLE = "Minder laatkomers per week"


def _teacher_home(ctx, school):
    link = (
        TeamMembership.objects.filter(
            membership__organisation=school, membership__user=ctx.users.get("staff"), is_home=True
        )
        .select_related("team")
        .first()
    )
    return link.team if link else None


def _school_year_start(today):
    year = today.year if today.month >= 9 else today.year - 1
    return datetime.date(year, 9, 1)


def _value(kind, baseline, target, share, rng):
    """A value a little ahead of the straight line from baseline to target."""
    value = baseline + (target - baseline) * min(1.0, share * 1.25 + rng.uniform(0, 0.05))
    return Decimal(str(round(value, 1 if kind == "scale" else 0)))


def _goals(ctx, rng, teams, home, today):
    # Since September, with at least a few measurements and a deadline still ahead whatever
    # the day the demo is built.
    start = min(_school_year_start(today), today - datetime.timedelta(days=75))
    deadline = max(datetime.date(start.year + 1, 6, 30), today + datetime.timedelta(days=90))
    plans = []  # (goal, start, step in days, off track)
    for index, team in enumerate(teams):
        many = index == len(teams) - 1 and len(teams) > 1
        count = MANY_GOALS if many else 2 + index % 2
        goal_start = datetime.date(start.year - 1, 9, 1) if many else start
        for number in range(count):
            title, kind, scale_max, unit, baseline, target, direction = GOALS[
                (index + number) % len(GOALS)
            ]
            if team == home and number == 0:
                title, kind, scale_max, unit, baseline, target, direction = next(
                    goal for goal in GOALS if goal[0] == OFF_TRACK_TITLE
                )
            if many:
                title = f"{title} ({number + 1})"
            goal = TeamGoal(
                team=team,
                title=title,
                kind=kind,
                scale_max=scale_max,
                unit=unit,
                baseline=Decimal(baseline),
                target=Decimal(target),
                direction=direction,
                deadline=deadline,
            )
            off = team == home and number == 0
            plans.append((goal, goal_start, 7 if many else 30, off))
    TeamGoal.objects.bulk_create([plan[0] for plan in plans], batch_size=BATCH)
    measurements = []
    for goal, goal_start, step, off in plans:
        goal.created_at = datetime.datetime.combine(
            goal_start, datetime.time(9), tzinfo=datetime.UTC
        )
        span = (deadline - goal_start).days
        day = goal_start + datetime.timedelta(days=14)
        while day <= today:
            share = (day - goal_start).days / span
            if off:  # going the wrong way: more late-comers than at the start
                value = Decimal(int(goal.baseline) + 1 + len(measurements) % 3)
            else:
                value = _value(goal.kind, float(goal.baseline), float(goal.target), share, rng)
            measurements.append(
                GoalMeasurement(
                    goal=goal, date=day, value=value, note="Telling in de klas" if off else ""
                )
            )
            day += datetime.timedelta(days=step)
    TeamGoal.objects.bulk_update([plan[0] for plan in plans], ["created_at"], batch_size=BATCH)
    GoalMeasurement.objects.bulk_create(measurements, batch_size=BATCH)


def _send_off_track(ctx, school, home):
    """The leader sends the teacher's team's off-track goal to the development points, as with
    the button on its charter card; the action plan takes it up (development's demo)."""
    leader = ctx.leaders_by_school.get(school.pk)
    if home is None or leader is None:
        return
    goal = TeamGoal.objects.filter(team=home, title=OFF_TRACK_TITLE).select_related("team").first()
    if goal is None:
        return
    url = reverse("teams:charter", kwargs={"slug": school.slug, "pk": home.pk})
    with translation.override("nl"):
        goal_point_propose(
            goal=goal,
            access=get_access(leader.user, school.slug),
            actor=leader.user,
            url=f"{url}#goal-{goal.pk}",
        )


def _appreciation(ctx, school, home):
    """Notes for the teacher's team (from the leader) and between the teacher and a teammate."""
    leader = ctx.leaders_by_school.get(school.pk)
    if home is None or leader is None:
        return
    links = TeamMembership.objects.filter(team=home).select_related("membership").order_by("pk")
    teacher = next(
        (link.membership for link in links if link.membership.user_id == ctx.users["staff"].pk),
        None,
    )
    colleague = next((link.membership for link in links if link.membership != teacher), None)
    team_notes = [
        ("school", "Bedankt voor het mooie leesproject: de kinderen genieten ervan!"),
        ("recipient", "Knap hoe jullie elkaar deze drukke weken opvingen. Dank je wel!"),
    ]
    notes = [
        Appreciation(
            organisation=school, team=home, visibility=visibility, text=text, author=leader.user
        )
        for visibility, text in team_notes
    ]
    if teacher is not None and colleague is not None:
        notes.append(
            Appreciation(
                organisation=school,
                membership=teacher,
                visibility="recipient",
                text="Dank je om mijn klas over te nemen toen ik ziek was.",
                author=colleague.user,
            )
        )
        notes.append(
            Appreciation(
                organisation=school,
                membership=colleague,
                visibility="school",
                text="Je onthaal van de nieuwe collega's was warm en helder. Chapeau!",
                author=teacher.user,
            )
        )
    Appreciation.objects.bulk_create(notes, batch_size=BATCH)


ISLAND_TEAM = "Derde graad"
NOT_FOR_THE_ISLAND = ("kleuter", "kinderverzorger", "zorg")  # functions of other teams


def _island(ctx, school, teams) -> None:
    """Make ISLAND_TEAM share no colleague and no PLG with another team: its colleagues who
    are in another team or an active PLG (and the demo logins) move to another of their teams
    or to the next team, others' second places in it go, and as many colleagues who are only
    in their home team and in no PLG move in."""
    island = next((team for team in teams if team.name == ISLAND_TEAM), None)
    if island is None or len(teams) < 2:
        return
    logins = {user.pk for key, user in ctx.users.items() if key in ("leader", "coach", "staff")}
    in_plg = set(
        PLGMember.objects.filter(
            person__organisation=school, plg__status=PLG.Status.ACTIVE
        ).values_list("person_id", flat=True)
    )
    links = list(
        TeamMembership.objects.filter(team__in=teams).select_related("membership").order_by("pk")
    )
    by_person: dict[int, list[TeamMembership]] = {}
    for link in links:
        by_person.setdefault(link.membership_id, []).append(link)
    others = [team for team in teams if team.pk != island.pk]

    drop, promote, move, stay = [], [], [], 0
    for person, own in by_person.items():
        home = next((link for link in own if link.is_home), None)
        if home is None or home.team_id != island.pk:
            drop += [link for link in own if link.team_id == island.pk]
            continue
        membership = home.membership
        if membership.user_id not in logins and person not in in_plg and len(own) == 1:
            stay += 1
            continue
        second = next((link for link in own if not link.is_home), None)
        if second is not None:
            drop.append(home)
            second.is_home = True
            promote.append(second)
        else:
            home.team = others[len(move) % len(others)]
            move.append(home)

    wanted = len(promote) + len(move)
    candidates = [
        own[0]
        for person, own in by_person.items()
        if len(own) == 1
        and own[0].team_id != island.pk
        and person not in in_plg
        and own[0].membership.user_id not in logins
        and own[0].membership.role == Membership.Role.STAFF
        and not any(word in own[0].membership.function for word in NOT_FOR_THE_ISLAND)
    ]
    arrivals = candidates[: max(wanted, 4 - stay)]
    for link in arrivals:
        link.team = island
    TeamMembership.objects.filter(pk__in=[link.pk for link in drop]).delete()
    TeamMembership.objects.bulk_update(promote, ["is_home"], batch_size=BATCH)
    TeamMembership.objects.bulk_update(move + arrivals, ["team"], batch_size=BATCH)
