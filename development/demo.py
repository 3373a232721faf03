"""Demo data for development points.

From every finished round of the demo surveys, the points its report offers are sent to the
plan, as a leader would with one click in the report. In the main school the points the
competences', teams' and value streams' demos sent stand beside them (a competence missing in a
team, one resting on one person, an off-track team goal, a pain point), and some points are
already decided, so the inbox shows every status and more than one source. The plan has a goal
from every kind of source: the 360°, the value stream, the fragile competence and the off-track
team goal, each with its own "did it work?".

The plan has versions (every action created, some moved on the board later), and the demo
leader, a participant of the two-day course, has their own action plan with a version of the
first day and one of the second.
"""

import datetime

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from surveys import services as survey_services
from surveys.models import Survey
from surveys.points import proposals
from surveys.reports import report_context

from . import personal
from .action_services import action_create, action_move
from .models import Action, DevelopmentPoint, Goal, QualityExpectation, QualityFramework
from .reference import ship_reference_framework
from .services import core_task_add, goal_create, point_decide

# The four core tasks of the learning-network programme.
CORE_TASKS = [
    "Leerlingen kwalificeren",
    "Talenten ontwikkelen",
    "Leerbelemmeringen wegwerken",
    "Alle betrokkenen laten participeren aan welbevinden en betrokkenheid",
]
PER_ROUND = 4  # a leader sends a few points of a report, not every one it offers
# Goals born from a team's point (sent by the competences' and teams' demos): (source, title,
# description, deadline month and day next year, core task, expectations, actions as (title,
# days from today, status, owner: "leader" or "teacher")).
TEAM_GOALS = [
    (
        DevelopmentPoint.Source.COMPETENCE_FRAGILE,
        "Datageletterdheid rust op meer schouders",
        "Tegen eind maart halen twee collega's van het team minstens niveau 3 voor "
        "datageletterdheid, zodat het lezen van de leerlingresultaten niet van één persoon "
        "afhangt.",
        (3, 31),
        0,
        ["K3"],
        [
            (
                "Een tweede collega volgt de nascholing datageletterdheid",
                30,
                Action.Status.DO,
                "teacher",
            ),
            (
                "Samen de resultaten van het eerste trimester lezen",
                60,
                Action.Status.PLAN,
                "leader",
            ),
        ],
    ),
    (
        DevelopmentPoint.Source.TEAM_GOAL_OFF_TRACK,
        "Elke dag op tijd in de klas",
        "Tegen juni telt het team hoogstens vijf laatkomers per week, en het bespreekt de "
        "telling elke maand op de teamvergadering.",
        (6, 15),
        3,
        ["K2"],
        [
            ("Met de ouderraad afspraken maken over op tijd komen", 21, Action.Status.DO, "leader"),
            ("Laatkomers elke week tellen en bespreken", 45, Action.Status.PLAN, "teacher"),
        ],
    ),
]


def _send_survey_points(survey, actor) -> list[DevelopmentPoint]:
    sent = []
    for round_ in survey.rounds.order_by("number"):
        if not round_.is_finished():
            continue
        context = report_context(survey, str(round_.number))
        current = context.get("current")
        if current is None or current.round.pk != round_.pk:
            continue
        for proposal in list(proposals(context).values())[:PER_ROUND]:
            point, _created = survey_services.development_point_propose(
                survey=survey, round_=round_, proposal=proposal, actor=actor
            )
            sent.append(point)
    return sent


