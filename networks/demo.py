"""Demo data for networks: the provider De Leerbrug's catalogue and running programmes.

`small`: the four seed programmes of the blueprint, one edition each (two for the two-day
course), learning groups of school leaders of Leieland, a session calendar over two school
years with attendance for the past sessions, assignments with submissions and feedback, a
literature list, a waiting list and applications to review. The demo school leader takes part
in the current edition of "Je school leiden in complexe omstandigheden"; the demo trainer runs
it. `large`: twelve editions with seven learning groups each, all built with bulk_create.
Dates are relative to today's school year, so there is always a past and a future.
"""

import datetime
import itertools
import random
from decimal import Decimal

from django.utils import timezone

from . import demo_content as content
from .demo_learning import build_learning, course_sessions, trajectory_sessions
from .demo_tailoring import build_tailoring
from .models import (
    Answer,
    Application,
    Attendance,
    Edition,
    LearningGroup,
    LiteratureItem,
    Participant,
    Programme,
    Question,
    Session,
)

BATCH = 2000
GROUP_SIZE = 6
Status = Application.Status


def _school_year_start(today) -> int:
    return today.year if today.month >= 9 else today.year - 1


def _tuesday(date) -> datetime.date:
    return date + datetime.timedelta(days=(1 - date.weekday()) % 7)


def _answer(question, n) -> str:
    if question.kind == Question.Kind.CHOICE:
        choices = question.choice_list
        return choices[0] if n % 4 else choices[n % len(choices)]
    if question.kind == Question.Kind.YES_NO:
        return "yes" if n % 3 == 0 else "no"
    return content.MOTIVATIONS[n % len(content.MOTIVATIONS)]


def _tz(date, hour) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour)))


class _Pools:
    """People per school community; each edition draws distinct people from them (one
    person appears at most once per edition)."""

    def __init__(self, ctx, exclude):
        per_school = {}
        for school in ctx.schools:
            members = ctx.members_by_school.get(school.pk, [])
            leader = ctx.leaders_by_school.get(school.pk)
            ordered = [leader, *(m for m in members if m is not leader)] if leader else members
            people = [m for m in ordered if m.user_id not in exclude]
            per_school.setdefault(school.parent_id, []).append(people)
        # Round robin over the community's schools (the leaders come first), so a group of
        # six mixes schools of one community, as learning groups do.
        self.by_community = {
            community_id: [
                m for row in itertools.zip_longest(*schools) for m in row if m is not None
            ]
            for community_id, schools in per_school.items()
        }
        self.communities = [c for c in ctx.communities if self.by_community.get(c.pk)]

    def draw(self, community, offset, count, used):
        pool = self.by_community[community.pk]
        chosen = []
        for i in range(len(pool)):
            member = pool[(offset + i) % len(pool)]
            if member.user_id not in used:
                chosen.append(member)
                used.add(member.user_id)
            if len(chosen) == count:
                break
        return chosen


def _programmes(ctx):
    trainers = ctx.trainers
    rows = []
    for i, spec in enumerate(content.PROGRAMMES):
        fields = {k: v for k, v in spec.items() if k not in ("fee",)}
        rows.append(
            Programme(
                provider=ctx.provider,
                trainer=trainers[i % len(trainers)],
                fee=Decimal(spec["fee"]),
                **fields,
            )
        )
    programmes = Programme.objects.bulk_create(rows)
    Question.objects.bulk_create(
        Question(programme=p, text=t, kind=k, choices=c, required=r, position=n)
        for p in programmes
        for n, (t, k, c, r) in enumerate(content.QUESTIONS)
    )
    LiteratureItem.objects.bulk_create(
        LiteratureItem(programme=programmes[0], reference=ref, url=url)
        for ref, url in content.LITERATURE
    )
    return programmes


