"""The closed loop: per goal, the latest measurement of where its development points came
from, and whether it shows that the work helped.

An app whose points carry a measurement says so in `<app>/point_measures.py`:
`measures(points) -> {point.pk: Measure}` for the points whose (prefetched) origin is one of
its objects. The development app imports none of them."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from core.discovery import app_modules

IMPROVED = "improved"
NOT_YET = "not_yet"
NO_NEW = "none"

OUTCOMES = {
    IMPROVED: ("↑", _("improved")),
    NOT_YET: ("→", _("not yet")),
    NO_NEW: ("…", _("no new measurement")),
}


@dataclass
class Measure:
    """What was measured then and now (as text fit to show), and the outcome."""

    label: str
    outcome: str = NO_NEW
    before: str = ""
    after: str = ""
    detail: str = ""

    @property
    def symbol(self) -> str:
        return OUTCOMES[self.outcome][0]

    @property
    def outcome_label(self) -> str:
        return OUTCOMES[self.outcome][1]


def attach_measures(goals) -> None:
    """Set `goal.measures` (one per point that has one; else one saying there is no new
    measurement) on goals with their `linked_points` prefetched."""
    points = [point for goal in goals for point in goal.linked_points]
    found = {}
    for module in app_modules("point_measures"):
        found.update(module.measures(points))
    for goal in goals:
        goal.measures = [found[p.pk] for p in goal.linked_points if p.pk in found] or [
            Measure(label="", outcome=NO_NEW)
        ]
