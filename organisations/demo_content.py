"""The content of the organisations demo: Flemish school communities, cities and school
names, teams named after the children they are there for with their missions, and the
people behind the demo logins."""

from core.demo import MAIN_COMMUNITY_SLUG, split_list


def named_lines(text: str) -> list[tuple[str, str]]:
    """'Name: text' per entry, indented lines continue the entry's text."""
    entries = []
    for line in text.strip().splitlines():
        if line.startswith(" "):
            name, body = entries[-1]
            entries[-1] = (name, f"{body} {line.strip()}")
        else:
            name, body = line.split(": ", 1)
            entries.append((name, body))
    return entries


# Teams are named after the children they are there for; each has a child-oriented mission.
PRIMARY_TEAMS = named_lines(
    """
Kleuterteam: Elke kleuter voelt zich veilig en welkom, en ontdekt spelend de wereld in zijn
  eigen tempo.
Eerste graad: Elk kind van het eerste en tweede leerjaar leert lezen, schrijven en rekenen
  met plezier en zelfvertrouwen.
Tweede graad: Onze kinderen van het derde en vierde leerjaar leren zelfstandig werken en
  samen problemen oplossen.
Derde graad: Onze oudste leerlingen vertrekken met een stevige basis, een eerlijk advies en
  goesting in het secundair.
Zorgteam: Elk kind krijgt zo vroeg mogelijk de ondersteuning die het nodig heeft, samen met
  de ouders en het CLB.
Team Klimop: Kinderen die thuis een andere taal spreken, groeien stap voor stap naar het
  Nederlands van de klas.
Team Horizon: Elk kind leert zijn talenten kennen en krijgt de kans om ze te tonen, in en
  buiten de klas.
Team Zonnebloem: Elke peuter van de instapklas zet met vertrouwen de stap naar school, samen
  met zijn ouders.
Team Kompas: Kinderen leren keuzes maken over hun eigen leren en praten erover met hun
  leerkracht en hun ouders.
Team Vuurtoren: Wie snel leert krijgt uitdaging, wie meer tijd nodig heeft krijgt tijd: geen
  enkel kind haakt af.
Team Boomhut: Onze kinderen spelen, leren en bewegen buiten: in het bos, in de moestuin en
  op de speelplaats.
Team Kameleon: Kinderen voelen zich thuis op school en leren van elkaars verhalen, talen en
  gewoonten.
Team Sterrenpad: Elk kind van de derde graad leert onderzoeken, experimenteren en zijn
  bevindingen helder voorstellen.
Team Wervelwind: Bewegen en sporten helpen elk kind om zich goed te voelen in zijn lijf en
  in de groep.
Team Ontdekkers: Kinderen van verschillende leerjaren leren samen in projecten over de
  klassen heen.
Team Pluim: Elk kind hoort elke dag wat het goed doet en krijgt de kans om te tonen wat het
  kan.
"""
)
SECONDARY_TEAMS = named_lines(
    """
Eerste graad A-stroom: Elke leerling van het eerste en tweede jaar vindt zijn weg in het
  secundair en ontdekt wat hij graag doet.
Eerste graad B-stroom: Leerlingen die meer tijd nodig hebben, halen hun getuigschrift en
  kiezen met vertrouwen verder.
Tweede graad: Leerlingen van het derde en vierde jaar maken een studiekeuze die past bij hun
  talenten.
Derde graad doorstroom: Onze laatstejaars vertrekken goed voorbereid en zelfstandig naar het
  hoger onderwijs.
Derde graad arbeidsmarkt: Leerlingen leren een vak, lopen stage in echte bedrijven en
  stappen zelfzeker de arbeidsmarkt op.
Leerlingenbegeleiding: Elke leerling heeft iemand bij wie hij terechtkan, op school en
  daarbuiten.
Team STEM: Leerlingen leren nieuwsgierig onderzoeken en ontwerpen oplossingen voor echte
  problemen.
Team Talen: Elke leerling durft te spreken, in het Nederlands en in een vreemde taal.
Team Kunst en Creatie: Leerlingen ontdekken wat ze kunnen maken en tonen het met trots aan
  anderen.
Team Welzijn: Leerlingen voelen zich goed op school: veilig, gehoord en betrokken.
Team Onthaal: Nieuwe leerlingen en anderstalige nieuwkomers voelen zich vanaf de eerste dag
  welkom.
Team Duaal leren: Leerlingen combineren leren op school en op de werkvloer en behalen een
  kwalificatie.
Team Zorg en welzijn: Leerlingen die later voor anderen willen zorgen, leren dat met hoofd,
  hart en handen.
Team Maatschappij: Leerlingen leren de wereld begrijpen en hun stem laten horen als burger.
Team Sport: Elke leerling beweegt elke dag en ervaart wat sport voor een groep kan
  betekenen.
Team Digitaal: Leerlingen gebruiken technologie kritisch, veilig en creatief.
"""
)
PRIMARY_NAMES = split_list(
    "De Vlieger, De Zonnebloem, Het Kompas, De Wingerd, De Boomgaard, Sint-Lodewijk, "
    "De Sleutelbloem, Het Vlindertje, De Toverfluit, De Kleine Prins, Het Sterrenbos, De Linde, "
    "De Klimtoren, De Pagadder, De Mozaïek, Sint-Maarten, De Notelaar, Het Spoor, De Kantelberg, "
    "De Springplank, Het Molentje, Sint-Vincentius, De Knipoog, Het Zonnetje, De Kleurdoos, "
    "De Letterbijter, De Tuimelaar, Het Speelhof, De Wegwijzer, De Appelboom, De Vuurvogel, "
    "Sint-Aloysius, De Bremhof, Het Klimrek, De Triangel"
)
SECONDARY_NAMES = split_list(
    "Sint-Jozefsinstituut, Sint-Lodewijkscollege, Onze-Lieve-Vrouwecollege, "
    "Heilig-Hartinstituut, Technisch Instituut Sint-Vincentius, Sint-Jan Berchmanscollege, "
    "Mariagaarde, Sint-Pieterscollege, Vrij Technisch Instituut, Sint-Ursula-Instituut"
)

