"""Demo data for surveys.

`small`: in the main school a 360° on shared leadership about its director with a finished pre
round (about eight months ago) and post round (last month), about 30 raters each, most of them
in both rounds; two "others" answered, too few to be shown, so the report shows a hidden group.
Also a finished team pulse and responsibilities dialogue, and a team's own pulse composed in
the builder, whose post round was answered with a newer version (one item reworded). `large`
adds, in every other school, a 360° with two rounds, a team pulse with two rounds, a PLG scan,
a dialogue and session evaluations: about 40,000 responses in all, written with bulk_create.
Answers follow per-dimension profiles with rater leniency and noise from a seeded Random.
"""

import datetime
import random

from django.utils import timezone

from core.tokens import new_token

from . import builder
from .loader import load_all, write_version
from .models import (
    Answer,
    Comment,
    Instrument,
    InstrumentVersion,
    Invitation,
    Item,
    RaterGroup,
    Response,
    Round,
    Survey,
)
from .services import pseudonym_for

BATCH = 2000

# Mean score per dimension in the pre round, and the growth to the post round.
PROFILE_360 = {
    "visie": (3.7, 0.2),
    "leerklimaat": (3.9, 0.1),
    "samenwerking": (2.9, 0.7),
    "professionalisering": (3.2, 0.3),
    "data": (2.6, 0.6),
    "organisatie": (3.4, 0.0),
}
IMPORTANCE = {"samenwerking": 4.5, "data": 4.2, "professionalisering": 3.9}
SHARED = {"samenwerking": (2.3, 0.8), "data": (2.1, 0.5)}

COMMENTS_360 = {
    "OPEN-STERK": [
        "Ze luistert echt en neemt onze zorgen ernstig.",
        "De personeelsvergaderingen zijn korter en gaan nu over leren.",
        "Hij staat elke ochtend aan de poort: kinderen en ouders voelen zich gezien.",
        "Je durft fouten te maken zonder dat het een drama wordt.",
        "Duidelijke keuzes over wat we niet meer doen.",
        "Ze geeft vertrouwen aan de teams om zelf te beslissen.",
        "Goede opvolging van afspraken in het zorgoverleg.",
        "Het project rond lezen werd goed gedragen door iedereen.",
    ],
    "OPEN-ANDERS": [
        "Soms worden beslissingen op het laatste moment gecommuniceerd.",
        "Meer tijd voor collega's om bij elkaar in de klas te kijken.",
        "Resultaten van toetsen samen bespreken in plaats van alleen in de zorgcel.",
        "Minder nieuwe projecten tegelijk starten.",
        "De werkgroepen hebben nood aan duidelijke mandaten.",
        "Meer waardering tonen voor wat het secretariaat allemaal doet.",
        "De planning van het schooljaar vroeger delen.",
    ],
}
COMMENTS_GENERIC = [
    "Meer tijd om samen voor te bereiden.",
    "Het overleg per graad werkt goed.",
    "Graag duidelijkere afspraken over wie wat doet.",
    "Fijn dat er naar ons geluisterd wordt.",
    "De werkdruk rond de rapporten is hoog.",
    "Meer kansen om van elkaar te leren.",
]


def _clip(value: float, item: Item) -> int:
    return max(item.scale.minimum, min(item.scale.maximum, round(value)))


def _fill(rng, survey, round_, raters, score, *, comments=None, comment_rate=0.4, today):
    """Invite `raters` [(group, email)] in `round_` and store their submitted answers, to the
    questions of the round's version. `score(item, leniency)` is the intended score before
    noise (reverse items are flipped)."""
    version_items = list(round_.version.items.select_related("scale", "dimension"))
    questions = list(round_.version.open_questions.all())
    invitations, responses = [], []
    for group, email in raters:
        invitations.append(
            Invitation(
                round=round_,
                rater_group=group,
                email=email,
                token=new_token(),
                status=Invitation.Status.COMPLETED,
                sent_at=timezone.now(),
            )
        )
        responses.append(
            Response(
                round=round_,
                rater_group=group,
                pseudonym=pseudonym_for(email=email, survey=survey),
                status=Response.Status.SUBMITTED,
                language="nl-be",
                submitted_on=round_.closes_on,
            )
        )
    Invitation.objects.bulk_create(invitations, batch_size=BATCH)
    Response.objects.bulk_create(responses, batch_size=BATCH)
    answers, remarks = [], []
    for (group, _email), response in zip(raters, responses, strict=True):
        leniency = rng.gauss(0.4 if group.kind == "self" else 0, 0.35)
        for item in version_items:
            if not item.is_for(group.kind):
                continue
            if item.scale.allow_unknown and rng.random() < 0.03:
                answers.append(Answer(response=response, item=item, value=None, score=None))
                continue
            wanted = _clip(score(item, leniency) + rng.gauss(0, 0.6), item)
            value = item.scale.minimum + item.scale.maximum - wanted if item.reverse else wanted
            answers.append(Answer(response=response, item=item, value=value, score=float(wanted)))
        for question in questions:
            pool = (comments or {}).get(question.code) or COMMENTS_GENERIC
            if rng.random() < comment_rate:
                remarks.append(Comment(response=response, question=question, text=rng.choice(pool)))
    Answer.objects.bulk_create(answers, batch_size=BATCH)
    Comment.objects.bulk_create(remarks, batch_size=BATCH)
    return len(responses)


