"""The PLG types and the cycle each one follows, as data.

Every text is given in Dutch and English side by side (`T`), because the cycles are content
written for Leerkring rather than interface strings: a coach reads them as guidance, and keeping
both languages next to each other keeps them in step. `str(T)` picks the active language.
"""

from dataclasses import dataclass

from django.utils.translation import get_language


@dataclass(frozen=True)
class T:
    """A text in English and Dutch; renders in the active language (Dutch by default)."""

    en: str
    nl: str

    def __str__(self) -> str:
        language = (get_language() or "nl").lower()
        return self.en if language.startswith("en") else self.nl


@dataclass(frozen=True)
class Phase:
    code: str
    name: T
    purpose: T
    questions: tuple[T, ...]
    products: tuple[T, ...]


@dataclass(frozen=True)
class Cycle:
    type: str
    name: T
    description: T
    phases: tuple[Phase, ...]

    def phase(self, code: str) -> Phase | None:
        return next((p for p in self.phases if p.code == code), None)

    def index(self, code: str) -> int:
        """Position of a phase in the cycle; -1 for an unknown code."""
        return next((i for i, p in enumerate(self.phases) if p.code == code), -1)

    def next_phase(self, code: str) -> Phase | None:
        i = self.index(code)
        return self.phases[i + 1] if 0 <= i < len(self.phases) - 1 else None

    @property
    def first(self) -> Phase:
        return self.phases[0]


def _p(code, name, purpose, questions, products) -> Phase:
    return Phase(
        code=code,
        name=T(*name),
        purpose=T(*purpose),
        questions=tuple(T(*q) for q in questions),
        products=tuple(T(*p) for p in products),
    )


LESSON_STUDY = Cycle(
    type="lesson_study",
    name=T("Lesson study", "Lesson study"),
    description=T(
        "Teachers jointly design, teach, observe and improve one research lesson.",
        "Leraren ontwerpen samen één onderzoeksles, geven en observeren ze, en verbeteren ze.",
    ),
    phases=(
        _p(
            "study",
            ("Study the goal and the pupils", "Het doel en de leerlingen bestuderen"),
            (
                "Agree on a learning goal and understand how pupils learn it now.",
                "Een leerdoel afspreken en begrijpen hoe leerlingen het nu leren.",
            ),
            [
                ("Which goal do pupils find hard?", "Welk doel vinden leerlingen moeilijk?"),
                (
                    "What do the curriculum and research say about it?",
                    "Wat zeggen de leerplannen en het onderzoek erover?",
                ),
                (
                    "Which pupils will we follow closely?",
                    "Welke leerlingen volgen we van dichtbij?",
                ),
            ],
            [
                ("Learning goal and its rationale", "Leerdoel met onderbouwing"),
                ("Choice of case pupils", "Keuze van casusleerlingen"),
            ],
        ),
        _p(
            "plan",
            ("Plan the research lesson", "De onderzoeksles plannen"),
            (
                "Design the lesson together, predicting how pupils will respond.",
                "Samen de les ontwerpen en voorspellen hoe leerlingen zullen reageren.",
            ),
            [
                (
                    "What do we expect each case pupil to do?",
                    "Wat verwachten we dat elke casusleerling doet?",
                ),
                ("What will observers look for?", "Waar letten de observatoren op?"),
            ],
            [
                ("Lesson design with predictions", "Lesontwerp met voorspellingen"),
                ("Observation form", "Observatieformulier"),
            ],
        ),
        _p(
            "teach",
            ("Teach and observe", "Lesgeven en observeren"),
            (
                "One teacher teaches, the others observe the case pupils.",
                "Eén leraar geeft les, de anderen observeren de casusleerlingen.",
            ),
            [
                ("What did the case pupils actually do?", "Wat deden de casusleerlingen echt?"),
                ("What surprised us?", "Wat verraste ons?"),
            ],
            [
                ("Observation notes", "Observatienotities"),
                ("Pupil work and interviews", "Leerlingenwerk en gesprekjes"),
            ],
        ),
        _p(
            "reflect",
            ("Reflect", "Reflecteren"),
            (
                "Compare what happened with what was predicted.",
                "Vergelijken wat er gebeurde met wat we voorspeld hadden.",
            ),
            [
                (
                    "Where did pupils learn more or less than expected?",
                    "Waar leerden ze meer of minder dan verwacht?",
                ),
                (
                    "Which part of the design explains that?",
                    "Welk deel van het ontwerp verklaart dat?",
                ),
            ],
            [("Reflection report", "Reflectieverslag")],
        ),
        _p(
            "revise",
            ("Revise and share", "Herwerken en delen"),
            (
                "Improve the lesson and share it with colleagues.",
                "De les verbeteren en delen met collega's.",
            ),
            [
                ("What do we change in the lesson?", "Wat veranderen we aan de les?"),
                ("Who else in the school can use it?", "Wie in de school kan ze nog gebruiken?"),
            ],
            [
                ("Revised lesson design", "Herwerkt lesontwerp"),
                ("Sharing moment with the team", "Deelmoment met het team"),
            ],
        ),
    ),
)


