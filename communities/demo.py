"""Demo data for PLG's.

`small`: six PLG's in the main school (one of each type, each in another phase) and a leaders'
learning group of the school community, with Dutch minutes, decisions, actions, products and a
resource library. The demo coach is process coach of the lesson study, the demo teacher its
note-taker with an open action. `large` adds six generated PLG's in each other school: 300 in
the schools in all, built with bulk_create. Dates are relative to today, so the overview always
shows moving and stalling groups.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.utils import timezone

from .cycles import cycle_for
from .demo_content import (
    ACTIONS,
    DECISIONS,
    GRADES,
    LEADERS_GROUP,
    LEARNINGS,
    MAIN_PLGS,
    OPENERS,
    POINTS,
    PRODUCTS,
    QUESTION_STEMS,
    RESOURCES,
    SUBJECTS,
    TOPICS,
)
from .models import (
    PLG,
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Evidence,
    Meeting,
    MeetingRole,
    MemberRole,
    PhaseRecord,
    PLGMember,
    Product,
    ProductReaction,
    Resource,
    Role,
)

BATCH = 1000
PHASE_DAYS = 21
GENERATED_TYPES = [
    "lesson_study",
    "data_team",
    "design_team",
    "intervision",
    "subject_didactic",
    "lesson_study",
]


@dataclass
class _Plan:
    owner: object  # Organisation
    community_id: int | None
    spec: tuple  # (type, name, question, focus, subject, grade, phase index, open)
    people: list  # Memberships; the first is process coach, the second note-taker
    handcrafted: bool
    stalls: bool = False
    plg: PLG | None = None
    members: list = field(default_factory=list)


def _pick_people(rng, pool, n, first=()):
    chosen = [p for p in first if p is not None]
    rest = [p for p in pool if p not in chosen]
    chosen += rng.sample(rest, min(n - len(chosen), len(rest)))
    return chosen


def _main_plans(ctx, rng) -> list[_Plan]:
    school = ctx.main_school
    pool = ctx.members_by_school[school.pk]
    by_user = {m.user_id: m for m in pool}
    coach = by_user.get(getattr(ctx.users.get("coach"), "pk", None))
    staff = by_user.get(getattr(ctx.users.get("staff"), "pk", None))
    leader = ctx.leaders_by_school.get(school.pk)
    plans = []
    for spec in MAIN_PLGS:
        kind = spec[0]
        first = {
            "lesson_study": (coach, staff),
            "design_team": (coach,),
            "data_team": (),
            "coach_the_coach": (coach,),
            "intervision": (),
            "subject_didactic": (),
        }[kind]
        people = _pick_people(rng, pool[3:], rng.randint(5, 7), first)
        if kind == "data_team" and staff is not None and staff not in people:
            people.append(staff)  # the demo teacher as a plain member of the data team
        plans.append(
            _Plan(school, school.parent_id, spec, people, True, stalls=kind == "subject_didactic")
        )
    # The coach-the-coach group gathers the process coaches of the other groups.
    coach_group = plans[-1]
    coach_group.people = list(dict.fromkeys([coach, *(p.people[0] for p in plans[:-1])]))
    coach_group.people = [p for p in coach_group.people if p is not None]
    community = school.parent
    if community is not None:
        leaders = [ctx.leaders_by_school[s.pk] for s in ctx.schools if s.parent_id == community.pk]
        leaders = [m for m in [leader, *leaders] if m is not None]
        plans.append(
            _Plan(community, community.pk, LEADERS_GROUP, list(dict.fromkeys(leaders)), True)
        )
    return plans


def _generated_plans(ctx, rng) -> list[_Plan]:
    plans = []
    for school in ctx.schools[1:]:
        pool = ctx.members_by_school.get(school.pk) or []
        if len(pool) < 6:
            continue
        for i, kind in enumerate(GENERATED_TYPES):
            topic = rng.choice(TOPICS)
            grade = rng.choice(GRADES)
            name = f"{cycle_for(kind).name.nl} {topic} {i + 1}"
            question = QUESTION_STEMS[kind].format(topic=topic, grade=grade)
            phase = rng.randrange(len(cycle_for(kind).phases))
            spec = (
                kind,
                name,
                question,
                "pupils" if i % 3 else "team",
                rng.choice(SUBJECTS),
                grade,
                phase,
                i % 4 != 3,
            )
            people = _pick_people(rng, pool[1:], rng.randint(4, 8))
            plans.append(
                _Plan(school, school.parent_id, spec, people, False, stalls=rng.random() < 0.2)
            )
    return plans


def _at_half_past_three(moment):
    """After school, in the school's time zone."""
    return timezone.localtime(moment).replace(hour=15, minute=30, second=0, microsecond=0)