def _survey(version, school, title, subject, actor, rounds):
    survey = Survey.objects.create(
        organisation=school, version=version, title=title, subject=subject, created_by=actor
    )
    kinds = [
        k for k in version.rater_groups if subject is not None or k not in ("self", "superior")
    ]
    groups = RaterGroup.objects.bulk_create(
        RaterGroup(
            survey=survey, kind=k, position=i, threshold=1 if k in ("self", "superior") else 3
        )
        for i, k in enumerate(kinds)
    )
    made = [
        Round.objects.create(survey=survey, number=n, opens_on=start, closes_on=end)
        for n, (start, end) in enumerate(rounds, start=1)
    ]
    return survey, {g.kind: g for g in groups}, made


def _email(member):
    return member.user.email


def _build_360(ctx, rng, versions, school, members, leader, superior_email, today):
    staff = [m for m in members if m.pk != leader.pk]
    leadership = [m for m in staff if "zorgco" in m.function or "beleid" in m.function][:3]
    support = [
        m
        for m in staff
        if m not in leadership
        and any(w in m.function for w in ("secretariaat", "kinderverzorg", "ICT"))
    ][:5]
    teachers = [m for m in staff if m not in leadership and m not in support][:19]
    survey, groups, (pre, post) = _survey(
        versions["gedeeld-leiderschap-360"],
        school,
        f"360° gedeeld leiderschap {leader.user.get_full_name()}",
        leader,
        leader.user,
        [
            (today - datetime.timedelta(days=245), today - datetime.timedelta(days=228)),
            (today - datetime.timedelta(days=35), today - datetime.timedelta(days=20)),
        ],
    )
    raters = [(groups["self"], _email(leader)), (groups["superior"], superior_email)]
    raters += [(groups["leadership"], _email(m)) for m in leadership]
    raters += [(groups["teachers"], _email(m)) for m in teachers]
    raters += [(groups["support"], _email(m)) for m in support]
    raters += [(groups["others"], f"ouderraad{i}@regenboog.example") for i in range(2)]

    def scorer(round_number):
        def score(item, leniency):
            base, growth = PROFILE_360[item.dimension.code]
            if item.aspect == Item.Aspect.IMPORTANCE:
                return IMPORTANCE.get(item.dimension.code, 3.4)
            if item.aspect == Item.Aspect.SHARED:
                shared, more = SHARED.get(item.dimension.code, (2.8, 0.1))
                return shared + (more if round_number == 2 else 0)
            return base + leniency + (growth if round_number == 2 else 0)

        return score

    total = _fill(rng, survey, pre, raters, scorer(1), comments=COMMENTS_360, today=today)
    # Most raters answer again in April: three teachers left, three newcomers joined them.
    leavers = {_email(m) for m in teachers[-3:]}
    again = [r for r in raters if r[1] not in leavers]
    taken = {email for _group, email in raters}
    newcomers = [m for m in reversed(staff) if _email(m) not in taken][:3]
    again += [(groups["teachers"], _email(m)) for m in newcomers]
    total += _fill(rng, survey, post, again, scorer(2), comments=COMMENTS_360, today=today)
    return total