DATA_TEAM = Cycle(
    type="data_team",
    name=T("Data team", "Datateam"),
    description=T(
        "A team solves an educational problem with data, in eight steps.",
        "Een team lost een onderwijsprobleem op met data, in acht stappen.",
    ),
    phases=(
        _p(
            "problem",
            ("Define the problem", "Het probleem definiëren"),
            (
                "Describe the problem precisely and measurably.",
                "Het probleem scherp en meetbaar omschrijven.",
            ),
            [
                (
                    "What exactly is the problem, for which pupils?",
                    "Wat is precies het probleem, bij welke leerlingen?",
                ),
                ("How big is it, compared with what?", "Hoe groot is het, vergeleken met wat?"),
            ],
            [("Problem statement", "Probleemstelling")],
        ),
        _p(
            "hypotheses",
            ("Formulate hypotheses", "Hypotheses formuleren"),
            (
                "List possible causes that can be tested.",
                "Mogelijke oorzaken oplijsten die te toetsen zijn.",
            ),
            [
                ("What could cause this?", "Wat zou dit kunnen veroorzaken?"),
                (
                    "Which cause can we influence ourselves?",
                    "Op welke oorzaak hebben we zelf invloed?",
                ),
            ],
            [("List of hypotheses", "Lijst met hypotheses")],
        ),
        _p(
            "collect",
            ("Collect data", "Data verzamelen"),
            (
                "Gather the data that can confirm or refute each hypothesis.",
                "De data verzamelen die elke hypothese kan bevestigen of weerleggen.",
            ),
            [
                ("Which data do we need?", "Welke data hebben we nodig?"),
                ("Who collects what, by when?", "Wie verzamelt wat, tegen wanneer?"),
            ],
            [("Data collection plan", "Plan van dataverzameling"), ("Data set", "Dataset")],
        ),
        _p(
            "quality",
            ("Check data quality", "De kwaliteit van de data controleren"),
            (
                "Make sure the data are reliable and valid.",
                "Nagaan of de data betrouwbaar en valide zijn.",
            ),
            [
                ("Are the data complete and correct?", "Zijn de data volledig en juist?"),
                ("Do they measure what we want to know?", "Meten ze wat we willen weten?"),
            ],
            [("Quality check", "Kwaliteitscontrole")],
        ),
        _p(
            "analyse",
            ("Analyse", "Analyseren"),
            ("Analyse the data per hypothesis.", "De data per hypothese analyseren."),
            [
                ("What do the figures show?", "Wat tonen de cijfers?"),
                ("Which hypothesis holds?", "Welke hypothese klopt?"),
            ],
            [("Analysis with tables and charts", "Analyse met tabellen en grafieken")],
        ),
        _p(
            "interpret",
            ("Interpret and conclude", "Interpreteren en besluiten"),
            (
                "Draw conclusions and check them with colleagues.",
                "Conclusies trekken en ze toetsen bij collega's.",
            ),
            [
                ("What do we conclude?", "Wat besluiten we?"),
                ("What else could explain the result?", "Wat kan het resultaat nog verklaren?"),
            ],
            [("Conclusions", "Conclusies")],
        ),
        _p(
            "measures",
            ("Take measures", "Maatregelen nemen"),
            (
                "Decide and implement measures that tackle the cause.",
                "Maatregelen beslissen en invoeren die de oorzaak aanpakken.",
            ),
            [
                (
                    "Which measure fits the cause best?",
                    "Welke maatregel past het best bij de oorzaak?",
                ),
                ("How will we know it works?", "Hoe weten we dat ze werkt?"),
            ],
            [("Action plan with measures", "Actieplan met maatregelen")],
        ),
        _p(
            "evaluate",
            ("Evaluate", "Evalueren"),
            (
                "Check whether the measures solved the problem.",
                "Nagaan of de maatregelen het probleem oplosten.",
            ),
            [
                ("Did the problem shrink?", "Is het probleem kleiner geworden?"),
                ("What do we keep, what do we drop?", "Wat houden we, wat laten we vallen?"),
            ],
            [("Evaluation report", "Evaluatieverslag")],
        ),
    ),
)


