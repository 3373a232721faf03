"""The closed loop for development points sent from a pain point (see development/measures.py):
the lead time of the map the pain point is on (the current situation, as mapped when the
point was found) and of the future map based on it (the way of working after the change, where
the school records the new lead time). A shorter lead time is an improvement.

The pain points come with their step and map (point_origins.py prefetches them); the lead times
of those maps and of their future maps are summed in SQL in one query, whatever the number of
goals."""

from django.db.models import Q
from django.utils.translation import gettext as _

from development.measures import IMPROVED, NO_NEW, NOT_YET, Measure

from . import flow
from .models import PainPoint, ValueStreamMap
from .selectors import with_totals
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
    if not mine:
        return {}
    map_ids = {p.origin.step.map_id for p in mine}
    current, future = {}, {}
    for value_stream in with_totals(
        ValueStreamMap.objects.filter(Q(pk__in=map_ids) | Q(based_on_id__in=map_ids))
    ).order_by("pk"):
        if value_stream.pk in map_ids:
            current[value_stream.pk] = value_stream
        if value_stream.based_on_id in map_ids:
            future[value_stream.based_on_id] = value_stream
    found = {}
    for point in mine:
        value_stream = current.get(point.origin.step.map_id)
        if value_stream is None:
            continue
        label = _("lead time of “%(process)s”") % {"process": value_stream.process}
        newer = future.get(value_stream.pk)
        if newer is None or value_stream.version != ValueStreamMap.Version.CURRENT:
            found[point.pk] = Measure(
                label=label,
                outcome=NO_NEW,
                detail=_("record the new lead time in a future map of this process"),
            )
            continue
        before, after = value_stream.lead_total, newer.lead_total
        unit = flow.display_unit([before, after])
        found[point.pk] = Measure(
            label=label,
            outcome=IMPROVED if after < before else NOT_YET,
            before=_("%(time)s in the current map") % {"time": duration(before, unit)},
            after=_("%(time)s in the future map") % {"time": duration(after, unit)},
            detail=_change(before, after, unit),
        )
    return found
