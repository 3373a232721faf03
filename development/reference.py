"""The public, certain part of the Flemish reference framework for educational quality
(Referentiekader voor onderwijskwaliteit, OK) as Leerkring ships it: its four rubrics, the
expectations K1–K3 and BL1–BL7 with short descriptions in Leerkring's own words, and the
inspectorate's four-level scale. A school adds the rest itself; no other code is invented.

Plain data and one function over the models it is given, so a migration (with its historical
models) and the demo (after a reset) ship the same framework."""

NAME = "Referentiekader voor onderwijskwaliteit (OK)"
RUBRICS = [
    "Ontwikkeling van lerenden",
    "Kwaliteitsontwikkeling",
    "Beleid",
    "Resultaten en effecten",
]
LEVELS = [
    "onder de verwachting",
    "benadert de verwachting",
    "volgens de verwachting",
    "overstijgt de verwachting",
]
QUALITY = "Kwaliteitsontwikkeling"
POLICY = "Beleid"
POLICY_NOTE = (
    "Een verwachting uit de rubriek beleid. Vul de precieze omschrijving aan vanuit de "
    "officiële tekst van het referentiekader."
)
EXPECTATIONS = [
    (
        "K1",
        "Visie en beleid op kwaliteit",
        "De school werkt vanuit een gedeelde visie op haar eigen kwaliteit en een beleid om "
        "die te ontwikkelen.",
        QUALITY,
    ),
    (
        "K2",
        "Kwaliteit systematisch opvolgen",
        "De school gaat geregeld en doelgericht na hoe het met haar kwaliteit staat.",
        QUALITY,
    ),
    (
        "K3",
        "Kwaliteit verder ontwikkelen",
        "De school stuurt bij en ontwikkelt haar kwaliteit op basis van wat ze vaststelt.",
        QUALITY,
    ),
    *[(f"BL{n}", f"Verwachting over beleid {n}", POLICY_NOTE, POLICY) for n in range(1, 8)],
]


def ship_reference_framework(Framework, Expectation):
    """Create the shipped framework and its expectations where missing; returns it."""
    framework, _created = Framework.objects.get_or_create(
        organisation=None,
        name=NAME,
        defaults={
            "description": (
                "Het Vlaamse referentiekader voor onderwijskwaliteit, voor zover publiek en "
                "zeker. Vul aan wat je school nodig heeft."
            ),
            "rubrics": RUBRICS,
            "levels": LEVELS,
        },
    )
    for position, (code, title, description, rubric) in enumerate(EXPECTATIONS):
        Expectation.objects.get_or_create(
            framework=framework,
            code=code,
            defaults={
                "title": title,
                "description": description,
                "rubric": rubric,
                "position": position,
            },
        )
    return framework
