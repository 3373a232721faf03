"""Which pain points' development points a user sees in the inbox: every pain point of the
school's maps (maps are not private), read with the map and step their label names, and with
the lead times the action plan shows for them (point_measures.py), in the same query."""

from .models import PainPoint
from .selectors import with_lead_times


def origins(access):
    pain_points = PainPoint.objects.filter(step__map__organisation=access.organisation)
    return [(PainPoint, with_lead_times(pain_points.select_related("step__map")))]