def _build_school_wide(rng, versions, school, members, leader, today, *, large):
    staff = [m for m in members if m.pk != leader.pk]
    total = 0
    pulse_rounds = [(today - datetime.timedelta(days=70), today - datetime.timedelta(days=60))]
    if large:
        pulse_rounds.append(
            (today - datetime.timedelta(days=14), today - datetime.timedelta(days=7))
        )
    survey, groups, rounds = _survey(
        versions["teampols"], school, "Teampols najaar", None, leader.user, pulse_rounds
    )
    for number, round_ in enumerate(rounds, start=1):
        raters = [
            (
                groups[
                    "support"
                    if "kinderverzorg" in m.function or "secretar" in m.function
                    else "teachers"
                ],
                _email(m),
            )
            for m in staff
            if rng.random() < 0.8
        ]
        total += _fill(
            rng,
            survey,
            round_,
            raters,
            lambda item, leniency, n=number: (
                3.5
                + leniency
                + (0.2 if n == 2 else 0)
                - (0.6 if item.dimension.code == "werkdruk" else 0)
            ),
            today=today,
        )

    survey, groups, (round_,) = _survey(
        versions["verantwoordelijkheden-dialoog"],
        school,
        "Dialoog over verantwoordelijkheden",
        None,
        leader.user,
        [(today - datetime.timedelta(days=50), today - datetime.timedelta(days=40))],
    )
    leaders = [leader] + [m for m in staff if "zorgco" in m.function or "beleid" in m.function][:2]
    while len(leaders) < 3:
        leaders.append(staff[len(leaders)])
    team = [m for m in staff if m not in leaders][: 60 if large else 24]
    # Leaders see more as shared ("together"); staff see more as the leaders' job.
    owner_bias = {"leadership": 2.1, "staff": 1.5}
    quality_bias = {"leadership": 3.7, "staff": 3.0}

    def dialogue_score(item, leniency, kind):
        if item.aspect == Item.Aspect.OWNER:
            shift = 0.6 if item.dimension.code in ("plg", "professionalisering") else 0
            return owner_bias[kind] + shift + leniency / 2
        return quality_bias[kind] + leniency

    for kind, people in (("leadership", leaders), ("staff", team)):
        total += _fill(
            rng,
            survey,
            round_,
            [(groups[kind], _email(m)) for m in people],
            lambda item, leniency, k=kind: dialogue_score(item, leniency, k),
            today=today,
        )
    return total


def _build_large_extras(rng, versions, school, members, leader, today):
    staff = [m for m in members if m.pk != leader.pk]
    total = 0
    scan, groups, (round_,) = _survey(
        versions["plg-voorwaarden"],
        school,
        "Scan voorwaarden PLG",
        None,
        leader.user,
        [(today - datetime.timedelta(days=120), today - datetime.timedelta(days=110))],
    )
    total += _fill(
        rng,
        scan,
        round_,
        [(groups["teachers"], _email(m)) for m in staff],
        lambda item, leniency: 3.2 + leniency,
        today=today,
    )
    for number in range(4):
        evaluation, groups, (round_,) = _survey(
            versions["sessie-evaluatie"],
            school,
            f"Evaluatie pedagogische studiedag {number + 1}",
            None,
            leader.user,
            [(today - datetime.timedelta(days=200 - 40 * number),) * 2],
        )
        total += _fill(
            rng,
            evaluation,
            round_,
            [(groups["participants"], _email(m)) for m in staff],
            lambda item, leniency: 3.8 + leniency,
            comment_rate=0.2,
            today=today,
        )
    return total


def _build_open_evaluation(versions, school, members, leader, today):
    """An evaluation that is still open, with unanswered invitations: a live answer page."""
    survey, groups, (round_,) = _survey(
        versions["sessie-evaluatie"],
        school,
        "Evaluatie teamdag",
        None,
        leader.user,
        [(today - datetime.timedelta(days=2), today + datetime.timedelta(days=12))],
    )
    Invitation.objects.bulk_create(
        Invitation(
            round=round_,
            rater_group=groups["participants"],
            email=_email(m),
            token=new_token(),
            sent_at=timezone.now(),
        )
        for m in members
        if m.pk != leader.pk
    )
    return survey


DEMO_DIMENSIONS = [
    ("klas", "In de klas", "In class"),
    ("speelplaats", "Op de speelplaats", "On the playground"),
    ("leren", "Leren", "Learning"),
    ("samen", "Samen", "Together"),
    ("thuis", "Thuis en school", "Home and school"),
    ("stem", "Mijn stem", "My voice"),
]


OWN_PULSE_TITLE = "Eigen teampols voor en na"


