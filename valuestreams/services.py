"""Writes of value stream maps. Views check who may edit (access.can_edit_maps) first; every
write here validates and runs in a transaction, so bad input changes nothing."""

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from core.errors import LeerkringError
from core.validation import validate
from development.models import DevelopmentPoint
from development.selectors import points_from
from development.services import point_propose

from .models import PainPoint, Step, ValueStreamMap

STEP_FIELDS = ("name", "actor", "process_minutes", "process_unit", "waiting_minutes")
STEP_FIELDS += ("waiting_unit", "value_adding", "notes")


def map_create(*, organisation, process: str, kind: str, actor) -> ValueStreamMap:
    if not organisation.is_school:
        raise LeerkringError(_("Only a school maps its processes."))
    value_stream = ValueStreamMap(
        organisation=organisation, process=process.strip(), kind=kind, created_by=actor
    )
    validate(value_stream)
    value_stream.save()
    return value_stream


@transaction.atomic
def map_update(*, value_stream: ValueStreamMap, process: str, kind: str) -> ValueStreamMap:
    value_stream.process, value_stream.kind = process.strip(), kind
    validate(value_stream)
    value_stream.save(update_fields=["process", "kind"])
    return value_stream


def _check_times(values: dict) -> None:
    for field in ("process_minutes", "waiting_minutes"):
        minutes = values.get(field, 0)
        if not isinstance(minutes, int) or minutes < 0:
            raise LeerkringError(_("A time is a number of zero or more."), field=field)


def _renumber(value_stream: ValueStreamMap) -> None:
    """Positions 1, 2, 3, … in the map's order, after a step left or moved."""
    steps = list(value_stream.steps.order_by("position", "pk").only("pk", "position"))
    changed = []
    for number, step in enumerate(steps, 1):
        if step.position != number:
            step.position = number
            changed.append(step)
    Step.objects.bulk_update(changed, ["position"])


@transaction.atomic
def step_add(*, value_stream: ValueStreamMap, position: int | None = None, **values) -> Step:
    """Add a step at `position` (1 is the start; None or past the end: at the end); the steps
    from there on move one place down."""
    _check_times(values)
    last = value_stream.steps.aggregate(last=Max("position"))["last"] or 0
    if position is None or position > last:
        position = last + 1
    position = max(position, 1)
    step = Step(map=value_stream, position=position, **values)
    validate(step)
    value_stream.steps.filter(position__gte=position).update(position=F("position") + 1)
    step.save()
    return step


@transaction.atomic
def step_update(*, step: Step, **values) -> Step:
    _check_times(values)
    for field, value in values.items():
        if field not in STEP_FIELDS:
            raise TypeError(field)
        setattr(step, field, value)
    validate(step)
    step.save()
    return step


@transaction.atomic
def step_move(*, step: Step, direction: str) -> bool:
    """Swap the step with the one above ("up") or below ("down"); False at either end."""
    if direction not in ("up", "down"):
        raise LeerkringError(_("Move a step up or down."))
    _renumber(step.map)
    step.refresh_from_db(fields=["position"])
    target = step.position - 1 if direction == "up" else step.position + 1
    neighbour = step.map.steps.filter(position=target).first()
    if neighbour is None:
        return False
    neighbour.position, step.position = step.position, target
    Step.objects.bulk_update([neighbour, step], ["position"])
    return True


def _sent(pain_points) -> bool:
    return points_from(PainPoint).filter(object_id__in=pain_points.values("pk")).exists()


@transaction.atomic
def step_delete(*, step: Step) -> None:
    """Remove the step with its pain points. A step whose pain point went to the development
    points stays: the point links back to it."""
    if _sent(step.pain_points.all()):
        raise LeerkringError(
            _("A pain point of this step is in the development points: change the step instead.")
        )
    value_stream = step.map
    step.delete()
    _renumber(value_stream)


def pain_point_add(*, step: Step, description: str, actor) -> PainPoint:
    pain_point = PainPoint(step=step, description=description.strip(), created_by=actor)
    validate(pain_point)
    pain_point.save()
    return pain_point


def pain_point_delete(*, pain_point: PainPoint) -> None:
    if _sent(PainPoint.objects.filter(pk=pain_point.pk)):
        raise LeerkringError(_("This pain point is in the development points; it stays here."))
    pain_point.delete()


def pain_point_send(*, pain_point: PainPoint, actor, anchor: str) -> tuple[DevelopmentPoint, bool]:
    """Send the pain point to the school's development points, linked back to its step; sending
    it again returns the point already sent."""
    value_stream = pain_point.step.map
    return point_propose(
        organisation=value_stream.organisation,
        origin=pain_point,
        source=DevelopmentPoint.Source.VALUE_STREAM_PAIN,
        key="",
        description=pain_point.description,
        actor=actor,
        anchor=anchor,
    )


def future_map_make(*, current: ValueStreamMap, actor) -> tuple[ValueStreamMap, bool]:
    """A future map as a copy of the current one's steps, to redesign; (map, created). The pain
    points stay with the current map: the future one is where they are gone. A current map
    that has a future map already gets that one back."""
    if current.version != ValueStreamMap.Version.CURRENT:
        raise LeerkringError(_("A future map is made from the current map."))
    existing = current.futures.first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            future = ValueStreamMap.objects.create(
                organisation=current.organisation,
                process=current.process,
                kind=current.kind,
                version=ValueStreamMap.Version.FUTURE,
                based_on=current,
                created_by=actor,
            )
            Step.objects.bulk_create(
                [
                    Step(map=future, position=number, **{f: getattr(step, f) for f in STEP_FIELDS})
                    for number, step in enumerate(current.steps.order_by("position", "pk"), 1)
                ]
            )
    except IntegrityError:
        # Made a moment ago by a simultaneous request.
        return current.futures.get(), False
    return future, True
