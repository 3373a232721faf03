"""The region's PLG's (see core/region.py): six members each and a school year of meetings."""

import datetime

from django.utils import timezone

from .cycles import CYCLES
from .models import PLG, Meeting, PLGMember

PLGS = 3000
TOPICS = [
    ("Begrijpend lezen", "Hoe helpen we leerlingen teksten beter te begrijpen?"),
    ("Feedback in de klas", "Welke feedback helpt leerlingen echt vooruit?"),
    ("Rekenen met inzicht", "Hoe bouwen we getalbegrip op in elke klas?"),
    ("Taal op de speelplaats", "Hoe laten we anderstalige kinderen meer Nederlands spreken?"),
    ("Samen lessen ontwerpen", "Hoe ontwerpen we samen een les die elke leerling uitdaagt?"),
    ("Data over leerwinst", "Welke gegevens tonen ons of een aanpak werkt?"),
]


def build(region) -> None:
    rng = region.rng
    plgs = region.table(
        PLG, ["id", "organisation_id", "type", "name", "learning_question", "current_phase"]
    )
    plg_members = region.table(PLGMember, ["plg_id", "person_id"])
    meetings = region.table(Meeting, ["plg_id", "starts_at", "place", "phase"])
    n_plgs = region.wanted(PLGS, PLG.objects.count())
    types = sorted(CYCLES)
    plg_rows, member_rows, meeting_rows = [], [], []
    start = timezone.make_aware(
        datetime.datetime.combine(region.today - datetime.timedelta(days=150), datetime.time(15))
    )
    for n in range(n_plgs):
        school = region.schools[n % len(region.schools)]
        kind = types[n % len(types)]
        topic, question = TOPICS[n % len(TOPICS)]
        pk = plgs.next_id()
        phase = CYCLES[kind].first.code
        plg_rows.append((pk, school.id, kind, f"{topic} {n + 1}", question, phase))
        people = rng.sample(school.members, min(6, len(school.members)))
        member_rows.extend((pk, mid) for mid, *_ in people)
        for week in range(0, 30, 3):
            starts = start + datetime.timedelta(weeks=week, days=n % 5)
            meeting_rows.append((pk, starts, "Lerarenkamer", phase))
    with region.phase("plgs", [plgs, plg_members, meetings]):
        plgs.write(plg_rows)
        plg_members.write(member_rows)
        meetings.write(meeting_rows)
