"""Dutch content of the networks demo: the seed programmes of the blueprint."""

LEAD = {
    "code": "LEID-2J",
    "title": "Je school leiden in complexe omstandigheden",
    "kind": "trajectory",
    "audience": "leaders",
    "theme": "gedeeld leiderschap",
    "summary": (
        "Een tweejarig traject in leergroepen van vier tot acht schoolleiders van één "
        "scholengemeenschap: negen vormingsdagen en twee netwerkmomenten per jaar."
    ),
    "goals": (
        "Je bouwt gedeeld leiderschap op in je school.\n"
        "Je brengt de processen van je school in kaart en maakt ze lichter.\n"
        "Je leert onderzoekend kijken naar je eigen leiderschap, samen met collega's."
    ),
    "programme_text": (
        "Jaar 1: 360°-feedback op gedeeld leiderschap in september en april, een "
        "waardestroomkaart van je schoolprocessen in november, peer coaching vanaf januari.\n"
        "Jaar 2: onderzoeksduo's en -trio's kiezen in september een thema en stellen hun "
        "resultaten in maart voor. Tussen de vormingsdagen werk je aan opdrachten in je school."
    ),
    "instruments": (
        "360°-feedback gedeeld leiderschap: via de bevragingen van je school\n"
        "Waardestroomkaart: via de ontwikkelmodule van je school"
    ),
    "fee": "1450.00",
    "selection": True,
}
IMPACT = {
    "code": "OLI-101",
    "title": "Onderwijskundig leiderschap met impact",
    "kind": "course",
    "audience": "leaders",
    "theme": "professionele leergemeenschappen",
    "summary": (
        "Een tweedaagse over de soorten PLG's en de rol van procescoaches. Je bouwt over de "
        "twee dagen een actieplan voor je eigen school."
    ),
    "goals": (
        "Je kent de soorten professionele leergemeenschappen en hun cyclus.\n"
        "Je weet wat een procescoach doet en hoe je er een ondersteunt.\n"
        "Je vertrekt met een actieplan dat over beide dagen groeit."
    ),
    "programme_text": (
        "Dag 1: lesson study, teacher design teams, datateams en intervisie naast elkaar.\n"
        "Dag 2: procescoaching in de praktijk en je actieplan voor het komende schooljaar."
    ),
    "fee": "395.00",
    "selection": False,
}
TOGETHER = {
    "code": "SLL-2J",
    "title": "Samen leren leiden",
    "kind": "trajectory",
    "audience": "leaders",
    "theme": "professionele leergemeenschappen",
    "summary": (
        "Schoolleiders van zeven scholengemeenschappen vormen elk een leergroep met een "
        "begeleider. Jaar 1: maandelijks samen; jaar 2: je start een PLG in je eigen school."
    ),
    "goals": (
        "Je formuleert leervragen over leerlingen, school, team en leiderschap.\n"
        "Je start en begeleidt een professionele leergemeenschap in je eigen school."
    ),
    "programme_text": "Maandelijkse leergroepsessies in jaar 1, begeleiding op maat in jaar 2.",
    "fee": "950.00",
    "selection": True,
}
NETWORK = {
    "code": "LNS-2J",
    "title": "Leernetwerk voor scholen",
    "kind": "network",
    "audience": "schools",
    "theme": "zelfsturende teams",
    "summary": (
        "Een begeleider gidst ongeveer vier scholen over twee schooljaren naar kindgerichte, "
        "zelfsturende teams waarin elk personeelslid een thuisteam vindt."
    ),
    "goals": (
        "Elk personeelslid vindt een nest.\n"
        "Beslissingsruimte gaat naar de teams.\n"
        "Sleutelcompetenties worden in elk team in kaart gebracht en geborgd.\n"
        "Vier kerntaken: leerlingen kwalificeren, talenten ontwikkelen, leerdrempels wegnemen "
        "en alle betrokkenen betrekken."
    ),
    "programme_text": (
        "Intakegesprekken, een residentieel startseminarie van twee dagen en acht "
        "groepssessies over twee schooljaren."
    ),
    "fee": "0",
    "selection": True,
}
PROGRAMMES = [LEAD, IMPACT, TOGETHER, NETWORK]

QUESTIONS = [
    ("Wat is je functie?", "choice", "directeur\nadjunct-directeur\ncoördinerend directeur", True),
    ("Waarom wil je dit traject volgen?", "text", "", True),
    ("Volgde je al eerder een leiderschapstraject?", "yesno", "", False),
]