def build(ctx) -> None:
    rng = random.Random(5)
    today = timezone.localdate()
    now = timezone.now()
    year = _school_year_start(today)
    leader = ctx.users.get("leader")
    trainer_user = ctx.users.get("trainer")
    trainer = next(
        (t for t in ctx.trainers if t.user_id == getattr(trainer_user, "pk", None)), None
    )
    programmes = _programmes(ctx)
    lead, impact, together, network = programmes
    n_groups = 7 if ctx.is_large else 2

    # (programme, edition name, start year or first day, is current)
    if ctx.is_large:
        plan = [(lead, year - k) for k in (3, 2, 1, 0)] + [(together, year - k) for k in (2, 1, 0)]
        plan += [(network, year - k) for k in (2, 1, 0)]
    else:
        plan = [(lead, year - 1), (lead, year), (together, year), (network, year)]
    # The two-day course runs on two Tuesdays a week apart, in about two weeks and in spring.
    course_days = [_tuesday(today + datetime.timedelta(days=d)) for d in (9, 120)]

    editions = []
    for i, (programme, start_year) in enumerate(plan):
        place = content.LOCATIONS[i % len(content.LOCATIONS)]
        editions.append(
            Edition(
                programme=programme,
                name=f"{start_year}–{start_year + 2}",
                starts_on=datetime.date(start_year, 9, 1),
                ends_on=datetime.date(start_year + 2, 6, 30),
                location=place[0],
                city=place[1],
                room=place[2],
                what_to_bring="Je laptop en het schoolwerkplan van je school.",
                capacity=1,  # set below, once the groups are known
                registration_deadline=_tz(datetime.date(start_year, 6, 15), 23),
                offer_days=5,
            )
        )
    for n, first_day in enumerate(course_days):
        place = content.LOCATIONS[(n + 2) % len(content.LOCATIONS)]
        editions.append(
            Edition(
                programme=impact,
                name=("najaar " if first_day.month >= 9 else "voorjaar ") + str(first_day.year),
                starts_on=first_day,
                ends_on=first_day + datetime.timedelta(days=7),
                location=place[0],
                city=place[1],
                room=place[2],
                what_to_bring="Je laptop, je schoolwerkplan en een recent teamverslag.",
                capacity=24,
                registration_deadline=_tz(first_day - datetime.timedelta(days=7), 23),
            )
        )
    editions = Edition.objects.bulk_create(editions)

    exclude = {leader.pk} if leader else set()
    pools = _Pools(ctx, exclude)
    groups, applications, participants_by_edition = [], [], {}
    group_members = {}  # (edition index, group index) -> [Membership]
    for e_index, edition in enumerate(editions):
        used = set()
        is_course = edition.programme_id == impact.pk
        count = n_groups if (ctx.is_large or not is_course) else 0
        for g in range(count):
            community = pools.communities[(e_index + g) % len(pools.communities)]
            members = pools.draw(
                community,
                offset=e_index * 13 + g * GROUP_SIZE,
                count=GROUP_SIZE - (g % 2),
                used=used,
            )
            group_members[(e_index, g)] = members
            groups.append(
                LearningGroup(
                    edition=edition,
                    name=f"Leergroep {community.name.replace('Scholengemeenschap ', '')} {g + 1}",
                    trainer=trainer
                    if (g == 0 and trainer)
                    else ctx.trainers[g % len(ctx.trainers)],
                )
            )
        participants_by_edition[edition.pk] = used
    groups = LearningGroup.objects.bulk_create(groups)
    # Groups were created in the order of group_members' keys.
    group_by_key = dict(zip(group_members, groups, strict=True))

    current_lead = next(
        i for i, e in enumerate(editions) if e.programme_id == lead.pk and e.starts_on.year == year
    )
    if leader is not None and (current_lead, 0) in group_members:
        main_leader = ctx.leaders_by_school[ctx.main_school.pk]
        group_members[(current_lead, 0)] = [
            main_leader,
            *group_members[(current_lead, 0)][: GROUP_SIZE - 1],
        ]

    # One group application per learning group, by its first member, accepted as a whole.
    app_rows, app_members = [], []
    for (e_index, g), members in group_members.items():
        edition = editions[e_index]
        app_rows.append(
            Application(
                edition=edition,
                applicant=members[0].user,
                school=members[0].organisation,
                status=Status.ACCEPTED,
                size=len(members),
                decided_at=_tz(edition.starts_on - datetime.timedelta(days=60), 10),
            )
        )
        app_members.append((e_index, g, members))
    # The two-day course in `small`: single applications, the demo leader among them.
    extra = []
    for e_index, edition in enumerate(editions):
        if edition.programme_id != impact.pk or (ctx.is_large):
            continue
        used = participants_by_edition[edition.pk]
        singles = pools.draw(pools.communities[0], offset=40 + e_index * 7, count=9, used=used)
        if leader is not None and e_index == len(editions) - 2:
            singles = [ctx.leaders_by_school[ctx.main_school.pk], *singles[:8]]
        for member in singles:
            extra.append((edition, member, Status.ACCEPTED))
    # The current edition of the trajectory: a waiting list, applications to review, a refusal.
    current = editions[current_lead]
    used = participants_by_edition[current.pk]
    for n, member in enumerate(pools.draw(pools.communities[-1], offset=200, count=6, used=used)):
        extra.append(
            (current, member, [Status.WAITLISTED] * 3 + [Status.SUBMITTED] * 2 + [Status.REFUSED])
        )
        extra[-1] = (current, member, extra[-1][2][n])
    for edition, member, status in extra:
        app_rows.append(
            Application(
                edition=edition,
                applicant=member.user,
                school=member.organisation,
                status=status,
                size=1,
                waitlisted_at=now - datetime.timedelta(days=20 - len(app_rows) % 10)
                if status == Status.WAITLISTED
                else None,
                decided_at=now - datetime.timedelta(days=30)
                if status in (Status.ACCEPTED, Status.REFUSED)
                else None,
                intake_at=_tz(today + datetime.timedelta(days=5), 14)
                if status == Status.SUBMITTED
                else None,
            )
        )
    applications = Application.objects.bulk_create(app_rows, batch_size=BATCH)
    questions = list(Question.objects.filter(programme__in=programmes).order_by("position"))
    Answer.objects.bulk_create(
        (
            Answer(application=a, question=q, value=_answer(q, n))
            for n, a in enumerate(applications)
            for q in questions
            if q.programme_id == a.edition.programme_id
        ),
        batch_size=BATCH,
    )

    participant_rows = []
    for application, (e_index, g, members) in zip(applications, app_members, strict=False):
        for member in members:
            participant_rows.append(
                Participant(
                    edition=editions[e_index],
                    application=application,
                    user=member.user,
                    school=member.organisation,
                    group=group_by_key[(e_index, g)],
                )
            )
    for application, (edition, member, status) in zip(
        applications[len(app_members) :], extra, strict=True
    ):
        participant_rows.append(
            Participant(
                edition=edition,
                application=application,
                user=member.user,
                school=member.organisation,
                is_active=status != Status.REFUSED,
            )
        )
    participants = Participant.objects.bulk_create(participant_rows, batch_size=BATCH)

    for edition in editions:
        accepted = sum(
            a.size
            for a in applications
            if a.edition_id == edition.pk and a.status == Status.ACCEPTED
        )
        if edition.programme_id == network.pk:
            # The network is sold per school: each school's group takes one group place.
            edition.capacity_unit = Edition.CapacityUnit.GROUPS
            edition.capacity = max(
                sum(
                    1
                    for a in applications
                    if a.edition_id == edition.pk and a.status == Status.ACCEPTED
                ),
                1,
            )
        elif edition.programme_id != impact.pk:
            edition.capacity = max(accepted, 1)
        else:
            edition.capacity = max(24, accepted)
    Edition.objects.bulk_update(editions, ["capacity", "capacity_unit"])

    # Sessions and attendance.
    session_rows = []
    for e_index, edition in enumerate(editions):
        place = (edition.location, edition.city, edition.room)
        edition_groups = [group_by_key[key] for key in sorted(group_by_key) if key[0] == e_index]
        if edition.programme_id == impact.pk:
            session_rows.extend(course_sessions(edition, edition.starts_on, place))
        else:
            programme = next(p for p in programmes if p.pk == edition.programme_id)
            session_rows.extend(
                trajectory_sessions(
                    programme, edition, edition_groups, edition.starts_on.year, place
                )
            )
    sessions = Session.objects.bulk_create(session_rows, batch_size=BATCH)

    accepted_by_edition = {}
    for participant in participants:
        if participant.is_active and participant.application.status == Status.ACCEPTED:
            accepted_by_edition.setdefault(participant.edition_id, []).append(participant)
    attendance = []
    for session in sessions:
        if session.date >= today:
            continue
        for participant in accepted_by_edition.get(session.edition_id, []):
            if session.group_id and participant.group_id != session.group_id:
                continue
            roll = rng.random()
            status = "present" if roll < 0.88 else ("excused" if roll < 0.95 else "absent")
            attendance.append(Attendance(session=session, participant=participant, status=status))
    Attendance.objects.bulk_create(attendance, batch_size=BATCH)

    build_learning(ctx, rng, today, editions, lead, accepted_by_edition, sessions, leader)
    if trainer is not None:
        build_tailoring(group_by_key[(current_lead, 0)], today)