DESIGN_TEAM = Cycle(
    type="design_team",
    name=T("Teacher design team", "Docentontwerpteam"),
    description=T(
        "Teachers design and test new teaching material together.",
        "Leraren ontwerpen en testen samen nieuw lesmateriaal.",
    ),
    phases=(
        _p(
            "analyse",
            ("Analyse", "Analyseren"),
            ("Understand the need and the context.", "De nood en de context begrijpen."),
            [("What is missing in our teaching now?", "Wat ontbreekt er nu in ons onderwijs?")],
            [("Needs analysis", "Behoefteanalyse")],
        ),
        _p(
            "design",
            ("Design", "Ontwerpen"),
            (
                "Set design principles and a blueprint.",
                "Ontwerpprincipes en een blauwdruk vastleggen.",
            ),
            [
                (
                    "Which principles must the material follow?",
                    "Aan welke principes moet het materiaal voldoen?",
                )
            ],
            [("Design principles", "Ontwerpprincipes"), ("Blueprint", "Blauwdruk")],
        ),
        _p(
            "develop",
            ("Develop", "Ontwikkelen"),
            ("Build the material.", "Het materiaal uitwerken."),
            [("Who develops which part?", "Wie werkt welk deel uit?")],
            [("Draft material", "Ontwerpmateriaal")],
        ),
        _p(
            "try_out",
            ("Try out", "Uitproberen"),
            (
                "Use the material in class and collect experiences.",
                "Het materiaal in de klas gebruiken en ervaringen verzamelen.",
            ),
            [("How did pupils react?", "Hoe reageerden de leerlingen?")],
            [("Try-out notes", "Notities van de uitprobeerronde")],
        ),
        _p(
            "evaluate",
            ("Evaluate", "Evalueren"),
            (
                "Judge the material against the design principles.",
                "Het materiaal toetsen aan de ontwerpprincipes.",
            ),
            [("Does it do what we designed it for?", "Doet het wat we ervoor ontwierpen?")],
            [("Final material", "Definitief materiaal"), ("Evaluation", "Evaluatie")],
        ),
    ),
)


INTERVISION = Cycle(
    type="intervision",
    name=T("Intervision", "Intervisie"),
    description=T(
        "Colleagues help one another with a case from their own practice.",
        "Collega's helpen elkaar met een casus uit hun eigen praktijk.",
    ),
    phases=(
        _p(
            "case",
            ("Case", "Casus"),
            (
                "A case-bringer presents a real question from practice.",
                "Een inbrenger legt een echte vraag uit de praktijk voor.",
            ),
            [("What is your question about this case?", "Wat is je vraag bij deze casus?")],
            [("Case description", "Casusbeschrijving")],
        ),
        _p(
            "questions",
            ("Questions", "Vragen"),
            (
                "Clarifying questions only, no advice yet.",
                "Alleen verhelderende vragen, nog geen advies.",
            ),
            [("What do we still need to know?", "Wat moeten we nog weten?")],
            [("Clarified question", "Verhelderde vraag")],
        ),
        _p(
            "analysis",
            ("Analysis", "Analyse"),
            (
                "The group analyses the case from several angles.",
                "De groep analyseert de casus vanuit verschillende invalshoeken.",
            ),
            [("Which patterns do we see?", "Welke patronen zien we?")],
            [("Analysis notes", "Analysenotities")],
        ),
        _p(
            "advice",
            ("Advice", "Advies"),
            ("Each member gives one piece of advice.", "Elk lid geeft één advies."),
            [("What would you do in this situation?", "Wat zou jij doen in deze situatie?")],
            [("List of advice", "Lijst met adviezen")],
        ),
        _p(
            "reflection",
            ("Reflection", "Reflectie"),
            (
                "The case-bringer and the group reflect on what was learned.",
                "De inbrenger en de groep staan stil bij wat ze leerden.",
            ),
            [("What do you take with you?", "Wat neem je mee?")],
            [("Reflection", "Reflectie")],
        ),
    ),
)


