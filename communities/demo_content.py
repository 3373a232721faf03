"""Dutch texts for the PLG demo data: six PLG's of the main school written out in full, and
pools from which the large data set draws its 300 PLG's."""

# (type, name, learning question, focus, subject, grade, index of the current phase, open)
MAIN_PLGS = [
    (
        "lesson_study",
        "Lesson study rekenen: tellen over het tiental",
        "Hoe helpen we leerlingen van het eerste leerjaar om vlot en met inzicht over het "
        "tiental te tellen?",
        "pupils",
        "wiskunde",
        "1e leerjaar",
        2,
        True,
    ),
    (
        "data_team",
        "Datateam begrijpend lezen",
        "Waarom scoren onze leerlingen van het vierde leerjaar zwakker op begrijpend lezen dan "
        "op technisch lezen, en wat doen we eraan?",
        "pupils",
        "Nederlands",
        "4e leerjaar",
        4,
        True,
    ),
    (
        "design_team",
        "Ontwerpteam STEM-hoeken in de kleuterklas",
        "Hoe ontwerpen we STEM-hoeken waarin kleuters zelf onderzoeken en oplossingen bedenken?",
        "team",
        "wereldoriëntatie",
        "3e kleuterklas",
        3,
        True,
    ),
    (
        "intervision",
        "Intervisie klasmanagement",
        "Hoe houden we rust en structuur in de klas zonder de relatie met de kinderen te "
        "verliezen?",
        "team",
        "",
        "",
        1,
        False,
    ),
    (
        "subject_didactic",
        "Vakgroep schrijven",
        "Hoe leren we kinderen van de derde graad teksten schrijven met een echt doel en een "
        "echt publiek?",
        "pupils",
        "Nederlands",
        "5e en 6e leerjaar",
        1,
        True,
    ),
    (
        "coach_the_coach",
        "Coach de coach",
        "Hoe begeleiden we onze PLG's zo dat ze blijven leren en niet stilvallen?",
        "leadership",
        "",
        "",
        1,
        False,
    ),
]

LEADERS_GROUP = (
    "leaders_group",
    "Lerende groep directeurs Leieland",
    "Hoe geven we leiderschap samen vorm, zodat teams zelf beslissingen nemen over het leren "
    "van hun leerlingen?",
    "leadership",
    "",
    "",
    2,
    False,
)

LEARNINGS = {
    "lesson_study": "Leerlingen tellen vlotter over het tiental als ze eerst met de "
    "rekenketting springen en pas daarna op de getallenlijn. De voorspellingen per "
    "casusleerling maakten ons scherper in wat we observeerden.",
    "data_team": "Het probleem zat minder in de leesteksten dan in de woordenschat: "
    "leerlingen die de sleutelwoorden kenden, scoorden gemiddeld twaalf procentpunten hoger.",
    "design_team": "Kleuters onderzoeken langer als de hoek één duidelijke vraag stelt en "
    "het materiaal open is. Te veel uitleg vooraf remt hen af.",
    "intervision": "Eén vaste routine bij de start van de dag werkt beter dan tien regels. "
    "Collega's die elkaar in de klas bezochten, namen sneller iets over.",
    "subject_didactic": "Schrijven voor een echt publiek (de krant van de school, een brief "
    "aan de burgemeester) maakt herschrijven vanzelfsprekend.",
    "coach_the_coach": "Een PLG valt stil als de volgende bijeenkomst niet vastligt. We "
    "plannen voortaan altijd de volgende datum vóór we afsluiten.",
    "leaders_group": "Teams nemen meer beslissingen als de directie vooraf duidelijk maakt "
    "wat het kader is, en daarna ook echt loslaat.",
}

OPENERS = [
    "We blikten terug op de afspraken van de vorige keer; de meeste acties zijn afgerond.",
    "Iedereen deelde kort één ervaring uit de klas van de voorbije weken.",
    "We startten met de vraag wat ons de voorbije weken verraste.",
    "Niet iedereen had de voorbereiding kunnen doen; we namen er even de tijd voor.",
]

