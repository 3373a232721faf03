"""The starter decision matrix a school gets on first opening it: common tasks and decisions
of a Flemish school, grouped by theme, in the language of whoever opens it first."""

from django.utils.translation import gettext_lazy as _

STARTER = [
    (
        _("Teaching and organisation"),
        [
            _("Timetable"),
            _("Class composition"),
            _("Use of classrooms and spaces"),
            _("Planning of projects and excursions"),
        ],
    ),
    (
        _("Pupils"),
        [
            _("Pupil care"),
            _("Contact with parents"),
            _("Reports and evaluation"),
        ],
    ),
    (
        _("People"),
        [
            _("Recruitment"),
            _("Professional development"),
            _("Division of tasks within the team"),
        ],
    ),
    (
        _("Means"),
        [
            _("Team budget"),
            _("Learning materials"),
        ],
    ),
]