def _inquiry(type_, name, description) -> Cycle:
    """The free inquiry cycle shared by communities that choose their own route."""
    return Cycle(
        type=type_,
        name=T(*name),
        description=T(*description),
        phases=(
            _p(
                "question",
                ("Sharpen the question", "De vraag scherpstellen"),
                (
                    "Turn a concern into an inquiry question.",
                    "Een bezorgdheid omzetten in een onderzoeksvraag.",
                ),
                [
                    (
                        "What do we want to find out, and why now?",
                        "Wat willen we uitzoeken, en waarom nu?",
                    )
                ],
                [("Inquiry question", "Onderzoeksvraag")],
            ),
            _p(
                "explore",
                ("Explore", "Verkennen"),
                (
                    "Read, visit and gather what is already known.",
                    "Lezen, bezoeken en verzamelen wat al bekend is.",
                ),
                [
                    (
                        "What do research and colleagues already know?",
                        "Wat weten onderzoek en collega's al?",
                    )
                ],
                [("Reading notes", "Leesnotities")],
            ),
            _p(
                "act",
                ("Try in practice", "In de praktijk uitproberen"),
                (
                    "Try an approach in one's own practice.",
                    "Een aanpak uitproberen in de eigen praktijk.",
                ),
                [
                    (
                        "What will each of us try, and how do we notice effects?",
                        "Wat probeert ieder van ons, en hoe merken we effect?",
                    )
                ],
                [("Practice logs", "Praktijklogboeken")],
            ),
            _p(
                "reflect",
                ("Reflect", "Reflecteren"),
                ("Share experiences and draw lessons.", "Ervaringen delen en lessen trekken."),
                [("What worked, for whom, and why?", "Wat werkte, voor wie, en waarom?")],
                [("Insights", "Inzichten")],
            ),
            _p(
                "share",
                ("Share", "Delen"),
                (
                    "Make the learning available to the school.",
                    "Het geleerde beschikbaar maken voor de school.",
                ),
                [
                    (
                        "Who else benefits from what we learned?",
                        "Wie heeft nog baat bij wat we leerden?",
                    )
                ],
                [("Shared product or presentation", "Gedeeld product of presentatie")],
            ),
        ),
    )


SUBJECT_DIDACTIC = _inquiry(
    "subject_didactic",
    ("Subject-didactic community", "Vakdidactische leergemeenschap"),
    (
        "Teachers of one subject deepen its didactics together.",
        "Leraren van één vak verdiepen samen de vakdidactiek.",
    ),
)
LEADERS_GROUP = _inquiry(
    "leaders_group",
    ("Leaders' learning group", "Lerende groep van leidinggevenden"),
    (
        "School leaders of a school community learn together about leadership.",
        "Schoolleiders van een scholengemeenschap leren samen over leiderschap.",
    ),
)
COACH_THE_COACH = _inquiry(
    "coach_the_coach",
    ("Coach the coach", "Coach de coach"),
    (
        "Process coaches of several PLG's learn from one another's coaching.",
        "Procescoaches van verschillende PLG's leren van elkaars begeleiding.",
    ),
)

CYCLES: dict[str, Cycle] = {
    c.type: c
    for c in (
        LESSON_STUDY,
        DATA_TEAM,
        DESIGN_TEAM,
        INTERVISION,
        SUBJECT_DIDACTIC,
        LEADERS_GROUP,
        COACH_THE_COACH,
    )
}


def cycle_for(plg_type: str) -> Cycle:
    return CYCLES[plg_type]