POINTS = {
    "lesson_study": [
        "De casusleerlingen Lotte, Finn en Amira tellen tot tien zonder fouten, maar haperen "
        "bij de overgang naar elf.",
        "Het leerdoel wordt: *leerlingen tellen vooruit en achteruit over het tiental met de "
        "rekenketting*.",
        "We voorspellen dat Finn de kralen één voor één zal tellen in plaats van per vijf.",
        "Tijdens de les telde Amira spontaan per tien; dat hadden we niet voorspeld.",
        "De observatoren noteerden vooral wat leerlingen zeiden, niet wat de leerkracht deed.",
        "In de herwerkte les laten we leerlingen eerst schatten voor ze tellen.",
    ],
    "data_team": [
        "Het probleem: 38% van de leerlingen van het vierde leerjaar haalt de norm voor "
        "begrijpend lezen niet, tegenover 12% voor technisch lezen.",
        "Hypothese 1: de leerlingen kennen te weinig schoolse woordenschat.",
        "Hypothese 2: we oefenen te weinig met langere, informatieve teksten.",
        "De toetsgegevens van de LVS-toetsen van juni en januari zijn volledig voor 54 van de "
        "56 leerlingen.",
        "Leerlingen met een zwakke woordenschatscore scoren gemiddeld 12 procentpunten lager.",
        "Hypothese 2 houdt geen stand: de tijd voor informatieve teksten is vergelijkbaar met "
        "andere scholen.",
    ],
    "design_team": [
        "We kozen drie ontwerpprincipes: één onderzoeksvraag per hoek, open materiaal, en "
        "kleuters tonen hun oplossing aan elkaar.",
        "De eerste hoek gaat over de vraag: *Hoe krijgen we het water van de ene bak in de "
        "andere?*",
        "Juf Ilse probeerde de waterhoek uit; kleuters bleven er gemiddeld twintig minuten.",
        "De fotokaartjes met stappen werkten niet: de kleuters volgden ze niet.",
        "Het materiaal moet robuuster: twee trechters zijn al gebroken.",
    ],
    "intervision": [
        "Inbrenger: een collega van het derde leerjaar met een onrustige groep na de middag.",
        "Verhelderende vragen: wat gebeurt er vlak voor de onrust? Wie begint?",
        "Patroon dat we zien: de overgang van de speelplaats naar de klas duurt lang en is "
        "onduidelijk.",
        "Adviezen: een vast ritueel bij het binnenkomen, een rustige opdracht klaar op de bank, "
        "de groep op de speelplaats al ophalen.",
        "De inbrenger kiest het ritueel en probeert het twee weken uit.",
    ],
    "subject_didactic": [
        "We lazen samen het artikel over genregericht schrijven en bespraken wat we al doen.",
        "Leerlingen herschrijven zelden: ze zien een tekst als af na de eerste versie.",
        "Idee: de leerlingen schrijven een brief aan de gemeente over de verkeersveiligheid "
        "aan de schoolpoort.",
        "We spreken af dat elke klas één tekst schrijft voor een echt publiek.",
    ],
    "coach_the_coach": [
        "Elke procescoach bracht de stand van zijn of haar PLG mee.",
        "Twee PLG's hebben geen volgende bijeenkomst gepland; we bekijken waarom.",
        "We oefenden met de vraag: *wat heb jij nodig om verder te kunnen?*",
        "Een coach deelde hoe ze de notulist laat roteren, zodat iedereen eigenaar wordt.",
    ],
    "leaders_group": [
        "We bespraken de 360°-feedback op gedeeld leiderschap van september.",
        "Elke directeur beschreef één beslissing die hij of zij dit jaar aan een team liet.",
        "Het kader vooraf helder maken, blijkt het moeilijkste.",
        "We bezoeken in duo's elkaars school en observeren een teamoverleg.",
    ],
}

DECISIONS = {
    "lesson_study": [
        "De onderzoeksles wordt gegeven op de eerste dinsdag na de vakantie in klas 1B.",
        "We gebruiken het observatieformulier met drie casusleerlingen per observator.",
    ],
    "data_team": [
        "We onderzoeken hypothese 1 verder met een woordenschattoets in alle klassen van de "
        "tweede graad.",
        "Maatregel: elke week tien sleutelwoorden per thema, zichtbaar in de klas.",
    ],
    "design_team": [
        "De waterhoek blijft; de stappenkaartjes vervallen.",
        "We ontwerpen een tweede hoek rond bouwen en evenwicht.",
    ],
    "intervision": ["Volgende keer brengt een collega van de kleuterschool een casus in."],
    "subject_didactic": [
        "Elke klas van de derde graad schrijft in maart een brief aan de gemeente."
    ],
    "coach_the_coach": [
        "Elke PLG plant voortaan de volgende datum voor het einde van de bijeenkomst."
    ],
    "leaders_group": ["We bezoeken in duo's elkaars school vóór de volgende bijeenkomst."],
}

ACTIONS = {
    "lesson_study": [
        "Lesontwerp aanvullen met voorspellingen per casusleerling",
        "Observatieformulieren kopiëren en verdelen",
        "Leerlingenwerk van de onderzoeksles verzamelen",
    ],
    "data_team": [
        "Woordenschattoets afnemen in het derde en vierde leerjaar",
        "Resultaten invoeren in het gedeelde rekenblad",
        "Lijst met sleutelwoorden per thema opstellen",
    ],
    "design_team": [
        "Nieuwe trechters en maatbekers bestellen",
        "Foto's nemen van de kleuters aan het werk",
        "Tweede hoek uittekenen",
    ],
    "intervision": ["Ritueel bij het binnenkomen twee weken uitproberen"],
    "subject_didactic": [
        "Voorbeeldbrieven verzamelen",
        "Afspraak maken met de schepen van onderwijs",
    ],
    "coach_the_coach": ["Volgende bijeenkomst van elke PLG nakijken in het overzicht"],
    "leaders_group": ["Duobezoek plannen", "Leesopdracht: hoofdstuk over gedeeld leiderschap"],
}

