"""Demo data for competences.

Every school gets the starter framework in Dutch, the school's rule (at least 2 people at
level 3 or higher) and an agreed level for every person on every competence. In the main
school every team holds every competence, except two cells a newcomer finds at once: in the
demo teacher's home team "Datageletterdheid" rests on one colleague (fragile), and in another
team nobody holds "Digitale didactiek" (missing); the leader sent both to the development
points. The demo teacher has rated herself twice (her history) and the demo coach added a view.
The main school community keeps a shared framework of its own, which its schools see next to
theirs.
"""

import datetime
import random

from django.urls import reverse
from django.utils import timezone, translation

from core.demo import MAIN_COMMUNITY_SLUG
from organisations.access import get_access
from organisations.models import TeamMembership

from . import coverage, selectors
from .models import LEVELS, Competence, CoverageRule, Framework, Rating
from .services import coverage_point_propose
from .starter import DESCRIPTION, NAME, STARTER

BATCH = 2000
FRAGILE_CODE = "DATA"
MISSING_CODE = "DIGI"
WEIGHTS = [1, 3, 4, 2]  # levels 1–4: most people at 2 or 3


def build(ctx) -> None:
    rng = random.Random(73)
    with translation.override("nl"):
        starter = [
            (code, str(name), str(description), [str(text) for text in levels])
            for code, name, description, levels in STARTER
        ]
        name, description = str(NAME), str(DESCRIPTION)
    frameworks = Framework.objects.bulk_create(
        [Framework(organisation=s, name=name, description=description) for s in ctx.schools],
        batch_size=BATCH,
    )
    competences = Competence.objects.bulk_create(
        [
            Competence(
                framework=framework,
                code=code,
                name=c_name,
                description=c_description,
                order=order,
                **{f"level_{n}": text for n, text in zip(LEVELS, levels, strict=True)},
            )
            for framework in frameworks
            for order, (code, c_name, c_description, levels) in enumerate(starter)
        ],
        batch_size=BATCH,
    )
    CoverageRule.objects.bulk_create(
        [CoverageRule(organisation=s, min_people=2, min_level=3) for s in ctx.schools],
        batch_size=BATCH,
    )
    by_framework = {}
    for competence in competences:
        by_framework.setdefault(competence.framework_id, []).append(competence)
    links, homes = {}, {}
    for team_id, member_id, school_id, is_home in TeamMembership.objects.filter(
        team__organisation__in=ctx.schools
    ).values_list("team_id", "membership_id", "team__organisation_id", "is_home"):
        links.setdefault(school_id, {}).setdefault(team_id, []).append(member_id)
        if is_home:
            homes[member_id] = team_id

    today = timezone.localdate()
    ratings = []
    for school, framework in zip(ctx.schools, frameworks, strict=True):
        members = ctx.members_by_school.get(school.pk, [])
        school_competences = by_framework[framework.pk]
        levels = {
            (m.pk, c.pk): rng.choices(LEVELS, WEIGHTS)[0]
            for m in members
            for c in school_competences
        }
        if school == ctx.main_school:
            _shape_main(ctx, rng, school_competences, links.get(school.pk, {}), homes, levels)
        ratings += [
            Rating(
                membership_id=member_id,
                competence_id=competence_id,
                kind=Rating.Kind.AGREED,
                level=level,
                rated_on=today - datetime.timedelta(days=rng.randint(5, 120)),
                rated_by=None,
            )
            for (member_id, competence_id), level in levels.items()
        ]
    Rating.objects.bulk_create(ratings, batch_size=BATCH)
    if ctx.main_school is not None:
        _demo_teacher(ctx, rng, by_framework[frameworks[0].pk], today)
        _send_at_risk(ctx, frameworks[0], by_framework[frameworks[0].pk])
    _community_framework(ctx, starter)


COMMUNITY_CODES = ("ZORG", "DIFF", "DATA", "DIGI")


def _community_framework(ctx, starter) -> None:
    """A shared framework of the main school community: four of the starter's competences."""
    community = next((c for c in ctx.communities if c.slug == MAIN_COMMUNITY_SLUG), None)
    if community is None:
        return
    framework = Framework.objects.create(
        organisation=community,
        name=f"Gedeeld kader {community.name}",
        description="Het kader dat de scholen van de scholengemeenschap samen opstelden.",
    )
    Competence.objects.bulk_create(
        Competence(
            framework=framework,
            code=code,
            name=name,
            description=description,
            order=order,
            **{f"level_{n}": text for n, text in zip(LEVELS, levels, strict=True)},
        )
        for order, (code, name, description, levels) in enumerate(
            row for row in starter if row[0] in COMMUNITY_CODES
        )
    )


