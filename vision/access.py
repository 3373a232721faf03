"""Who may see what of a school's vision processes. Leaders and administrators run them;
every staff member reads a published vision; another school's process is a 404."""

from django.http import Http404

from core.tokens import get_by_token
from organisations.access import Access

from .models import StakeholderGroup, VisionProcess


def get_process_for_access(access: Access, pk: int) -> tuple[VisionProcess, bool]:
    """The process with this pk in the access's school and whether the user may run it.
    Non-managers only see a published process."""
    process = VisionProcess.objects.filter(organisation=access.organisation, pk=pk).first()
    if process is None:
        raise Http404
    process.organisation = access.organisation  # the same row, already loaded
    if access.can_manage:
        return process, True
    if process.is_published and not access.is_trainer:
        return process, False
    raise Http404


def get_group_by_token(token: str) -> StakeholderGroup:
    """The stakeholder group of a token link with its process and school; 404 for an unknown
    token."""
    return get_by_token(StakeholderGroup.objects.select_related("process__organisation"), token)
