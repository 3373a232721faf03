"""Reads of value stream maps, each with its query shape."""

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce

from development.selectors import points_from

from .models import PainPoint, Step, ValueStreamMap


def _with_totals(maps: QuerySet) -> QuerySet:
    zero = 0
    return maps.annotate(
        step_count=Count("steps"),
        process_total=Coalesce(Sum("steps__process_minutes"), zero, output_field=IntegerField()),
        lead_total=Coalesce(
            Sum(F("steps__process_minutes") + F("steps__waiting_minutes")),
            zero,
            output_field=IntegerField(),
        ),
    )


def school_maps(*, organisation) -> QuerySet[ValueStreamMap]:
    """The school's maps with their number of steps, process time and lead time (summed in
    SQL), a future map after the current one it is based on."""
    return _with_totals(ValueStreamMap.objects.filter(organisation=organisation)).order_by(
        "process", Coalesce("based_on_id", "pk"), "version", "pk"
    )


def map_steps(*, value_stream: ValueStreamMap) -> list[Step]:
    """The map's steps in order, each with its pain points, and whether each pain point was
    sent to the development points (`sent`)."""
    sent = points_from(PainPoint).filter(object_id=OuterRef("pk"))
    pain_points = PainPoint.objects.annotate(sent=Exists(sent)).order_by("pk")
    steps = list(
        value_stream.steps.order_by("position", "pk").prefetch_related(
            Prefetch("pain_points", queryset=pain_points, to_attr="pains")
        )
    )
    for step in steps:
        step.map = value_stream
    return steps


def future_of(value_stream: ValueStreamMap) -> ValueStreamMap | None:
    """The future map based on this current map, if there is one."""
    if value_stream.version != ValueStreamMap.Version.CURRENT:
        return None
    return value_stream.futures.first()


def _lead_of(steps: QuerySet, group: str) -> Subquery:
    total = Sum(F("process_minutes") + F("waiting_minutes"))
    return Subquery(
        steps.order_by().values(group).annotate(total=total).values("total")[:1],
        output_field=IntegerField(),
    )


def with_lead_times(pain_points: QuerySet) -> QuerySet[PainPoint]:
    """Pain points with the lead time of their map (`map_lead`), whether that map has a future
    map (`has_future`) and the future map's lead time (`future_lead`), in the same query."""
    current = OuterRef("step__map_id")
    return pain_points.annotate(
        map_lead=_lead_of(Step.objects.filter(map_id=current), "map_id"),
        has_future=Exists(ValueStreamMap.objects.filter(based_on_id=current)),
        future_lead=_lead_of(Step.objects.filter(map__based_on_id=current), "map__based_on_id"),
    )
