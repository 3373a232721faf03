"""Meetings of a PLG: planning with an agenda, rotating roles, attendance, minutes, decisions
and action items. A school's consultation bodies plan their meetings here too (`body=`); their
agenda, minutes and decisions use the same services, roles, attendance and actions do not."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from core.errors import LeerkringError
from core.validation import validate

from ..markdown import sanitise_markdown_source
from ..models import (
    PLG,
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingRole,
    PLGMember,
    Role,
)
from ._common import audit

__all__ = [
    "meeting_create",
    "meeting_series_create",
    "meeting_update",
    "agenda_item_add",
    "agenda_item_update",
    "agenda_item_delete",
    "meeting_roles_set",
    "attendance_set",
    "minutes_save",
    "decision_add",
    "decision_update",
    "decision_delete",
    "action_add",
    "action_update",
    "action_delete",
    "action_done",
]


def _own_member(plg: PLG | None, member: PLGMember | None) -> None:
    if member is not None and (plg is None or member.plg_id != plg.pk):
        raise LeerkringError(_("This person is not a member of the PLG."))


def _audit_meeting(meeting: Meeting, actor, summary: str) -> None:
    audit(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=meeting,
        plg=meeting.owner,
        summary=summary,
    )


def _fill_agenda_item(item: AgendaItem, *, time, title: str, owner: PLGMember | None) -> None:
    _own_member(item.meeting.plg, owner)
    if not title.strip():
        raise LeerkringError(_("An agenda item needs a title."), field="title")
    if time is None:
        raise LeerkringError(_("Give the agenda item a time."), field="time")
    item.time, item.title, item.owner = time, title.strip(), owner
    validate(item)


@transaction.atomic
def meeting_create(
    *,
    plg: PLG | None = None,
    body=None,
    starts_at: datetime.datetime,
    duration_minutes: int = 90,
    place: str = "",
    online_url: str = "",
    agenda=(),
    actor,
) -> Meeting:
    """Plan a meeting of a PLG or of a consultation body (`body`). `agenda` is a list of
    (time, title, owner member or None; always None for a body)."""
    if (plg is None) == (body is None):
        raise ValueError("A meeting has one owner: a PLG or a consultation body.")
    if plg is not None and plg.status != PLG.Status.ACTIVE:
        raise LeerkringError(_("Only an active PLG plans meetings."))
    if starts_at < timezone.now():
        raise LeerkringError(
            _("This date has passed. Plan the new meeting for today or later."), field="date"
        )
    if not place.strip() and not online_url.strip():
        raise LeerkringError(_("Give a place or an online link."), field="place")
    meeting = Meeting(
        plg=plg,
        body=body,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place.strip(),
        online_url=online_url.strip(),
        phase=plg.current_phase if plg is not None else "",
    )
    validate(meeting)
    meeting.save()
    for time, title, owner in agenda:
        item = AgendaItem(meeting=meeting)
        _fill_agenda_item(item, time=time, title=title, owner=owner)
        item.save()
    audit(actor=actor, action=AuditEvent.Action.CREATE, obj=meeting, plg=meeting.owner)
    return meeting


@transaction.atomic
def meeting_series_create(
    *,
    plg: PLG,
    starts: list[datetime.datetime],
    duration_minutes: int = 90,
    place: str = "",
    online_url: str = "",
    actor,
) -> list[Meeting]:
    """Plan a meeting at each of `starts` (a series, see core.series), each an ordinary meeting
    changed on its own afterwards. Everything or nothing is planned."""
    if not starts:
        raise LeerkringError(_("The series has no dates left: every date falls in a holiday."))
    return [
        meeting_create(
            plg=plg,
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            place=place,
            online_url=online_url,
            actor=actor,
        )
        for starts_at in starts
    ]


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, starts_at, duration_minutes: int, place: str, online_url: str, actor
) -> Meeting:
    """Move or relocate a meeting. Unlike a new one it may lie in the past: records of a
    meeting that took place can still be corrected."""
    if not place.strip() and not online_url.strip():
        raise LeerkringError(_("Give a place or an online link."), field="place")
    meeting.starts_at = starts_at
    meeting.duration_minutes = duration_minutes
    meeting.place = place.strip()
    meeting.online_url = online_url.strip()
    validate(meeting)
    meeting.save()
    audit(actor=actor, action=AuditEvent.Action.UPDATE, obj=meeting, plg=meeting.owner)
    return meeting


@transaction.atomic
def agenda_item_add(*, meeting: Meeting, time, title: str, owner: PLGMember | None, actor):
    item = AgendaItem(meeting=meeting)
    _fill_agenda_item(item, time=time, title=title, owner=owner)
    item.save()
    _audit_meeting(meeting, actor, "agenda")
    return item


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, time, title: str, owner: PLGMember | None, actor):
    _fill_agenda_item(item, time=time, title=title, owner=owner)
    item.save()
    _audit_meeting(item.meeting, actor, f"agenda:{item.pk}")
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, actor) -> None:
    meeting, pk = item.meeting, item.pk
    item.delete()
    _audit_meeting(meeting, actor, f"agenda:-{pk}")


@transaction.atomic
def meeting_roles_set(*, meeting: Meeting, holders: dict, actor) -> None:
    """Name who holds a role for this meeting only (role -> member or None)."""
    for role, member in holders.items():
        if role not in Role.values:
            raise LeerkringError(_("Unknown role."))
        _own_member(meeting.plg, member)
        MeetingRole.objects.filter(meeting=meeting, role=role).delete()
        if member is not None:
            MeetingRole.objects.create(meeting=meeting, role=role, member=member)
    _audit_meeting(meeting, actor, "roles")


@transaction.atomic
def attendance_set(*, meeting: Meeting, present_ids, actor) -> None:
    present_ids = set(present_ids)
    members = list(PLGMember.objects.filter(plg=meeting.plg))
    Attendance.objects.filter(meeting=meeting).delete()
    Attendance.objects.bulk_create(
        [Attendance(meeting=meeting, member=m, present=m.pk in present_ids) for m in members]
    )
    _audit_meeting(meeting, actor, "attendance")


@transaction.atomic
def minutes_save(*, meeting: Meeting, minutes: str, actor) -> bool:
    """Save the minutes; returns True when unsafe HTML (such as script tags) was removed."""
    # Browsers send textarea lines with CRLF; compare like with like.
    minutes = minutes.replace("\r\n", "\n").strip()
    clean = sanitise_markdown_source(minutes).strip()
    meeting.minutes = clean
    meeting.minutes_by = actor
    meeting.save(update_fields=["minutes", "minutes_by"])
    _audit_meeting(meeting, actor, "minutes")
    return clean != minutes


def _fill_decision(decision: Decision, *, text: str) -> None:
    if not text.strip():
        raise LeerkringError(_("Write down what was decided."), field="text")
    decision.text = text.strip()
    validate(decision)


@transaction.atomic
def decision_add(*, meeting: Meeting, text: str, actor) -> Decision:
    decision = Decision(meeting=meeting)
    _fill_decision(decision, text=text)
    decision.save()
    audit(actor=actor, action=AuditEvent.Action.CREATE, obj=decision, plg=meeting.owner)
    return decision


@transaction.atomic
def decision_update(*, decision: Decision, text: str, actor) -> Decision:
    _fill_decision(decision, text=text)
    decision.save(update_fields=["text"])
    audit(actor=actor, action=AuditEvent.Action.UPDATE, obj=decision, plg=decision.meeting.owner)
    return decision


@transaction.atomic
def decision_delete(*, decision: Decision, actor) -> None:
    audit(actor=actor, action=AuditEvent.Action.DELETE, obj=decision, plg=decision.meeting.owner)
    decision.delete()


def _fill_action(
    action: ActionItem, *, description: str, owner: PLGMember | None, deadline
) -> None:
    if owner is None:
        raise LeerkringError(
            _("Every action needs an owner: choose who takes it on."), field="owner"
        )
    if deadline is None:
        raise LeerkringError(_("Give the action a deadline."), field="deadline")
    if not description.strip():
        raise LeerkringError(_("Describe the action."), field="description")
    _own_member(action.plg, owner)
    action.description, action.owner, action.deadline = description.strip(), owner, deadline
    validate(action)


@transaction.atomic
def action_add(
    *,
    plg: PLG,
    description: str,
    owner: PLGMember | None,
    deadline: datetime.date | None,
    meeting: Meeting | None = None,
    actor,
) -> ActionItem:
    action = ActionItem(plg=plg, meeting=meeting)
    _fill_action(action, description=description, owner=owner, deadline=deadline)
    action.save()
    audit(actor=actor, action=AuditEvent.Action.CREATE, obj=action, plg=plg)
    return action


@transaction.atomic
def action_update(
    *,
    action: ActionItem,
    description: str,
    owner: PLGMember | None,
    deadline: datetime.date | None,
    actor,
) -> ActionItem:
    _fill_action(action, description=description, owner=owner, deadline=deadline)
    action.save()
    audit(actor=actor, action=AuditEvent.Action.UPDATE, obj=action, plg=action.plg)
    return action


@transaction.atomic
def action_delete(*, action: ActionItem, actor) -> None:
    audit(actor=actor, action=AuditEvent.Action.DELETE, obj=action, plg=action.plg)
    action.delete()


@transaction.atomic
def action_done(*, action: ActionItem, actor) -> ActionItem:
    if action.done_at is not None:
        raise LeerkringError(_("This action was already done."))
    action.done_at = timezone.now()
    action.save(update_fields=["done_at"])
    audit(actor=actor, action=AuditEvent.Action.UPDATE, obj=action, plg=action.plg, summary="done")
    return action
