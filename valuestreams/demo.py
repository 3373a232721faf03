"""Demo data for value stream maps.

The main school has mapped the intake of a new pupil as it is today, with its pain points (one
already sent to the development points), and a future map with shorter waits. Recruiting a
teacher is mapped in 25 steps, so a long map shows too. Other schools map nothing yet.
"""

import random

from django.urls import reverse

from .models import ValueStreamMap
from .services import future_map_make, pain_point_add, pain_point_send, step_add, step_update

DAY, HOUR = 24 * 60, 60

# (step, who, process minutes, process unit, waiting minutes, adds value, pain points)
INTAKE = [
    ("Ouders melden hun kind aan", "ouders, secretariaat", 20, "minutes", 3 * DAY, False, []),
    (
        "Aanmelding controleren en registreren",
        "secretariaat",
        30,
        "minutes",
        5 * DAY,
        False,
        ["De aanmelding wordt twee keer ingetikt: op papier en in het systeem."],
    ),
    (
        "Intakegesprek met de ouders",
        "directeur, zorgcoördinator",
        HOUR,
        "hours",
        10 * DAY,
        True,
        [
            "Ouders wachten twee weken op een intakegesprek.",
            "De zorgcoördinator hoort pas na het gesprek over de zorgvraag.",
        ],
    ),
    ("Dossier opvragen bij de vorige school", "zorgcoördinator", 30, "minutes", 7 * DAY, False, []),
    (
        "Klas en klasleerkracht kiezen",
        "directeur, klasleerkracht",
        45,
        "minutes",
        2 * DAY,
        True,
        ["De klasleerkracht hoort het als laatste."],
    ),
    ("Kennismaking in de klas", "klasleerkracht, leerling", 2 * HOUR, "hours", DAY, True, []),
    ("Eerste schooldag", "klasleerkracht", 6 * HOUR, "hours", 0, True, []),
]
# The future map: what the waits become (same steps, in the same order).
FUTURE_WAITS = [DAY, 0, 3 * DAY, 2 * DAY, DAY, DAY, 0]

RECRUITING = """Vacature vaststellen; Profiel met het team opstellen; Budget en lestijden nagaan;
Vacature schrijven; Vacature nalezen; Vacature publiceren; Kandidaten verzamelen;
Cv's screenen; Kandidaten uitnodigen; Eerste gesprekken; Proefles plannen; Proefles;
Tweede gesprek met het team; Referenties navragen; Keuze maken; Aanbod doen; Antwoord afwachten;
Aanstelling opmaken; Documenten verzamelen; Uittreksel strafregister aanvragen;
Account en sleutels aanvragen; Mentor aanduiden; Onthaaldag; Eerste lesweek; Opvolggesprek"""


def _steps(value_stream, rows, actor):
    for name, who, process, unit, waiting, value_adding, pains in rows:
        step = step_add(
            value_stream=value_stream,
            name=name,
            actor=who,
            process_minutes=process,
            process_unit=unit,
            waiting_minutes=waiting,
            waiting_unit="days" if waiting >= DAY or not waiting else "hours",
            value_adding=value_adding,
        )
        for description in pains:
            pain_point_add(step=step, description=description, actor=actor)


def build(ctx) -> None:
    school = ctx.main_school
    if school is None:
        return
    leader = ctx.leaders_by_school[school.pk].user
    intake = ValueStreamMap.objects.create(
        organisation=school,
        process="Inschrijving van een nieuwe leerling",
        kind=ValueStreamMap.Kind.CORE,
        created_by=leader,
    )
    _steps(intake, INTAKE, leader)
    future, _created = future_map_make(current=intake, actor=leader)
    for step, waiting in zip(future.steps.order_by("position"), FUTURE_WAITS, strict=True):
        step_update(step=step, waiting_minutes=waiting, waiting_unit="days")
    longest = intake.steps.get(position=3).pain_points.order_by("pk").first()
    pain_point_send(
        pain_point=longest,
        actor=leader,
        anchor=reverse("valuestreams:map_detail", kwargs={"slug": school.slug, "pk": intake.pk})
        + f"#pain-{longest.pk}",
    )

    recruiting = ValueStreamMap.objects.create(
        organisation=school,
        process="Aanwerving van een leerkracht",
        kind=ValueStreamMap.Kind.SUPPORTING,
        created_by=leader,
    )
    rng = random.Random(20261203)  # its own, so the other apps' demo data stays as it was
    rows = []
    for index, name in enumerate(" ".join(RECRUITING.split()).split("; ")):
        pains = ["Kandidaten haken af door het lange wachten."] if index == 16 else []
        rows.append(
            (
                name,
                "directeur" if index % 3 else "secretariaat",
                rng.choice([15, 30, 45, HOUR, 2 * HOUR]),
                "minutes",
                rng.choice([0, 4 * HOUR, DAY, 2 * DAY, 5 * DAY]),
                index % 4 == 0,
                pains,
            )
        )
    _steps(recruiting, rows, leader)
