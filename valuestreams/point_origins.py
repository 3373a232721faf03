"""Which pain points' development points a user sees in the inbox: every pain point of the
school's maps (maps are not private), read with the map and step their label names."""

from .models import PainPoint


def origins(access):
    pain_points = PainPoint.objects.filter(step__map__organisation=access.organisation)
    return [(PainPoint, pain_points.select_related("step__map"))]
