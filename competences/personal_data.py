"""Competence ratings of the person (self- and leader-assessments about them)."""

from privacy.registry import Part, record

from .models import Rating


def export(user) -> list[Part]:
    ratings = Rating.objects.filter(membership__user=user).select_related(
        "membership__organisation", "membership__user", "competence", "rated_by"
    )
    return [Part("competence_ratings", [record(r) for r in ratings])]


def erase(user) -> None:
    Rating.objects.filter(membership__user=user).delete()
