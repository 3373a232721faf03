"""Who may see and change value stream maps: everyone of the school reads them; its leaders,
administrators and coaches edit them."""

from django.http import Http404

from organisations.access import Access
from organisations.models import Membership

from .models import PainPoint, Step, ValueStreamMap

EDITING_ROLES = (Membership.Role.ADMIN, Membership.Role.LEADER, Membership.Role.COACH)


def can_edit_maps(access: Access) -> bool:
    return access.role in EDITING_ROLES and access.organisation.is_school


def get_map_for_access(access: Access, pk: int) -> tuple[ValueStreamMap, bool]:
    """The map with this pk of the access's school (with its creator and the map it is based
    on), and whether the user may edit it."""
    value_stream = (
        ValueStreamMap.objects.filter(organisation=access.organisation, pk=pk)
        .select_related("organisation", "created_by", "based_on")
        .first()
    )
    if value_stream is None:
        raise Http404
    return value_stream, can_edit_maps(access)


def get_step_for_access(access: Access, value_stream: ValueStreamMap, pk: int) -> Step:
    """The step with this pk of a map already fetched through `get_map_for_access`."""
    step = Step.objects.filter(map=value_stream, pk=pk).first()
    if step is None:
        raise Http404
    step.map = value_stream
    return step


def get_pain_point_for_access(access: Access, value_stream: ValueStreamMap, pk: int) -> PainPoint:
    pain_point = (
        PainPoint.objects.filter(step__map=value_stream, pk=pk).select_related("step").first()
    )
    if pain_point is None:
        raise Http404
    pain_point.step.map = value_stream
    return pain_point