TRAINING_TOPICS = [
    "Kennismaking en je leiderschapsverhaal",
    "Gedeeld leiderschap: wie beslist wat?",
    "Waardestroomkaart van een kernproces",
    "Feedback geven en ontvangen",
    "Peer coaching: opstart",
    "Leren uit data zonder te verdrinken",
    "Veranderen in complexe omstandigheden",
    "Professionele dialoog in je team",
    "Terugblik en vooruitblik",
]
YEAR2_TOPICS = [
    "Onderzoeksthema's kiezen",
    "Onderzoeksvraag en plan",
    "Data verzamelen in je school",
    "Leiderschap en regelcapaciteit van teams",
    "Onderzoek: tussentijdse stand",
    "Resultaten voorstellen",
    "Borgen wat werkt",
    "Je professionaliseringsplan",
    "Slotdag en viering",
]
LOCATIONS = [
    ("Vormingscentrum De Leerbrug", "Gent", "Zaal Schelde"),
    ("Hotel Ter Heide", "Brugge", "Zaal Duin"),
    ("Campus Kortrijk", "Kortrijk", "Lokaal B.204"),
    ("Vormingscentrum Lokeren", "Lokeren", "Zaal Durme"),
]

ASSIGNMENTS = [
    (
        "Je leiderschapsverhaal",
        "Schrijf in één pagina hoe je leiderschap opnam in een moeilijk moment.",
        False,
        False,
    ),
    (
        "Beslissingen in kaart",
        "Maak met je team een overzicht: wie beslist wat op jouw school?",
        False,
        False,
    ),
    (
        "Leesopdracht: gedeeld leiderschap",
        "Lees het hoofdstuk over gedeeld leiderschap en noteer drie vragen.",
        False,
        True,
    ),
    (
        "Waardestroomkaart",
        "Breng als leergroep één kernproces van een van jullie scholen in kaart.",
        True,
        False,
    ),
    ("Coachingsvraag", "Formuleer je coachingsvraag voor je coachingsduo.", False, False),
    (
        "Feedbackgesprek",
        "Voer een feedbackgesprek met een teamcoach en reflecteer erop.",
        False,
        False,
    ),
]
SUBMISSION_TEXTS = [
    "In het eerste trimester merkte ik dat ik te veel zelf wilde oplossen. Ik vroeg het "
    "kernteam om mee na te denken en dat gaf ruimte.",
    "We hebben de beslissingen met het team overlopen: veel ligt nog bij de directie, terwijl "
    "de teams het zelf kunnen dragen.",
    "Mijn drie vragen: hoe verdeel je verantwoordelijkheid zonder ze te verdunnen? Wie bewaakt "
    "de visie? Hoe maak je gedeeld leiderschap zichtbaar voor ouders?",
]
FEEDBACK_TEXTS = [
    "Sterk dat je het kernteam betrok. Probeer volgende keer vooraf af te spreken wie beslist.",
    "Mooi overzicht. Welke beslissing wil je als eerste aan de teams geven?",
    "Goede vragen; we nemen de tweede mee naar de volgende vormingsdag.",
]
LITERATURE = [
    ("Hargreaves, A. & Fullan, M. (2012). Professional Capital. Teachers College Press.", ""),
    ("Spillane, J. (2006). Distributed Leadership. Jossey-Bass.", ""),
    (
        "Verbiest, E. (2014). Leren innoveren. Een inleiding in de ontwikkeling van "
        "professionele leergemeenschappen. Garant.",
        "",
    ),
    (
        "Onderwijsinspectie (2024). Referentiekader voor onderwijskwaliteit.",
        "https://www.onderwijsinspectie.be/",
    ),
]
RESEARCH_THEMES = [
    (
        "Gedeeld leiderschap in het kernteam",
        "Hoe verandert de besluitvorming als teams meer regelruimte krijgen?",
    ),
    ("Professionele dialoog", "Welke gespreksvormen helpen leraren om van elkaar te leren?"),
    (
        "Welbevinden van leraren",
        "Wat betekent de werkdruk van startende leraren voor hun teamleider?",
    ),
]
REFLECTIONS = [
    "Vandaag werd me duidelijk dat ik beslissingen te snel naar me toe trek.",
    "Het gesprek in de leergroep over feedback gaf me concrete ideeën voor maandag.",
]
COACHING_NOTES = [
    "We bespraken mijn coachingsvraag: hoe geef ik het kernteam meer beslissingsruimte?",
    "Observatie van een teamoverleg bij mijn partner en nabespreking.",
    "Feedback op mijn plan voor de personeelsvergadering; volgende keer: evaluatie.",
]
MOTIVATIONS = [
    "Onze school groeit snel en ik wil het leiderschap breder dragen in het team.",
    "Na een moeilijk jaar wil ik samen met collega's leren hoe we verandering volhouden.",
    "Ik wil ons kernteam versterken en de regelruimte van de teams vergroten.",
    "Ik ben pas directeur en zoek een leergroep om mijn rol te vinden.",
]
