"""Reads of value stream maps, each with its query shape."""

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Prefetch, QuerySet, Sum
from django.db.models.functions import Coalesce

from development.selectors import points_from

from .models import PainPoint, Step, ValueStreamMap


def with_totals(maps: QuerySet) -> QuerySet:
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
    return with_totals(ValueStreamMap.objects.filter(organisation=organisation)).order_by(
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
