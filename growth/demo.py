"""Demo data for journals, agreements and the professionalisation plan, in the main school.

The demo teacher keeps a journal (private entries, one shared with the school's coach and,
when she is in a PLG, one shared with it), has an agreement from her appraisal conversation
with the leader (with progress notes), and the school has a plan for this school year with
needs in each dimension and responses, one of them a course from the provider's catalogue.
"""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from communities.models import PLG
from networks.models import Edition
from organisations.models import Membership

from .models import (
    DevelopmentAgreement,
    JournalEntry,
    Need,
    ProfessionalisationPlan,
    ProgressNote,
    Response,
    school_year_of,
)

ENTRIES = [
    (
        2,
        "Rekenles over breuken met coöperatieve werkvormen. De groepjes kwamen traag op gang.",
        "Duidelijke rollen (tijdwachter, verslaggever) helpen de stille leerlingen.",
        "Volgende week de rollen vooraf op het bord zetten.",
    ),
    (
        9,
        "Oudercontact met de ouders van een leerling die moeilijk meekomt.",
        "Eerst vragen wat de ouders thuis zien, dan pas vertellen wat ik zie.",
        "Een vast begin voor oudergesprekken uitproberen.",
    ),
    (
        16,
        "Klasbezoek van de teamcoach tijdens de leesles.",
        "Mijn instructie duurt langer dan ik dacht: bijna twintig minuten.",
        "De instructie inkorten tot tien minuten en meer laten oefenen.",
    ),
    (
        30,
        "Eerste bijeenkomst van onze PLG rond begrijpend lezen.",
        "We hebben verschillende ideeën over wat 'begrijpen' betekent.",
        "Een gedeelde omschrijving voorstellen op de volgende bijeenkomst.",
    ),
]


def build(ctx) -> None:
    school = ctx.main_school
    if school is None or "staff" not in ctx.users:
        return
    today = timezone.localdate()
    people = {
        m.user_id: m
        for m in Membership.objects.filter(
            organisation=school, user__in=[ctx.users[k] for k in ("staff", "leader", "coach")]
        )
    }
    teacher = people.get(ctx.users["staff"].pk)
    leader = people.get(ctx.users["leader"].pk)
    coach = people.get(ctx.users["coach"].pk)
    if teacher is None or leader is None:
        return
    _journal(teacher, coach, today)
    agreement = _agreement(teacher, leader, today)
    _plan(ctx, school, teacher, agreement, today)


def _journal(teacher, coach, today):
    plg = PLG.objects.filter(members__person=teacher).order_by("pk").first()
    entries = []
    for index, (days, happened, learned, will_try) in enumerate(ENTRIES):
        entry = JournalEntry(
            membership=teacher,
            date=today - datetime.timedelta(days=days),
            what_happened=happened,
            what_i_learned=learned,
            what_i_will_try=will_try,
        )
        if index == 2 and coach is not None:
            entry.sharing, entry.coach = JournalEntry.Sharing.COACH, coach
        if index == 3 and plg is not None:
            entry.sharing, entry.plg = JournalEntry.Sharing.PLG, plg
        entries.append(entry)
    JournalEntry.objects.bulk_create(entries)


def _agreement(teacher, leader, today):
    agreement = DevelopmentAgreement.objects.create(
        organisation=teacher.organisation,
        person=teacher,
        leader=leader,
        conversation_on=today - datetime.timedelta(days=40),
        goal="Ik differentieer in de rekenles: elke les een verlengde instructie en "
        "uitbreidingsopdrachten.",
        support="Twee klasbezoeken door de teamcoach en de opleiding "
        "'Differentiëren in de praktijk'.",
        due_on=today + datetime.timedelta(days=120),
        status=DevelopmentAgreement.Status.ON_TRACK,
    )
    ProgressNote.objects.bulk_create(
        [
            ProgressNote(
                agreement=agreement,
                text="Eerste klasbezoek gehad; de verlengde instructie loopt goed.",
                written_by=teacher.user,
            ),
            ProgressNote(
                agreement=agreement,
                text="De uitbreidingsopdrachten zijn nog te moeilijk; ik pas ze aan.",
                written_by=teacher.user,
            ),
        ]
    )
    return agreement


def _plan(ctx, school, teacher, agreement, today):
    plan = ProfessionalisationPlan.objects.create(
        organisation=school,
        school_year=school_year_of(today),
        focus="Differentiëren in elke klas en begrijpend lezen in de hele school.",
    )
    teams = ctx.teams_by_school.get(school.pk, [])
    edition = (
        Edition.objects.filter(programme__provider=ctx.provider, programme__is_published=True)
        .order_by("starts_on", "pk")
        .first()
        if ctx.provider is not None
        else None
    )
    agreement_type = ContentType.objects.get_for_model(DevelopmentAgreement)
    needs = [
        Need(
            plan=plan,
            dimension=Need.Dimension.INDIVIDUAL,
            person=teacher,
            description="Differentiëren in de rekenles",
            source=Need.Source.APPRAISAL,
            source_type=agreement_type,
            source_id=agreement.pk,
        ),
        Need(
            plan=plan,
            dimension=Need.Dimension.SCHOOL,
            description="Een gedeelde visie op begrijpend lezen voor de hele school",
            source=Need.Source.DEVELOPMENT_POINT,
        ),
        Need(
            plan=plan,
            dimension=Need.Dimension.SCHOOL,
            description="Procescoaches opleiden voor onze PLG's",
            source=Need.Source.OTHER,
        ),
    ]
    for index, team in enumerate(teams[:4]):
        needs.append(
            Need(
                plan=plan,
                dimension=Need.Dimension.TEAM,
                team=team,
                description=[
                    "Co-teaching uitbouwen",
                    "Werken met data uit het leerlingvolgsysteem",
                    "Sterker in zorg voor anderstalige kinderen",
                    "Een tweede persoon met niveau 3 in leesdidactiek",
                ][index],
                source=Need.Source.COMPETENCE_GAP if index == 3 else Need.Source.OTHER,
            )
        )
    Need.objects.bulk_create(needs)
    kinds = Response.Kind
    status = Response.Status
    plans = [
        (0, kinds.COURSE if edition else kinds.OTHER, edition, "", 12, 350, status.RUNNING),
        (0, kinds.COACHING, None, "Twee klasbezoeken", 3, 0, status.DONE),
        (1, kinds.PLG, None, "PLG begrijpend lezen", 20, 0, status.RUNNING),
        (1, kinds.READING, None, "Leesgroep rond een vakboek", 6, 120, status.PLANNED),
        (2, kinds.COURSE if edition else kinds.OTHER, edition, "", 24, 1400, status.PLANNED),
        (3, kinds.VISIT, None, "Bezoek aan een school met co-teaching", 8, 200, status.PLANNED),
        (
            4,
            kinds.COACHING,
            None,
            "Begeleiding door de pedagogisch begeleider",
            10,
            600,
            status.RUNNING,
        ),
        (5, kinds.OTHER, None, "Studiedag NT2", 6, 450, status.CANCELLED),
        (5, kinds.COURSE if edition else kinds.OTHER, edition, "", 12, 350, status.PLANNED),
        (6, kinds.READING, None, "Artikels over leesdidactiek", 4, 0, status.DONE),
    ]
    Response.objects.bulk_create(
        [
            Response(
                need=needs[index],
                kind=kind,
                edition=ed,
                description=text,
                hours=Decimal(hours),
                budget=Decimal(budget),
                status=state,
            )
            for index, kind, ed, text, hours, budget, state in plans
            if index < len(needs)
        ]
    )
