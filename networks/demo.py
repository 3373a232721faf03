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
import random
from decimal import Decimal

from django.utils import timezone

from . import demo_content as content
from .models import (
    Application,
    Assignment,
    Attendance,
    CoachingGroup,
    Edition,
    LearningGroup,
    LiteratureItem,
    Participant,
    Programme,
    Question,
    Reflection,
    ResearchGroup,
    Session,
    Submission,
)

BATCH = 2000
GROUP_SIZE = 6
Status = Application.Status


def _school_year_start(today) -> int:
    return today.year if today.month >= 9 else today.year - 1


def _thursday(year, month, day) -> datetime.date:
    date = datetime.date(year, month, day)
    return date + datetime.timedelta(days=(3 - date.weekday()) % 7)


def _tz(date, hour) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour)))


class _Pools:
    """People per school community, the school leaders first; each edition draws distinct
    people from them (one person appears at most once per edition)."""

    def __init__(self, ctx, exclude):
        self.by_community = {}
        for school in ctx.schools:
            members = ctx.members_by_school.get(school.pk, [])
            leader = ctx.leaders_by_school.get(school.pk)
            pool = self.by_community.setdefault(school.parent_id, [])
            ordered = [leader, *(m for m in members if m is not leader)] if leader else members
            pool.extend(m for m in ordered if m.user_id not in exclude)
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


def _sessions_for(programme, edition, groups, start_year, place):
    location, _city, room = place
    sessions = []

    def add(kind, title, date, group=None, end_date=None, hours=(9, 16)):
        sessions.append(
            Session(
                edition=edition,
                group=group,
                kind=kind,
                title=title,
                date=date,
                end_date=end_date,
                start_time=datetime.time(hours[0]),
                end_time=datetime.time(hours[1], 30 if hours[1] == 16 else 0),
                location=location,
                room=room,
                programme=f"{title}. Voorbereiding: zie de opdracht van de vorige sessie.",
            )
        )

    months = [9, 10, 11, 12, 1, 2, 3, 4, 5]
    code = programme.code
    if code == "LEID-2J":
        for year, topics in (
            (start_year, content.TRAINING_TOPICS),
            (start_year + 1, content.YEAR2_TOPICS),
        ):
            for n, month in enumerate(months):
                calendar_year = year if month >= 9 else year + 1
                add(
                    Session.Kind.TRAINING,
                    f"Vormingsdag {n + 1}: {topics[n]}",
                    _thursday(calendar_year, month, 8),
                )
            add(
                Session.Kind.NETWORK,
                "Netwerkmoment: leren van andere leergroepen",
                _thursday(year, 12, 15),
                hours=(13, 17),
            )
            add(
                Session.Kind.NETWORK,
                "Netwerkmoment: oogst van het jaar",
                _thursday(year + 1, 4, 22),
                hours=(13, 17),
            )
    elif code == "SLL-2J":
        for group in groups:
            for n, month in enumerate([*months, 6]):
                calendar_year = start_year if month >= 9 else start_year + 1
                add(
                    Session.Kind.GROUP,
                    f"Leergroepsessie {n + 1}",
                    _thursday(calendar_year, month, 15),
                    group=group,
                    hours=(13, 16),
                )
        add(
            Session.Kind.NETWORK,
            "Netwerkmoment: je PLG van start",
            _thursday(start_year + 1, 9, 20),
            hours=(13, 17),
        )
    elif code == "LNS-2J":
        add(
            Session.Kind.INTAKE,
            "Intakegesprekken met de scholen",
            _thursday(start_year, 9, 10),
            hours=(14, 17),
        )
        seminar = _thursday(start_year, 10, 1)
        add(
            Session.Kind.SEMINAR,
            "Residentieel startseminarie",
            seminar,
            end_date=seminar + datetime.timedelta(days=1),
            hours=(10, 16),
        )
        for n in range(8):
            month = [11, 1, 3, 5][n % 4]
            year = start_year + n // 4 + (1 if month < 9 else 0)
            add(
                Session.Kind.GROUP,
                f"Groepssessie {n + 1}",
                _thursday(year, month, 20),
                hours=(13, 16),
            )
    return sessions


