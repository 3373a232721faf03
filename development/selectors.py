"""Reads of the development app."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from .models import DevelopmentPoint


def points_from(model) -> QuerySet[DevelopmentPoint]:
    """The development points whose origin is an object of `model` (a class or instance),
    for an app to filter on its own objects: `points_from(Round).filter(object_id=…)`."""
    return DevelopmentPoint.objects.filter(content_type=ContentType.objects.get_for_model(model))
