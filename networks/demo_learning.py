"""Demo data for networks, part two: the session calendars of the seed programmes, and the
learning between sessions (assignments, submissions, coaching, research, reflections)."""

import datetime

from django.utils import timezone

from . import demo_content as content
from .models import (
    Assignment,
    CoachingGroup,
    CoachingMoment,
    Reflection,
    ResearchGroup,
    Session,
    Submission,
)

BATCH = 2000


def _thursday(year, month, day) -> datetime.date:
    date = datetime.date(year, month, day)
    return date + datetime.timedelta(days=(3 - date.weekday()) % 7)


def trajectory_sessions(programme, edition, groups, start_year, place):
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


def course_sessions(edition, first_day, place):
    location, _city, room = place
    return [
        Session(
            edition=edition,
            kind=Session.Kind.TRAINING,
            title=f"Dag {n + 1}: "
            + ("PLG-types en hun cyclus" if n == 0 else "Procescoaching en je actieplan"),
            date=first_day + datetime.timedelta(days=7 * n),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(16, 30),
            location=location,
            room=room,
            programme="Je werkt de hele dag aan je eigen actieplan.",
        )
        for n in range(2)
    ]


def build_learning(ctx, rng, today, editions, lead, accepted_by_edition, sessions, leader):
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
        if today >= datetime.date(edition.starts_on.year + 1, 9, 1):
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
    CoachingMoment.objects.bulk_create(
        CoachingMoment(
            coaching_group=c,
            date=datetime.date(c.edition.starts_on.year + 1, month, 12 + n),
            note=content.COACHING_NOTES[(n + month) % len(content.COACHING_NOTES)],
            logged_by=pair[n % len(pair)],
        )
        for c, pair in zip(coaching, coaching_links, strict=True)
        for n, month in enumerate((2, 3, 5))
        if datetime.date(c.edition.starts_on.year + 1, month, 12 + n) < today
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
