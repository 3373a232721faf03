"""The closed loop for development points sent from a pain point (see development/measures.py):
the lead time of the map the pain point is on (the current situation, as mapped when the
point was found) and of the future map based on it (the way of working after the change, where
the school records the new lead time). A shorter lead time is an improvement.

The pain points come with their step and map and both lead times, summed in SQL in the query
that reads them (point_origins.py): no query of its own, whatever the number of goals."""

from django.utils.translation import gettext as _

from development.measures import IMPROVED, NO_NEW, NOT_YET, Measure

from . import flow
from .models import PainPoint, ValueStreamMap
from .selectors import with_lead_times
from .templatetags.valuestreams import duration, signed_percent


def _change(before: int, after: int, unit: str) -> str:
    difference, percent = flow.change(before, after)
    if difference < 0:
        text = _("lead time %(time)s shorter") % {"time": duration(-difference, unit)}
    elif difference > 0:
        text = _("lead time %(time)s longer") % {"time": duration(difference, unit)}
    else:
        return _("lead time unchanged")
    return f"{text} ({signed_percent(percent)})" if percent is not None else text


def measures(points) -> dict:
    mine = [p for p in points if isinstance(p.origin, PainPoint)]
    # Origins read through point_origins.py carry their lead times; others are read again.
    bare = {p.origin.pk for p in mine if not hasattr(p.origin, "map_lead")}
    read = {}
    if bare:
        pain_points = PainPoint.objects.filter(pk__in=bare).select_related("step__map")
        read = {pain.pk: pain for pain in with_lead_times(pain_points)}
    found = {}
    for point in mine:
        pain = read.get(point.origin.pk, point.origin)
        value_stream = pain.step.map
        label = _("lead time of “%(process)s”") % {"process": value_stream.process}
        if not pain.has_future or value_stream.version != ValueStreamMap.Version.CURRENT:
            found[point.pk] = Measure(
                label=label,
                outcome=NO_NEW,
                detail=_("record the new lead time in a future map of this process"),
            )
            continue
        before, after = pain.map_lead or 0, pain.future_lead or 0
        unit = flow.display_unit([before, after])
        found[point.pk] = Measure(
            label=label,
            outcome=IMPROVED if after < before else NOT_YET,
            before=_("%(time)s in the current map") % {"time": duration(before, unit)},
            after=_("%(time)s in the future map") % {"time": duration(after, unit)},
            detail=_change(before, after, unit),
        )
    return found
