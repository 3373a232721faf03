"""Demo data for the vision with stakeholders: the main school published its vision after
collecting contributions from staff, pupils, parents and partners, clustering them into four
themes and letting everyone spread ten points. The partners made two contributions, below the
threshold of five, so the pages show them merged with the smallest other group."""

import datetime
import random

from django.utils import timezone

from core.tokens import new_token

from .models import Contribution, PointAllocation, StakeholderGroup, Theme, VisionProcess

THEMES = {
    "Elk kind groeit op zijn eigen tempo": "Differentiëren, zorg op maat, talenten zien.",
    "Samen school maken": "Ouders, leerlingen en partners als echte partners van de school.",
    "Leren met hoofd, hart en handen": "Projecten, buiten leren, doen en ontdekken.",
    "Een warme en veilige school": "Welbevinden, pesten voorkomen, elk kind hoort erbij.",
}
THEME_NAMES = list(THEMES)
# Per group: (kind, name, contributions as (theme index, text), participants who spread points)
GROUPS = [
    (
        StakeholderGroup.Kind.STAFF,
        "Personeel",
        [
            (0, "Kinderen krijgen de tijd die ze nodig hebben om iets echt te begrijpen."),
            (0, "We kijken naar wat een kind al kan, niet alleen naar wat het nog niet kan."),
            (0, "Hoogbegaafde kinderen verdienen ook uitdaging in de klas."),
            (1, "We werken als team samen over de klassen heen."),
            (1, "Ouders zijn welkom in de school, niet alleen op het oudercontact."),
            (2, "Meer projectwerk waarin vakken samenkomen."),
            (2, "De schooltuin gebruiken voor wereldoriëntatie."),
            (2, "Leren door te doen: proefjes, bouwen, maken."),
            (3, "Elk kind moet zich veilig voelen om fouten te maken."),
            (3, "Een duidelijke aanpak tegen pesten die iedereen kent."),
            (3, "Tijd voor een goed gesprek met elk kind."),
            (0, "Zorg begint in de klas, met de leerkracht."),
        ],
        18,
    ),
    (
        StakeholderGroup.Kind.PUPILS,
        "Leerlingen",
        [
            (2, "Meer buiten les krijgen."),
            (2, "Zelf dingen maken in plaats van alleen werkblaadjes."),
            (3, "Dat niemand uitgelachen wordt."),
            (3, "Een rustige plek op de speelplaats."),
            (0, "Dat je mag kiezen wat je eerst doet."),
            (1, "Een leerlingenraad die echt iets mag beslissen."),
            (3, "Juffen en meesters die luisteren."),
        ],
        14,
    ),
    (
        StakeholderGroup.Kind.PARENTS,
        "Ouders",
        [
            (1, "Weten wat mijn kind in de klas leert, ook tussen de rapporten door."),
            (1, "Als ouder kunnen meehelpen bij uitstappen en projecten."),
            (3, "Mijn kind gaat graag naar school: dat is het belangrijkste."),
            (0, "Aandacht voor kinderen die het moeilijk hebben met lezen."),
            (2, "Meer aandacht voor techniek en wetenschappen."),
            (3, "Een school waar elk kind erbij hoort, welke taal het thuis ook spreekt."),
        ],
        11,
    ),
    (
        StakeholderGroup.Kind.PARTNERS,
        "Partners",
        [
            (1, "Samenwerken met de buurt: de bib, de sportclub en de academie."),
            (2, "Leerlingen op bezoek laten komen in bedrijven uit de buurt."),
        ],
        2,
    ),
]
VISION = (
    "Op De Regenboog groeit elk kind op zijn eigen tempo, in een warme en veilige school waar "
    "het erbij hoort.\n\nWe leren met hoofd, hart en handen: in de klas, in de tuin en in de "
    "buurt. Dat doen we samen: leerkrachten, leerlingen, ouders en partners maken samen school."
)


def _spread(rng, points: int, themes: int, favourite: int) -> list[int]:
    """A participant's points: most for their favourite theme, the rest at random."""
    spread = [0] * themes
    spread[favourite] = rng.randint(points // 3, points // 2 + 2)
    for _point in range(points - spread[favourite]):
        spread[rng.randrange(themes)] += 1
    return spread


def build(ctx) -> None:
    school = ctx.main_school
    if school is None:
        return
    rng = random.Random(2027)
    leader = ctx.leaders_by_school.get(school.pk)
    process = VisionProcess.objects.create(
        organisation=school,
        title="Onze visie 2025–2030",
        question="Wat moet elk kind meenemen als het onze school verlaat?",
        points=10,
        threshold=5,
        phase=VisionProcess.Phase.PUBLISHED,
        published_text=VISION,
        published_at=timezone.now() - datetime.timedelta(days=30),
        created_by=leader.user if leader else None,
    )
    themes = Theme.objects.bulk_create(
        [Theme(process=process, name=name, description=text) for name, text in THEMES.items()]
    )
    groups = StakeholderGroup.objects.bulk_create(
        [
            StakeholderGroup(
                process=process,
                kind=kind,
                name=name,
                token=new_token(),
                position=position,
            )
            for position, (kind, name, _texts, _n) in enumerate(GROUPS)
        ]
    )
    contributions, allocations = [], []
    for group, (_kind, _name, texts, participants) in zip(groups, GROUPS, strict=True):
        contributions += [
            Contribution(process=process, group=group, text=text, theme=themes[index])
            for index, text in texts
        ]
        favourites = [index for index, _text in texts]
        for _participant in range(participants):
            spread = _spread(rng, process.points, len(themes), rng.choice(favourites))
            allocations += [
                PointAllocation(theme=theme, group=group, points=points)
                for theme, points in zip(themes, spread, strict=True)
                if points
            ]
    Contribution.objects.bulk_create(contributions)
    PointAllocation.objects.bulk_create(allocations)