def _shape_main(ctx, rng, competences, teams, homes, levels) -> None:
    """Every team of the main school holds every competence, but for one fragile and one
    missing cell."""
    teacher = _membership(ctx, "staff")
    home = homes.get(teacher.pk) if teacher else None
    by_code = {c.code: c for c in competences}
    locked = {}
    if home is not None:
        holder = next(pk for pk in teams[home] if pk != teacher.pk)
        fragile = by_code[FRAGILE_CODE].pk
        for member in teams[home]:
            levels[(member, fragile)] = 4 if member == holder else min(levels[(member, fragile)], 2)
        locked[fragile] = set(teams[home])
    others = [team for team in sorted(teams) if team != home]
    if others:
        missing, team = by_code[MISSING_CODE].pk, others[0]
        for member in teams[team]:
            levels[(member, missing)] = min(levels[(member, missing)], 2)
        locked[missing] = set(teams[team])
    for team, members in teams.items():
        for competence in competences:
            if (team == home and competence.code == FRAGILE_CODE) or (
                others and team == others[0] and competence.code == MISSING_CODE
            ):
                continue
            holders = [m for m in members if levels[(m, competence.pk)] >= 3]
            free = [
                m for m in members if m not in holders and m not in locked.get(competence.pk, set())
            ]
            rng.shuffle(free)
            for member in free[: max(0, 2 - len(holders))]:
                levels[(member, competence.pk)] = 3


def _send_at_risk(ctx, framework, competences) -> None:
    """The leader sends every fragile or missing cell of the main school to the development
    points, as with the button on a team's matrix; the action plan takes up the fragile one
    (development's demo), the missing one waits in the inbox."""
    school = ctx.main_school
    leader = ctx.leaders_by_school.get(school.pk)
    if leader is None:
        return
    access = get_access(leader.user, school.slug)
    rules = selectors.coverage_rules(school=school)
    by_pk = {c.pk: c for c in competences}
    for team in selectors.school_teams(school=school):
        member_ids = [link.membership_id for link in selectors.team_members(team=team)]
        cells = coverage.team_cells(
            team_id=team.pk,
            member_ids=member_ids,
            competence_ids=list(by_pk),
            levels=selectors.agreed_levels(framework=framework, memberships=member_ids),
            rules=rules,
        )
        url = reverse(
            "competences:team_matrix",
            kwargs={"slug": school.slug, "fw": framework.pk, "pk": team.pk},
        )
        for competence_id, cell in cells.items():
            if cell.status not in (coverage.Status.FRAGILE, coverage.Status.MISSING):
                continue
            with translation.override("nl"):
                coverage_point_propose(
                    school=school,
                    access=access,
                    team=team,
                    competence=by_pk[competence_id],
                    cell=cell,
                    url=f"{url}#at-risk",
                    actor=leader.user,
                )


def _membership(ctx, key):
    user = ctx.users.get(key)
    if user is None:
        return None
    return next(
        (m for m in ctx.members_by_school.get(ctx.main_school.pk, []) if m.user_id == user.pk), None
    )


def _demo_teacher(ctx, rng, competences, today) -> None:
    """The demo teacher's self-ratings, half a year ago and now, and the coach's view."""
    teacher, coach = _membership(ctx, "staff"), _membership(ctx, "coach")
    if teacher is None:
        return
    earlier = today - datetime.timedelta(days=180)
    rows = []
    for competence in competences:
        before = rng.choice([1, 2, 2, 3])
        rows.append(
            Rating(
                membership=teacher,
                competence=competence,
                kind=Rating.Kind.SELF,
                level=before,
                rated_on=earlier,
                rated_by=teacher.user,
                is_current=False,
                note="Bij de start van het schooljaar.",
            )
        )
    Rating.objects.bulk_create(rows)
    now = []
    for competence in competences:
        level = min(4, rng.choice([2, 3, 3, 4]))
        now.append(
            Rating(
                membership=teacher,
                competence=competence,
                kind=Rating.Kind.SELF,
                level=level,
                rated_by=teacher.user,
                note="Gegroeid dankzij de PLG." if level >= 3 else "",
            )
        )
        if coach is not None:
            now.append(
                Rating(
                    membership=teacher,
                    competence=competence,
                    kind=Rating.Kind.VIEW,
                    level=max(1, level - rng.choice([0, 0, 1])),
                    rated_by=coach.user,
                    note="Besproken in het coachingsgesprek.",
                )
            )
    Rating.objects.bulk_create(now)