def build(ctx) -> None:
    # A reset empties every table, the framework shipped by a migration as well.
    ship_reference_framework(QualityFramework, QualityExpectation)
    surveys = Survey.objects.filter(organisation__in=ctx.schools).select_related(
        "organisation", "version__instrument"
    )
    for survey in surveys.order_by("pk"):
        leader = ctx.leaders_by_school.get(survey.organisation_id)
        actor = leader.user if leader is not None else None
        points = _send_survey_points(survey, actor)
        # The leader has looked at the first points of each report already.
        for point, status in zip(
            points,
            [DevelopmentPoint.Status.ACCEPTED, DevelopmentPoint.Status.DECLINED],
            strict=False,
        ):
            point_decide(point=point, status=status, actor=actor)

    school = ctx.main_school
    if school is None:
        return
    leader = ctx.leaders_by_school[school.pk]
    tasks = [
        core_task_add(organisation=school, name=name, actor=leader.user) for name in CORE_TASKS
    ]
    # One accepted point of the 360° is already a goal of the plan.
    accepted = (
        DevelopmentPoint.objects.filter(
            organisation=school, status=DevelopmentPoint.Status.ACCEPTED
        )
        .order_by("pk")
        .first()
    )
    if accepted is not None:
        goal_create(
            organisation=school,
            title="Samen beslissen op basis van gegevens",
            description=(
                "Tegen juni bespreekt elk team twee keer per trimester de resultaten van zijn "
                "leerlingen en legt het er een afspraak over vast in het verslag."
            ),
            deadline=datetime.date(timezone.localdate().year + 1, 6, 30),
            actor=leader.user,
            points=[accepted],
            expectations=QualityExpectation.objects.filter(
                framework__organisation=None, code__in=["K2", "K3"]
            ),
            core_tasks=tasks[:1],
        )
    # The pain point of the pupil intake's map (valuestreams' demo) is a goal too: its future
    # map shows the lead time the plan compares with.
    pain = (
        DevelopmentPoint.objects.filter(
            organisation=school, source=DevelopmentPoint.Source.VALUE_STREAM_PAIN
        )
        .order_by("pk")
        .first()
    )
    if pain is not None:
        point_decide(point=pain, status=DevelopmentPoint.Status.ACCEPTED, actor=leader.user)
        intake = goal_create(
            organisation=school,
            title="Een nieuwe leerling sneller in de klas",
            description=(
                "Tegen de krokusvakantie zit een nieuwe leerling binnen vijf schooldagen na de "
                "eerste vraag van de ouders in de klas, met het dossier van de vorige school."
            ),
            deadline=datetime.date(timezone.localdate().year + 1, 2, 13),
            actor=leader.user,
            points=[pain],
            core_tasks=tasks[2:3],
        )
        action_create(
            goal=intake,
            title="Het intakegesprek binnen de week na de eerste vraag plannen",
            owner=leader,
            deadline=timezone.localdate() + datetime.timedelta(days=14),
            actor=leader.user,
            status=Action.Status.DO,
        )
    _build_team_goals(ctx, school, leader, tasks)
    _build_actions(ctx, school, leader, tasks)
    # Spread the points over the last weeks, newest last, as they were sent over time.
    now = timezone.now()
    points = list(DevelopmentPoint.objects.filter(organisation=school).order_by("pk"))
    for age, point in enumerate(reversed(points)):
        DevelopmentPoint.objects.filter(pk=point.pk).update(
            created_at=now - datetime.timedelta(days=2 * age, hours=age)
        )


def _build_team_goals(ctx, school, leader, tasks) -> None:
    """The leader accepts the competence resting on one person and the off-track team goal
    into the plan, each as a goal with a few actions, so that the plan has a goal from every
    kind of source and each "did it work?" shows its own measurement."""
    teacher = next(
        (
            m
            for m in ctx.members_by_school.get(school.pk, [])
            if m.user_id == getattr(ctx.users.get("staff"), "pk", None)
        ),
        leader,
    )
    owners = {"leader": leader, "teacher": teacher}
    today = timezone.localdate()
    for source, title, description, (month, day), task, codes, actions in TEAM_GOALS:
        point = (
            DevelopmentPoint.objects.filter(organisation=school, source=source)
            .order_by("pk")
            .first()
        )
        if point is None:
            continue
        point_decide(point=point, status=DevelopmentPoint.Status.ACCEPTED, actor=leader.user)
        goal = goal_create(
            organisation=school,
            title=title,
            description=description,
            deadline=datetime.date(today.year + 1, month, day),
            actor=leader.user,
            points=[point],
            expectations=QualityExpectation.objects.filter(
                framework__organisation=None, code__in=codes
            ),
            core_tasks=tasks[task : task + 1],
        )
        for action_title, days, status, owner in actions:
            action_create(
                goal=goal,
                title=action_title,
                owner=owners[owner],
                deadline=today + datetime.timedelta(days=days),
                actor=leader.user,
                status=status,
            )


ACTIONS = [
    ("Afspraken over de teamvergadering vastleggen", Action.Status.ACT),
    ("Leerlingresultaten per trimester klaarzetten", Action.Status.CHECK),
    ("Teams oefenen het bespreken van gegevens", Action.Status.DO),
    ("Verslagsjabloon aanpassen", Action.Status.PLAN),
]


