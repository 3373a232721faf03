"""Demo data for the consultation structure.

Every school gets the usual bodies (in Dutch) with members and a school year of meetings: the
dates their rhythm gives, from September up to a few weeks ahead (the rest of the year shows
as "following the rhythm" in the calendar), and fixed dates for the councils, the
inspectorate and the partner companies. In the main school the past meetings have an agenda,
minutes and decisions (but for the policy team's latest: the leader's overview asks for it),
and the staff login sits on the pupil care meeting (MDO).
"""

import datetime
import random

from django.utils import timezone, translation

from communities.models import AgendaItem, Decision, Meeting

from .models import Body
from .schoolyear import holidays_between, planned_starts, school_year_of
from .services import starter_bodies

BATCH = 1000
PLACES = ["Lerarenkamer", "Refter", "Vergaderzaal", "Polyvalente zaal", "Bureau directie"]
# Bodies without a rule meet on fixed days: (month, day, hour) in the school year.
FIXED = {
    Body.Kind.PARENTS_COUNCIL: [(9, 24, 20), (11, 19, 20), (1, 21, 20), (3, 18, 20), (5, 20, 20)],
    Body.Kind.SCHOOL_COUNCIL: [(10, 14, 19), (1, 27, 19), (4, 22, 19), (6, 10, 19)],
    Body.Kind.INSPECTORATE: [(3, 9, 9)],
    Body.Kind.PARTNERS: [(5, 12, 16)],
}
AGENDA = {
    Body.Kind.STAFF_MEETING: ["Mededelingen", "Actieplan lezen", "Planning van de komende maand"],
    Body.Kind.POLICY_TEAM: ["Opvolging actieplan", "Nascholingsplan", "Budget"],
    Body.Kind.PUPIL_CARE: ["Bespreking leerlingen eerste graad", "Afspraken met het CLB"],
    Body.Kind.PUPILS_COUNCIL: ["Speelplaats", "Schoolfeest"],
    Body.Kind.PARENTS_COUNCIL: ["Schoolfeest", "Verkeersveiligheid", "Financiën"],
    Body.Kind.SCHOOL_COUNCIL: ["Schoolreglement", "Advies over de jaarkalender"],
    Body.Kind.INSPECTORATE: ["Voorbereiding van de doorlichting"],
    Body.Kind.PARTNERS: ["Stageplaatsen", "Project techniek"],
}
DECISIONS = {
    Body.Kind.STAFF_MEETING: "We lezen elke ochtend een kwartier in alle klassen.",
    Body.Kind.POLICY_TEAM: "De nascholing over begrijpend lezen gaat door in februari.",
    Body.Kind.PUPIL_CARE: "Twee leerlingen krijgen extra ondersteuning in de klas.",
    Body.Kind.PUPILS_COUNCIL: "De speelplaats krijgt een stille hoek.",
    Body.Kind.PARENTS_COUNCIL: "Het schoolfeest valt op de laatste zaterdag van mei.",
    Body.Kind.SCHOOL_COUNCIL: "De schoolraad geeft een positief advies over het reglement.",
}
# How many of a school's people sit on each body (the leader always does, except councils).
SEATS = {
    Body.Kind.STAFF_MEETING: None,  # everyone
    Body.Kind.POLICY_TEAM: 4,
    Body.Kind.PUPIL_CARE: 4,
    Body.Kind.PUPILS_COUNCIL: 1,
    Body.Kind.PARENTS_COUNCIL: 1,
    Body.Kind.SCHOOL_COUNCIL: 2,
    Body.Kind.INSPECTORATE: 2,
    Body.Kind.PARTNERS: 1,
}
AHEAD = datetime.timedelta(weeks=5)  # meetings already planned this far ahead


def _fixed_starts(kind, first: datetime.date) -> list[datetime.datetime]:
    starts = []
    for month, day, hour in FIXED.get(kind, []):
        year = first.year if month >= 9 else first.year + 1
        naive = datetime.datetime(year, month, day, hour)
        starts.append(timezone.make_aware(naive))
    return starts


def build(ctx) -> None:
    rng = random.Random(83)
    now = timezone.now()
    first, last = school_year_of(timezone.localdate())
    staff_user = ctx.users.get("staff")
    with translation.override("nl"):
        for school in ctx.schools:
            starter_bodies(organisation=school)
    bodies = list(Body.objects.filter(organisation__in=ctx.schools).order_by("pk"))
    skip = holidays_between(first, last)
    seats, meetings = [], []
    Seat = Body.members.through
    for body in bodies:
        people = ctx.members_by_school.get(body.organisation_id, [])
        leader = ctx.leaders_by_school.get(body.organisation_id)
        count = SEATS.get(body.kind, 1)
        chosen = list(people) if count is None else rng.sample(people, min(count, len(people)))
        if leader is not None and body.kind in (Body.Kind.POLICY_TEAM, Body.Kind.PUPIL_CARE):
            chosen = [leader, *[p for p in chosen if p.pk != leader.pk]]
        if body.organisation_id == ctx.main_school.pk and body.kind == Body.Kind.PUPIL_CARE:
            chosen += [p for p in people if staff_user and p.user_id == staff_user.pk]
        seen = set()
        for person in chosen:
            if person.pk not in seen:
                seen.add(person.pk)
                seats.append(Seat(body_id=body.pk, membership_id=person.pk))
        starts = planned_starts(body, first, last, skip=skip) or _fixed_starts(body.kind, first)
        for start in starts:
            if body.rule and start > now + AHEAD:
                break
            meetings.append(
                Meeting(
                    body=body,
                    starts_at=start,
                    duration_minutes=body.rule_duration_minutes,
                    place=rng.choice(PLACES),
                    phase="",
                )
            )
    Seat.objects.bulk_create(seats, batch_size=BATCH, ignore_conflicts=True)
    Meeting.objects.bulk_create(meetings, batch_size=BATCH)
    _main_school_records(ctx, rng, now)


def _main_school_records(ctx, rng, now) -> None:
    """Agendas for the main school's meetings; minutes and decisions for those held."""
    school = ctx.main_school
    meetings = list(
        Meeting.objects.filter(body__organisation=school).select_related("body").order_by("pk")
    )
    items, decisions, written = [], [], []
    # The policy team's latest meeting still waits for its minutes: the overview asks for them.
    policy = [m for m in meetings if m.body.kind == Body.Kind.POLICY_TEAM and m.starts_at < now]
    waiting = max(policy, key=lambda m: m.starts_at) if policy else None
    for meeting in meetings:
        start = timezone.localtime(meeting.starts_at)
        for offset, title in enumerate(AGENDA.get(meeting.body.kind, [])):
            time = (start + datetime.timedelta(minutes=20 * offset)).time()
            items.append(AgendaItem(meeting=meeting, time=time, title=title))
        if meeting.starts_at < now and meeting is not waiting:
            topics = ", ".join(AGENDA.get(meeting.body.kind, ["de lopende zaken"])).lower()
            meeting.minutes = (
                f"## {meeting.body.name}\n\nWe bespraken: {topics}.\n\n"
                "- Iedereen kreeg het woord\n- Volgende keer volgen we de afspraken op"
            )
            written.append(meeting)
            if meeting.body.kind in DECISIONS and rng.random() < 0.7:
                decisions.append(Decision(meeting=meeting, text=DECISIONS[meeting.body.kind]))
    AgendaItem.objects.bulk_create(items, batch_size=BATCH)
    Decision.objects.bulk_create(decisions, batch_size=BATCH)
    Meeting.objects.bulk_update(written, ["minutes"], batch_size=BATCH)
