"""The starter framework a school gets on first opening its competences: eight key
competences of a Flemish school team, each with four levels described in words, written for
Leerkring. Texts are in the language of whoever opens the page first."""

from django.utils.translation import pgettext_lazy

NAME = pgettext_lazy("competences", "Key competences of a school team")
DESCRIPTION = pgettext_lazy(
    "competences",
    "The starter framework of Leerkring: eight competences a child-oriented team needs. "
    "Level 1 is starting, level 4 is leading the way for others.",
)

# (code, name, description, [level 1, level 2, level 3, level 4])
STARTER = [
    (
        "ZORG",
        pgettext_lazy("competences", "Pupil care"),
        pgettext_lazy(
            "competences", "Notices what a child needs and organises care along the care continuum."
        ),
        [
            pgettext_lazy(
                "competences", "Notices signals and passes them on to the care coordinator."
            ),
            pgettext_lazy(
                "competences", "Observes children purposefully and takes part in the care meeting."
            ),
            pgettext_lazy(
                "competences",
                "Draws up and evaluates a support plan with the child, parents and colleagues.",
            ),
            pgettext_lazy(
                "competences",
                "Coordinates care for the team and guides colleagues through difficult cases.",
            ),
        ],
    ),
    (
        "DIFF",
        pgettext_lazy("competences", "Differentiation"),
        pgettext_lazy(
            "competences", "Adapts goals, instruction and tasks to the differences between pupils."
        ),
        [
            pgettext_lazy("competences", "Offers extra time or help to pupils who need it."),
            pgettext_lazy(
                "competences", "Works with two or three levels of instruction in a lesson."
            ),
            pgettext_lazy(
                "competences",
                "Plans lessons from what each pupil can already do, with varied tasks and groups.",
            ),
            pgettext_lazy(
                "competences",
                "Designs differentiated materials with the team and shares them school-wide.",
            ),
        ],
    ),
    (
        "KLAS",
        pgettext_lazy("competences", "Classroom management"),
        pgettext_lazy(
            "competences",
            "Creates a safe, orderly learning climate with clear agreements and routines.",
        ),
        [
            pgettext_lazy(
                "competences", "Keeps order with the help of colleagues when things get tense."
            ),
            pgettext_lazy(
                "competences", "Makes clear agreements with the class and follows them up."
            ),
            pgettext_lazy(
                "competences",
                "Prevents trouble with routines and a positive approach, also in new situations.",
            ),
            pgettext_lazy(
                "competences", "Helps colleagues with their classroom management, also by coaching."
            ),
        ],
    ),
    (
        "OUDERS",
        pgettext_lazy("competences", "Collaboration with parents"),
        pgettext_lazy(
            "competences", "Involves parents as partners in their child's learning and well-being."
        ),
        [
            pgettext_lazy(
                "competences", "Informs parents on the fixed moments (reports, parents' evening)."
            ),
            pgettext_lazy(
                "competences", "Starts a conversation with parents when something is going on."
            ),
            pgettext_lazy(
                "competences",
                "Builds a relationship of trust with every family, also where language differs.",
            ),
            pgettext_lazy(
                "competences",
                "Shapes the school's parent involvement together with parents and the team.",
            ),
        ],
    ),
    (
        "VAK",
        pgettext_lazy("competences", "Subject expertise"),
        pgettext_lazy(
            "competences",
            "Masters the content and the subject didactics of the subjects taught.",
        ),
        [
            pgettext_lazy(
                "competences", "Teaches the content of the method with the teacher's guide."
            ),
            pgettext_lazy(
                "competences",
                "Knows the learning line of the subject and the typical mistakes of pupils.",
            ),
            pgettext_lazy(
                "competences",
                "Chooses and adapts materials and approaches on subject-didactic grounds.",
            ),
            pgettext_lazy(
                "competences",
                "Is the subject's point of contact for the team and keeps up with research.",
            ),
        ],
    ),
    (
        "DIGI",
        pgettext_lazy("competences", "Digital didactics"),
        pgettext_lazy(
            "competences", "Uses digital tools where they make learning better, safely and wisely."
        ),
        [
            pgettext_lazy("competences", "Uses the school's digital platform and the smartboard."),
            pgettext_lazy(
                "competences", "Lets pupils practise and create with digital tools in lessons."
            ),
            pgettext_lazy(
                "competences",
                "Chooses tools for their added value and teaches pupils media literacy.",
            ),
            pgettext_lazy("competences", "Leads the team's digital choices and trains colleagues."),
        ],
    ),
    (
        "DATA",
        pgettext_lazy("competences", "Data literacy"),
        pgettext_lazy(
            "competences",
            "Reads pupil data and test results and turns them into better teaching.",
        ),
        [
            pgettext_lazy(
                "competences", "Reads the results of the class in the pupil monitoring system."
            ),
            pgettext_lazy("competences", "Spots pupils and groups that fall behind or move ahead."),
            pgettext_lazy(
                "competences",
                "Formulates hypotheses from data and adjusts teaching, then checks the effect.",
            ),
            pgettext_lazy(
                "competences",
                "Leads a data team through its steps and helps the school use data well.",
            ),
        ],
    ),
    (
        "COACH",
        pgettext_lazy("competences", "Coaching colleagues"),
        pgettext_lazy(
            "competences",
            "Supports the professional growth of colleagues, starters and trainees.",
        ),
        [
            pgettext_lazy("competences", "Shares experiences and materials with colleagues."),
            pgettext_lazy(
                "competences", "Gives a colleague feedback after a classroom visit when asked."
            ),
            pgettext_lazy(
                "competences",
                "Mentors a starting teacher or trainee with coaching conversations.",
            ),
            pgettext_lazy(
                "competences", "Coaches the team's learning, for example as a PLG process coach."
            ),
        ],
    ),
]
