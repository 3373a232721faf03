"""Who may see and change a school's consultation bodies: all staff read them, leaders and
administrators change them. Minutes of a body are for its members and the leaders, and for
all staff when the body is public."""

from django.http import Http404

from communities.models import Meeting
from organisations.access import Access

from .models import Body


def can_edit_bodies(access: Access) -> bool:
    return access.can_manage


def get_body_for_access(access: Access, pk: int) -> tuple[Body, bool]:
    """The body with this pk of the access's organisation, and whether the user may change it
    (and plan its meetings). Http404 for another organisation's body; trainers see none."""
    if access.is_trainer:
        raise Http404
    body = Body.objects.filter(organisation=access.organisation, pk=pk).first()
    if body is None:
        raise Http404
    body.organisation = access.organisation
    return body, can_edit_bodies(access)


def is_body_member(access: Access, body: Body, member_ids=None) -> bool:
    """`member_ids` (the body's membership ids, when the page has read them) saves a query."""
    if access.membership is None:
        return False
    if member_ids is None:
        return body.members.filter(pk=access.membership.pk).exists()
    return access.membership.pk in member_ids


def can_read_minutes(access: Access, body: Body, member_ids=None) -> bool:
    return body.is_public or access.can_manage or is_body_member(access, body, member_ids)


def can_keep_meeting(access: Access, body: Body, member_ids=None) -> bool:
    """Keep a meeting's record (agenda, minutes, decisions): the leaders and the body's
    members."""
    return access.can_manage or is_body_member(access, body, member_ids)


def get_meeting_for_body(body: Body, meeting_pk: int) -> Meeting:
    """A meeting of this body (from `get_body_for_access`), or Http404."""
    meeting = Meeting.objects.filter(body=body, pk=meeting_pk).select_related("minutes_by").first()
    if meeting is None:
        raise Http404
    meeting.body = body  # already loaded, with its organisation
    return meeting