def _course_sessions(edition, first_day, place):
    location, _city, room = place
    return [
        Session(
            edition=edition,
            kind=Session.Kind.TRAINING,
            title=f"Dag {n + 1}: "
            + ("PLG-types en hun cyclus" if n == 0 else "Procescoaching en je actieplan"),
            date=first_day + datetime.timedelta(days=14 * n),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(16, 30),
            location=location,
            room=room,
            programme="Je werkt de hele dag aan je eigen actieplan.",
        )
        for n in range(2)
    ]


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
        plan = [(lead, year), (together, year), (network, year)]
    course_days = [today + datetime.timedelta(days=16), today + datetime.timedelta(days=120)]

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
                ends_on=first_day + datetime.timedelta(days=14),
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
                intake_at=now + datetime.timedelta(days=5) if status == Status.SUBMITTED else None,
            )
        )
    applications = Application.objects.bulk_create(app_rows, batch_size=BATCH)

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
        if edition.programme_id != impact.pk:
            edition.capacity = max(accepted, 1)
        else:
            edition.capacity = max(24, accepted)
    Edition.objects.bulk_update(editions, ["capacity"])

    # Sessions and attendance.
    session_rows = []
    for e_index, edition in enumerate(editions):
        place = (edition.location, edition.city, edition.room)
        edition_groups = [group_by_key[key] for key in sorted(group_by_key) if key[0] == e_index]
        if edition.programme_id == impact.pk:
            session_rows.extend(_course_sessions(edition, edition.starts_on, place))
        else:
            programme = next(p for p in programmes if p.pk == edition.programme_id)
            session_rows.extend(
                _sessions_for(programme, edition, edition_groups, edition.starts_on.year, place)
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

    _learning(ctx, rng, today, editions, lead, accepted_by_edition, sessions, leader)


def _learning(ctx, rng, today, editions, lead, accepted_by_edition, sessions, leader):
    """Assignments with submissions and feedback, coaching pairs, research duos, reflections."""
    assignments = []
    for edition in editions:
        if edition.programme_id != lead.pk:
            continue
        for n, (title, text, is_group, is_reading) in enumerate(content.ASSIGNMENTS):
            due = edition.starts_on + datetime.timedelta(days=21 + 35 * n)
            assignments.append(
                Assignment(
                    edition=edition,
                    title=title,
                    description=text,
                    is_group=is_group,
                    due_on=due,
                    is_reading=is_reading,
                )
            )
    assignments = Assignment.objects.bulk_create(assignments)
    trainer_user = ctx.users.get("trainer")
    submissions, seen_groups = [], set()
    for assignment in assignments:
        if assignment.due_on > today:
            continue
        for participant in accepted_by_edition.get(assignment.edition_id, []):
            if assignment.is_group:
                if participant.group_id in seen_groups:
                    continue
                seen_groups.add(participant.group_id)
            elif rng.random() > 0.8 and participant.user_id != getattr(leader, "pk", None):
                continue
            n = rng.randrange(len(content.SUBMISSION_TEXTS))
            with_feedback = rng.random() < 0.6 or participant.user_id == getattr(leader, "pk", None)
            submissions.append(
                Submission(
                    assignment=assignment,
                    participant=participant,
                    group_id=participant.group_id if assignment.is_group else None,
                    text=content.SUBMISSION_TEXTS[n],
                    feedback=content.FEEDBACK_TEXTS[n] if with_feedback else "",
                    feedback_by=trainer_user if with_feedback else None,
                    feedback_at=timezone.now() if with_feedback else None,
                )
            )
        seen_groups.clear()
    Submission.objects.bulk_create(submissions, batch_size=BATCH)

    # Peer coaching from January of year 1, research duos in year 2: only editions that got there.
    coaching_links, research_links = [], []
    coaching_rows, research_rows = [], []
    for edition in editions:
        if edition.programme_id != lead.pk:
            continue
        people = accepted_by_edition.get(edition.pk, [])
        by_group = {}
        for p in people:
            by_group.setdefault(p.group_id, []).append(p)
        if today >= datetime.date(edition.starts_on.year + 1, 1, 15):
            for members in by_group.values():
                ordered = sorted(members, key=lambda p: (p.school_id or 0, p.pk))
                half = len(ordered) // 2
                for a, b in zip(ordered[:half], ordered[half:], strict=False):
                    coaching_rows.append(CoachingGroup(edition=edition))
                    coaching_links.append((a, b))
        if today >= datetime.date(edition.starts_on.year + 1, 9, 20):
            for members in by_group.values():
                for n in range(0, len(members) - 1, 2):
                    theme, question = content.RESEARCH_THEMES[
                        (n // 2) % len(content.RESEARCH_THEMES)
                    ]
                    research_rows.append(
                        ResearchGroup(
                            edition=edition,
                            theme=theme,
                            question=question,
                            plan="Interviews met twee teams en een korte bevraging.",
                        )
                    )
                    research_links.append(members[n : n + 2])
    coaching = CoachingGroup.objects.bulk_create(coaching_rows)
    CoachingGroup.members.through.objects.bulk_create(
        CoachingGroup.members.through(coachinggroup_id=c.pk, participant_id=p.pk)
        for c, pair in zip(coaching, coaching_links, strict=True)
        for p in pair
    )
    research = ResearchGroup.objects.bulk_create(research_rows)
    ResearchGroup.members.through.objects.bulk_create(
        ResearchGroup.members.through(researchgroup_id=r.pk, participant_id=p.pk)
        for r, members in zip(research, research_links, strict=True)
        for p in members
    )

    if leader is not None:
        mine = [
            p
            for ps in accepted_by_edition.values()
            for p in ps
            if p.user_id == leader.pk and p.group_id
        ]
        past = [
            s
            for s in sessions
            if mine and s.edition_id == mine[0].edition_id and s.date < today and s.group_id is None
        ]
        Reflection.objects.bulk_create(
            Reflection(session=s, participant=mine[0], text=text)
            for s, text in zip(past, content.REFLECTIONS, strict=False)
        )