def _minutes(rng, kind, phase, question) -> str:
    points = rng.sample(POINTS[kind], min(3, len(POINTS[kind])))
    return (
        f"## Terugblik\n{rng.choice(OPENERS)}\n\n"
        f"## {phase.name.nl}\n*{phase.purpose.nl}*\n\n"
        + "\n".join(f"- {p}" for p in points)
        + f"\n\n## Volgende stap\nWe houden de leervraag voor ogen: {question}\n"
    )


def _other_than(choices: list, taken: str) -> list:
    """The choices without one already taken, so one meeting does not list an action twice."""
    return [c for c in choices if c != taken] or choices


def build(ctx) -> None:
    rng = random.Random(44)
    now = timezone.now()
    today = timezone.localdate()
    plans = _main_plans(ctx, rng)
    if ctx.is_large:
        plans += _generated_plans(ctx, rng)

    plans = [p for p in plans if p.people]
    rows = []
    for plan in plans:
        kind, name, question, focus, subject, grade, phase_index, is_open = plan.spec
        cycle = cycle_for(kind)
        rows.append(
            PLG(
                organisation=plan.owner,
                type=kind,
                name=name,
                learning_question=question,
                focus=focus,
                subject=subject,
                is_open=is_open,
                status=PLG.Status.ACTIVE,
                current_phase=cycle.phases[phase_index].code,
                learnings=LEARNINGS.get(kind, "") if plan.handcrafted else "",
                proposed_by_id=plan.people[0].user_id,
            )
        )
    PLG.objects.bulk_create(rows, batch_size=BATCH)
    for plan, plg in zip(plans, rows, strict=True):
        plan.plg = plg

    members = [PLGMember(plg=p.plg, person=m) for p in plans for m in p.people]
    PLGMember.objects.bulk_create(members, batch_size=BATCH)
    it = iter(members)
    for plan in plans:
        plan.members = [next(it) for _ in plan.people]

    roles, records, evidence, meetings = [], [], [], []
    meeting_plan = []  # (meeting, plan, is_past, index)
    for plan in plans:
        kind = plan.spec[0]
        phase_index = plan.spec[6]
        cycle = cycle_for(kind)
        m = plan.members
        roles.append(MemberRole(member=m[0], role=Role.PROCESS_COACH))
        if len(m) > 1:
            roles.append(MemberRole(member=m[1], role=Role.NOTE_TAKER))
        if len(m) > 2:
            roles.append(MemberRole(member=m[2], role=Role.CURATOR))
        if len(m) > 3 and kind in ("lesson_study", "data_team"):
            roles.append(MemberRole(member=m[3], role=Role.FACILITATOR))
        origin = now - datetime.timedelta(days=PHASE_DAYS * (phase_index + 1) + 5)
        for p in range(phase_index + 1):
            started = origin + datetime.timedelta(days=PHASE_DAYS * p)
            ended = started + datetime.timedelta(days=PHASE_DAYS) if p < phase_index else None
            points = POINTS[kind]
            records.append(
                PhaseRecord(
                    plg=plan.plg,
                    phase=cycle.phases[p].code,
                    started_at=started,
                    ended_at=ended,
                    conclusion=points[p % len(points)] if ended else "",
                    started_by_id=m[0].person.user_id,
                )
            )
            evidence.append(
                Evidence(
                    plg=plan.plg,
                    phase=cycle.phases[p].code,
                    text=points[(p + 1) % len(points)],
                    added_by_id=m[-1].person.user_id,
                )
            )
            at = _at_half_past_three(started + datetime.timedelta(days=7))
            if at < now:
                meetings.append(
                    Meeting(
                        plg=plan.plg,
                        starts_at=at,
                        place="Lerarenkamer",
                        phase=cycle.phases[p].code,
                        minutes=_minutes(rng, kind, cycle.phases[p], plan.spec[2]),
                        minutes_by_id=m[1].person.user_id if len(m) > 1 else None,
                    )
                )
                meeting_plan.append((meetings[-1], plan, True, p))
        if not plan.stalls:
            at = _at_half_past_three(now + datetime.timedelta(days=9))
            meetings.append(
                Meeting(
                    plg=plan.plg,
                    starts_at=at,
                    place="Refter" if rng.random() < 0.7 else "",
                    phase=cycle.phases[phase_index].code,
                )
            )
            if not meetings[-1].place:
                meetings[-1].online_url = "https://meet.example.org/plg"
            meeting_plan.append((meetings[-1], plan, False, phase_index))
    MemberRole.objects.bulk_create(roles, batch_size=BATCH)
    PhaseRecord.objects.bulk_create(records, batch_size=BATCH)
    Evidence.objects.bulk_create(evidence, batch_size=BATCH)
    Meeting.objects.bulk_create(meetings, batch_size=BATCH)

    agenda, attendance, decisions, actions, meeting_roles = [], [], [], [], []
    staff_user = getattr(ctx.users.get("staff"), "pk", None)
    last_past = {}
    for meeting, plan, is_past, index in meeting_plan:
        m = plan.members
        kind = plan.spec[0]
        for minute, title in (
            (0, "Welkom en terugblik"),
            (15, "Inhoud van de fase"),
            (75, "Afspraken en acties"),
        ):
            agenda.append(
                AgendaItem(
                    meeting=meeting,
                    time=datetime.time(15 + (30 + minute) // 60, (30 + minute) % 60),
                    title=title,
                    owner=m[0] if minute != 15 else m[min(2, len(m) - 1)],
                )
            )
        if not is_past:
            continue
        last_past[plan.plg.pk] = (meeting, plan)
        if len(m) > 2 and index % 2 == 1:  # the note-taker rotates every other meeting
            meeting_roles.append(MeetingRole(meeting=meeting, member=m[2], role=Role.NOTE_TAKER))
        rate = 0.4 if plan.stalls and index >= plan.spec[6] - 1 else 0.9
        for member in m:
            attendance.append(
                Attendance(
                    meeting=meeting, member=member, present=rng.random() < rate or member is m[0]
                )
            )
        decisions.append(Decision(meeting=meeting, text=rng.choice(DECISIONS[kind])))
        owner = m[rng.randrange(len(m))]
        actions.append(
            ActionItem(
                plg=plan.plg,
                meeting=meeting,
                description=rng.choice(ACTIONS[kind]),
                owner=owner,
                deadline=(meeting.starts_at + datetime.timedelta(days=14)).date(),
                done_at=meeting.starts_at + datetime.timedelta(days=10),
            )
        )
    for meeting, plan in last_past.values():
        # The latest meeting's actions are still open; the demo teacher owns one of them.
        action = next(a for a in reversed(actions) if a.meeting is meeting)
        action.done_at = None
        action.deadline = today + datetime.timedelta(days=rng.randint(-3, 12))
        mine = [x for x in plan.members if x.person.user_id == staff_user]
        if mine:
            actions.append(
                ActionItem(
                    plg=plan.plg,
                    meeting=meeting,
                    owner=mine[0],
                    description=(
                        "Notulen aanvullen met de foto's van het bord"
                        if plan.spec[0] == "lesson_study"
                        else rng.choice(_other_than(ACTIONS[plan.spec[0]], action.description))
                    ),
                    deadline=today + datetime.timedelta(days=5),
                )
            )
    AgendaItem.objects.bulk_create(agenda, batch_size=BATCH)
    Attendance.objects.bulk_create(attendance, batch_size=BATCH)
    Decision.objects.bulk_create(decisions, batch_size=BATCH)
    ActionItem.objects.bulk_create(actions, batch_size=BATCH)
    MeetingRole.objects.bulk_create(meeting_roles, batch_size=BATCH)
    _library(ctx, rng, plans)


def _library(ctx, rng, plans) -> None:
    products, resources = [], []
    for plan in plans:
        kind, _name, _q, _focus, subject, grade, phase_index, _open = plan.spec
        cycle = cycle_for(kind)
        entries = PRODUCTS.get(kind, [])
        if not plan.handcrafted:
            entries = entries[: rng.randint(0, len(entries))]
        for j, (product_kind, title, summary, tags) in enumerate(entries):
            products.append(
                Product(
                    plg=plan.plg,
                    kind=product_kind,
                    title=title if plan.handcrafted else f"{title} ({plan.owner.name})",
                    summary=summary,
                    phase=cycle.phases[min(j, phase_index)].code,
                    subject=subject,
                    grade=grade,
                    tags=tags,
                    audience=Product.Audience.COMMUNITY if j == 0 else Product.Audience.SCHOOL,
                    organisation=plan.owner,
                    community_id=plan.community_id,
                    published_by_id=plan.members[0].person.user_id,
                )
            )
        if plan.handcrafted:
            for res_kind, title, url, note, tags in RESOURCES.get(kind, []):
                resources.append(
                    Resource(
                        plg=plan.plg,
                        kind=res_kind,
                        title=title,
                        url=url,
                        note=note,
                        tags=tags,
                        added_by_id=plan.members[min(2, len(plan.members) - 1)].person.user_id,
                    )
                )
    Product.objects.bulk_create(products, batch_size=BATCH)
    Resource.objects.bulk_create(resources, batch_size=BATCH)
    reactions = []
    for product in products:
        pool = ctx.members_by_school.get(product.organisation_id) or []
        for person in rng.sample(pool, min(len(pool), rng.randint(0, 6))):
            reactions.append(
                ProductReaction(
                    product=product, user_id=person.user_id, kind=ProductReaction.Kind.THANKS
                )
            )
            if rng.random() < 0.3:
                reactions.append(
                    ProductReaction(
                        product=product, user_id=person.user_id, kind=ProductReaction.Kind.REUSE
                    )
                )
    ProductReaction.objects.bulk_create(reactions, batch_size=BATCH, ignore_conflicts=True)