PRODUCTS = {
    "lesson_study": [
        (
            "lesson_design",
            "Onderzoeksles: tellen over het tiental met de rekenketting",
            "Lesontwerp met leerdoel, voorspellingen per casusleerling en observatiepunten.",
            "tellen, getallenlijn, rekenketting",
        ),
        (
            "material",
            "Observatieformulier voor lesson study",
            "Formulier om per casusleerling te noteren wat hij of zij zegt en doet.",
            "observatie, lesson study",
        ),
    ],
    "data_team": [
        (
            "findings",
            "Bevindingen: woordenschat en begrijpend lezen",
            "Analyse van de LVS-resultaten van 56 leerlingen met conclusies.",
            "begrijpend lezen, woordenschat, data",
        ),
        (
            "protocol",
            "Protocol sleutelwoorden per thema",
            "Zo kies en oefen je tien sleutelwoorden per week.",
            "woordenschat, protocol",
        ),
    ],
    "design_team": [
        (
            "material",
            "STEM-hoek: water verplaatsen",
            "Opbouw, materiaallijst en onderzoeksvraag voor een waterhoek.",
            "STEM, kleuters, water",
        ),
    ],
    "intervision": [
        (
            "protocol",
            "Ritueel bij het binnenkomen na de middag",
            "Vijf stappen om rustig te starten na de speeltijd.",
            "klasmanagement, rust",
        ),
    ],
    "subject_didactic": [
        (
            "lesson_design",
            "Lessenreeks: een brief aan de gemeente",
            "Vier lessen van idee tot verstuurde brief.",
            "schrijven, echt publiek",
        ),
    ],
    "coach_the_coach": [],
    "leaders_group": [
        (
            "findings",
            "Wat teams zelf beslissen: ervaringen van vijf directeurs",
            "Voorbeelden van beslissingen die teams namen, en wat dat vroeg van de directie.",
            "leiderschap, regelcapaciteit",
        ),
    ],
}

RESOURCES = {
    "lesson_study": [
        (
            "link",
            "Lesson study: een handleiding",
            "https://example.org/lesson-study",
            "",
            "lesson study, handleiding",
        ),
        (
            "note",
            "Tips voor observatoren",
            "",
            "Noteer wat leerlingen zeggen, letterlijk. Oordeel niet tijdens de les.",
            "observatie",
        ),
    ],
    "data_team": [
        (
            "link",
            "De acht stappen van een datateam",
            "https://example.org/datateam",
            "",
            "datateam, methode",
        ),
    ],
    "design_team": [
        (
            "link",
            "Inspiratie voor STEM in de kleuterklas",
            "https://example.org/stem-kleuters",
            "",
            "STEM, inspiratie",
        ),
    ],
    "intervision": [
        (
            "note",
            "Spelregels van intervisie",
            "",
            "Wat hier gezegd wordt, blijft hier. De inbrenger beslist wat hij met de "
            "adviezen doet.",
            "afspraken",
        ),
    ],
    "subject_didactic": [
        ("link", "Genregericht schrijven", "https://example.org/schrijven", "", "schrijven"),
    ],
}

SUBJECTS = [
    "wiskunde",
    "Nederlands",
    "Frans",
    "wereldoriëntatie",
    "muzische vorming",
    "lichamelijke opvoeding",
    "STEM",
]
GRADES = [
    "1e kleuterklas",
    "3e kleuterklas",
    "1e leerjaar",
    "2e leerjaar",
    "3e leerjaar",
    "4e leerjaar",
    "5e leerjaar",
    "6e leerjaar",
]
QUESTION_STEMS = {
    "lesson_study": "Hoe helpen we leerlingen van het {grade} bij {topic}?",
    "data_team": "Waarom blijven de resultaten voor {topic} in het {grade} achter?",
    "design_team": "Hoe ontwerpen we materiaal voor {topic} dat leerlingen zelfstandig gebruiken?",
    "intervision": "Hoe gaan we om met {topic} in onze klassen?",
    "subject_didactic": "Hoe versterken we de didactiek van {topic}?",
    "leaders_group": "Hoe geven we samen leiding aan {topic}?",
    "coach_the_coach": "Hoe begeleiden we PLG's rond {topic}?",
}
TOPICS = [
    "breuken",
    "hoofdrekenen",
    "begrijpend lezen",
    "spelling",
    "spreekvaardigheid",
    "onderzoekend leren",
    "differentiatie",
    "feedback geven",
    "klasmanagement",
    "zelfstandig werken",
    "meertaligheid",
    "evalueren",
    "samenwerkend leren",
]
