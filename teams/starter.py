"""The starter decision matrix a school gets on first opening it: common tasks and decisions
of a Flemish school, grouped by theme, in the language of whoever opens it first."""

from django.utils.translation import pgettext_lazy

# A context of their own ("matrix"): "People" or "Means" mean something else elsewhere.

STARTER = [
    (
        pgettext_lazy("matrix", "Teaching and organisation"),
        [
            pgettext_lazy("matrix", "Timetable"),
            pgettext_lazy("matrix", "Class composition"),
            pgettext_lazy("matrix", "Use of classrooms and spaces"),
            pgettext_lazy("matrix", "Planning of projects and excursions"),
        ],
    ),
    (
        pgettext_lazy("matrix", "Pupils"),
        [
            pgettext_lazy("matrix", "Pupil care"),
            pgettext_lazy("matrix", "Contact with parents"),
            pgettext_lazy("matrix", "Reports and evaluation"),
        ],
    ),
    (
        pgettext_lazy("matrix", "People"),
        [
            pgettext_lazy("matrix", "Recruitment"),
            pgettext_lazy("matrix", "Professional development"),
            pgettext_lazy("matrix", "Division of tasks within the team"),
        ],
    ),
    (
        pgettext_lazy("matrix", "Means"),
        [
            pgettext_lazy("matrix", "Team budget"),
            pgettext_lazy("matrix", "Learning materials"),
        ],
    ),
]