def _build_actions(ctx, school, leader, tasks) -> None:
    """Actions under the plan's goals: a few in every status, one overdue; `large` gives the
    main school 200, to show the board and the timeline at scale."""
    today = timezone.localdate()
    goal = Goal.objects.filter(organisation=school).order_by("pk").first()
    if goal is None:
        return
    second = goal_create(
        organisation=school,
        title="Talenten zichtbaar maken",
        description="Tegen mei heeft elke klas een talentenkaart die ouders en kinderen kennen.",
        deadline=datetime.date(today.year + 1, 5, 31),
        actor=leader.user,
        expectations=QualityExpectation.objects.filter(framework__organisation=None, code="K1"),
        core_tasks=tasks[1:2],
    )
    members = [leader, *ctx.members_by_school.get(school.pk, [])[:11]]
    count = 200 if ctx.is_large else len(ACTIONS) * 2
    step = 2 if ctx.is_large else 12
    rows = []
    for index in range(count):
        title, status = ACTIONS[index % len(ACTIONS)]
        rows.append(
            Action(
                organisation=school,
                goal=(goal, second)[index % 2],
                title=title if index < len(ACTIONS) * 2 else f"{title} ({index + 1})",
                owner=members[index % len(members)],
                # The first one is overdue; the rest spread over the coming months.
                deadline=today + datetime.timedelta(days=-7 if index == 0 else step * index),
                status=Action.Status.DO if index == 0 else status,
                created_by=leader.user,
                updated_by=leader.user,
            )
        )
    actions = bulk_create_with_history(rows, Action, default_user=leader.user)
    # Work moved on: later versions of the first actions (a status on the board).
    moves = [Action.Status.DO, Action.Status.CHECK]
    for action in actions[: (40 if ctx.is_large else 4)]:
        for status in moves:
            if action.status != status:
                action = action_move(
                    action=action, version=action.version, status=status, actor=leader.user
                )
    _build_personal_plan(ctx, leader)


PERSONAL_DAY_ONE = [
    (
        "Een PLG over begrijpend lezen starten",
        "Tegen april komen vier leerkrachten van de lagere school maandelijks samen rond "
        "één leerlingvraag over begrijpend lezen.",
        ["Collega's bevragen over hun leesles", "De onderzoeksvraag kiezen"],
    ),
]
PERSONAL_DAY_TWO_GOAL = (
    "Een procescoach aanstellen",
    "Tegen februari begeleidt een collega de PLG als procescoach, met een eerste "
    "intervisie achter de rug.",
    ["Het rolprofiel van de procescoach bespreken"],
)


def _build_personal_plan(ctx, leader) -> None:
    """The demo leader's own plan in the two-day course: built on day one, extended and
    sharpened on day two (two versions to compare)."""
    from networks.models import Application, Participant, Programme

    mine = Participant.objects.filter(
        user=leader.user, is_active=True, application__status=Application.Status.ACCEPTED
    ).select_related("edition__programme__provider")
    # The two-day course where there is one (small); else the leader's first trajectory.
    participant = (
        mine.filter(edition__programme__kind=Programme.Kind.COURSE)
        .order_by("edition__starts_on", "pk")
        .first()
    ) or mine.order_by("edition__starts_on", "pk").first()
    if participant is None:
        return
    now = timezone.now()
    day_one, day_two = now - datetime.timedelta(days=8), now - datetime.timedelta(days=1)
    today = timezone.localdate()
    goals = []
    for title, description, actions in PERSONAL_DAY_ONE:
        goal = personal.personal_goal_create(
            participant=participant,
            title=title,
            description=description,
            deadline=today + datetime.timedelta(days=150),
            actor=leader.user,
        )
        goals.append(goal)
        for n, action in enumerate(actions):
            personal.personal_action_add(
                goal=goal,
                title=action,
                deadline=today + datetime.timedelta(days=20 + 20 * n),
                actor=leader.user,
            )
    _date_versions(participant, day_one)
    # The goals of the first day started that day.
    Goal.objects.filter(participant=participant).update(starts_on=day_one.date())
    Goal.history.filter(participant_id=participant.pk).update(starts_on=day_one.date())
    goal = goals[0]
    personal.personal_goal_update(
        goal=goal,
        title=goal.title,
        description=goal.description.replace("vier leerkrachten", "zes leerkrachten"),
        deadline=goal.deadline,
        status=Goal.Status.IN_PROGRESS,
        actor=leader.user,
    )
    title, description, actions = PERSONAL_DAY_TWO_GOAL
    second = personal.personal_goal_create(
        participant=participant,
        title=title,
        description=description,
        deadline=today + datetime.timedelta(days=90),
        actor=leader.user,
    )
    for action in actions:
        personal.personal_action_add(
            goal=second,
            title=action,
            deadline=today + datetime.timedelta(days=30),
            actor=leader.user,
        )
    _date_versions(participant, day_two, after=day_one)


def _date_versions(participant, when, after=None) -> None:
    """Give the versions of the participant's plan saved just now the date of a course day."""
    goals = Goal.history.filter(participant_id=participant.pk)
    actions = Action.history.filter(goal_id__in=goals.values("id"))
    for records in (goals, actions):
        if after is not None:
            records = records.filter(history_date__gt=after)
        records.update(history_date=when)