# (community name, slug, kind of schools, cities); the first is the small data set's community.
COMMUNITIES = [
    (
        "Scholengemeenschap Leieland",
        MAIN_COMMUNITY_SLUG,
        "primary",
        split_list(
            "Kortrijk, Harelbeke, Roeselare, Menen, Wevelgem, "
            "Kuurne, Deinze, Waregem, Izegem, Zwevegem"
        ),
    ),
    (
        "Scholengroep Dijle en Nete",
        "dijle-en-nete",
        "go",
        split_list(
            "Mechelen, Leuven, Lier, Heist-op-den-Berg, Tienen, "
            "Aarschot, Duffel, Willebroek, Haacht, Bonheiden"
        ),
    ),
    (
        "Scholengemeenschap Sint-Franciscus",
        "sint-franciscus",
        "secondary",
        split_list(
            "Brugge, Oostende, Torhout, Tielt, Gistel, "
            "Oostkamp, Blankenberge, Knokke-Heist, Beernem, Zedelgem"
        ),
    ),
    (
        "Scholengemeenschap Demerland",
        "demerland",
        "primary",
        split_list(
            "Hasselt, Genk, Diest, Sint-Truiden, Bilzen, "
            "Tongeren, Beringen, Herk-de-Stad, Lummen, Zonhoven"
        ),
    ),
    (
        "Scholengemeenschap Denderstreek",
        "denderstreek",
        "primary",
        split_list(
            "Aalst, Ninove, Dendermonde, Geraardsbergen, Lede, "
            "Erpe-Mere, Denderleeuw, Haaltert, Zottegem, Wetteren"
        ),
    ),
]
PRIMARY_PREFIXES = ["Basisschool", "Vrije Basisschool", "Gemeentelijke Basisschool"]
SCHOOL_PREFIXES = ("Vrije Basisschool ", "Gemeentelijke Basisschool ", "Basisschool ")
SMALL_SCHOOLS = [
    ("Basisschool De Regenboog", "Kortrijk", 80, 8),
    ("Vrije Basisschool Sint-Jozef", "Harelbeke", 30, 4),
    ("Basisschool 't Klavertje", "Roeselare", 30, 4),
]
LOGIN_PEOPLE = {
    "admin": ("Bart", "Maes"),
    "coordinating_director": ("An", "De Smet"),
    "leader": ("Katrien", "Goossens"),
    "coach": ("Pieter", "Claes"),
    "staff": ("Sofie", "Wouters"),
    "trainer": ("Els", "Van den Broeck"),
}