def _build_own_instruments(rng, school, members, leader, today) -> None:
    """A school's own voice survey (60 items, shared in its community) and a team's own
    five-item pulse, composed in the builder and sent twice: the post round asks one item in
    new words (version 2), so its report compares the other four."""
    dimensions = [
        {
            "code": code,
            "title": {"nl": nl, "en": en},
            "items": [
                {
                    "code": f"{code}-{n}",
                    "statement": f"{code}-{n}",
                    "scale": "akkoord",
                    "aspect": "quality",
                    "text": {
                        "nl": f"{nl}: stelling {n} over hoe het voor mij loopt.",
                        "en": f"{en}: statement {n} about how it goes for me.",
                    },
                    "reverse": n == 10,
                    "required": True,
                    "audience": [],
                }
                for n in range(1, 11)
            ],
        }
        for code, nl, en in DEMO_DIMENSIONS
    ]
    voice = Instrument.objects.create(
        code=f"{school.slug}-leerlingenstem",
        kind=Instrument.Kind.SCAN,
        owner=school,
        shared_with=Instrument.Sharing.COMMUNITY,
    )
    write_version(
        voice,
        {
            "title": {"nl": "Leerlingenstem", "en": "Pupils' voice"},
            "intro": {
                "nl": "Hoe gaat het met jou op school? Er zijn geen foute antwoorden.",
                "en": "How are you doing at school? There are no wrong answers.",
            },
            "rater_groups": ["pupils"],
            "scales": [{**builder.DEFAULT_SCALE, "unknown": True}],
            "dimensions": dimensions,
            "open_questions": [
                {
                    "code": "wens",
                    "text": {"nl": "Wat zou je willen veranderen?", "en": "What would you change?"},
                    "audience": [],
                }
            ],
        },
        number=1,
        digest=f"demo-{school.slug}-voice",
    )
    team = school.teams.order_by("name").first()
    if team is None:
        return
    pulse = builder.instrument_create(
        organisation=school, title_nl=f"Pols {team.name}", title_en=f"Pulse {team.name}", team=team
    )
    dimension = builder.dimension_save(
        instrument=pulse, title_nl="Ons team", title_en="Our team"
    ).row
    scale = builder.latest_version(pulse).scales.get()
    for code, nl, en in (
        ("doelen", "We werken aan onze eigen teamdoelen.", "We work on our own team goals."),
        ("overleg", "Ons overleg levert iets op.", "Our meetings lead somewhere."),
        ("steun", "Ik kan op mijn collega's rekenen.", "I can count on my colleagues."),
        ("kinderen", "We bespreken wat elk kind nodig heeft.", "We discuss what each child needs."),
        ("rust", "Ik ervaar werkdruk die ik niet aankan.", "I feel pressure I cannot handle."),
    ):
        builder.item_save(
            instrument=pulse,
            dimension=dimension,
            scale=scale,
            code=code,
            text_nl=nl,
            text_en=en,
            reverse=code == "rust",
        )
    _send_own_pulse(rng, pulse, school, members, leader, today)


def _send_own_pulse(rng, pulse, school, members, leader, today) -> None:
    first = builder.latest_version(pulse)
    survey, groups, (pre,) = _survey(
        first,
        school,
        OWN_PULSE_TITLE,
        None,
        leader.user,
        [(today - datetime.timedelta(days=150), today - datetime.timedelta(days=140))],
    )
    # Most answer both rounds; four leave and four others join (never one or two: the post
    # round would then describe them, and the report would leave it out).
    raters = [(groups["staff"], _email(m)) for m in members if m.pk != leader.pk][:44]
    _fill(rng, survey, pre, raters[:40], lambda item, leniency: 3.3 + leniency, today=today)
    overleg = first.items.get(code="overleg")
    second = builder.item_save(
        instrument=pulse,
        item=overleg,
        dimension=overleg.dimension,
        scale=overleg.scale,
        code="overleg",
        text_nl="Ons overleg leidt tot afspraken die we nakomen.",
        text_en="Our meetings lead to agreements we keep.",
    ).version
    post = Round.objects.create(
        survey=survey,
        version=second,
        number=2,
        opens_on=today - datetime.timedelta(days=40),
        closes_on=today - datetime.timedelta(days=30),
    )
    _fill(rng, survey, post, raters[4:], lambda item, leniency: 3.8 + leniency, today=today)


def build(ctx) -> None:
    load_all()
    rng = random.Random(2026_360)
    today = timezone.localdate()
    versions = {
        v.instrument.code: v
        for v in InstrumentVersion.objects.select_related("instrument").order_by("number")
    }
    superior = ctx.users.get("coordinating_director")
    superior_email = superior.email if superior else "coordinerend.directeur@leieland.example"
    schools = ctx.schools if ctx.is_large else ctx.schools[:1]
    for school in schools:
        members = ctx.members_by_school[school.pk]
        leader = ctx.leaders_by_school[school.pk]
        _build_360(ctx, rng, versions, school, members, leader, superior_email, today)
        _build_school_wide(rng, versions, school, members, leader, today, large=ctx.is_large)
        if school is ctx.schools[0]:
            _build_open_evaluation(versions, school, members, leader, today)
            _build_own_instruments(rng, school, members, leader, today)
        if ctx.is_large:
            _build_large_extras(rng, versions, school, members, leader, today)
