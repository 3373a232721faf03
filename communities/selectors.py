"""Reads for PLG's. Each selector fixes its query shape so page query counts stay constant."""

import datetime

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.planned import PlannedQuery
from organisations.models import Membership, TeamMembership

from . import detail_sql, list_sql
from .access import organisation_ids_for_plg
from .models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Evidence,
    MeetingRole,
    MemberRole,
    PhaseRecord,
    PLGMember,
)


def _count(model, *, field="plg", **filters):
    sub = (
        model.objects.filter(**{field: OuterRef("pk")}, **filters)
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(sub, output_field=IntegerField()), 0)


def plg_list(*, organisation, user, see_all: bool):
    """PLG's of this organisation (and open ones of its school community) the user may see,
    proposals left out, a page at a time: each with its member count and whether the user is
    a member, the user's own first, then by status and name."""
    return list_sql.plg_pages(
        organisation=organisation, user=user, see_all=see_all, proposals=False
    )


def plg_proposals(*, organisation, user, see_all: bool, limit: int = 50) -> list:
    """The first proposals of the list, in the same way."""
    pages = list_sql.plg_pages(
        organisation=organisation, user=user, see_all=see_all, proposals=True
    )
    return pages[0:limit]


def member_choices(*, plg) -> list:
    """The PLG's members with their users, by name: the choices for an owner or role."""
    return list(
        PLGMember.objects.filter(plg=plg)
        .select_related("person__user")
        .order_by("person__user__last_name", "person__user__first_name")
    )


# The phase history and the evidence of a PLG page: their SQL is written once per process.
_RECORDS = PlannedQuery(
    PhaseRecord,
    joins=(("phaserecord", "started_by", "started_by"),),
    where=("plg",),
    order_by=(("phaserecord", "started_at"), ("phaserecord", "id")),
)
_EVIDENCE = PlannedQuery(
    Evidence,
    joins=(("evidence", "added_by", "added_by"),),
    where=("plg",),
    order_by=(("evidence", "created_at"), ("evidence", "id")),
)


def plg_detail(*, plg):
    """Everything the PLG page shows, in a fixed number of queries."""
    now = timezone.now()
    # One query for the meetings around now: the coming five and the last ten.
    recent = detail_sql.recent_meetings(plg.pk, since=now - datetime.timedelta(days=400), limit=60)
    return {
        "upcoming": [m for m in reversed(recent) if m.starts_at >= now][:5],
        "past": [m for m in recent if m.starts_at < now][:10],
        "open_actions": detail_sql.open_actions(plg.pk),
        "records": _RECORDS.all(plg.pk),
        "evidence": _EVIDENCE.all(plg.pk),
        "products": detail_sql.products(plg.pk, limit=20),
    }


def _count_attendance(present: bool):
    return _count(Attendance, field="meeting", present=present)


def _count_reactions(kind: str):
    from .models import ProductReaction

    return _count(ProductReaction, field="product", kind=kind)


def member_candidates(*, plg):
    """Active people of the PLG's school community who are not members yet."""
    return (
        Membership.objects.filter(
            organisation_id__in=organisation_ids_for_plg(plg.organisation), is_active=True
        )
        .exclude(plg_memberships__plg=plg)
        .select_related("user", "organisation")
        .order_by("user__last_name", "user__first_name")
    )


def members_with_roles(*, plg):
    """Members as (member, set of roles)."""
    home_teams = TeamMembership.objects.filter(is_home=True).select_related("team")
    members = (
        PLGMember.objects.filter(plg=plg)
        .select_related("person__user", "person__organisation")
        .prefetch_related(
            Prefetch("roles", queryset=MemberRole.objects.order_by("role")),
            Prefetch("person__team_memberships", queryset=home_teams, to_attr="home_teams"),
        )
        .order_by("person__user__last_name", "person__user__first_name")
    )
    return [(m, {r.role for r in m.roles.all()}) for m in members]


def meeting_role_holders(*, meeting) -> dict:
    """role -> member for this meeting's rotating roles."""
    return {
        r.role: r.member
        for r in MeetingRole.objects.filter(meeting=meeting).select_related("member__person__user")
    }


# The records of one meeting, read on every view of it: their SQL is written once per process.
# Their owners and role holders are members of the PLG, which the page loads anyway.
_AGENDA = PlannedQuery(
    AgendaItem, where=("meeting",), order_by=(("agendaitem", "time"), ("agendaitem", "id"))
)
_DECISIONS = PlannedQuery(
    Decision, where=("meeting",), order_by=(("decision", "created_at"), ("decision", "id"))
)
_ACTIONS = PlannedQuery(
    ActionItem, where=("meeting",), order_by=(("actionitem", "deadline"), ("actionitem", "id"))
)
_ROLES = PlannedQuery(MeetingRole, where=("meeting",))


def _with_members(items, attname: str, field: str, members: dict) -> list:
    """Set each item's member (`field`, its key `attname`) from `members` (pk -> member);
    a member missing there (not expected: owners belong to the PLG) is read with its user."""
    missing = {getattr(i, attname) for i in items} - set(members) - {None}
    if missing:
        members = {
            **members,
            **PLGMember.objects.select_related("person__user").in_bulk(missing),
        }
    for item in items:
        key = getattr(item, attname)
        setattr(item, field, members[key] if key is not None else None)
    return items


def meeting_detail(*, meeting):
    """The meeting page in a fixed number of queries: members with their attendance at this
    meeting, the agenda, decisions, actions and this meeting's role holders."""
    members = detail_sql.meeting_members(meeting)
    by_pk = {m.pk: m for m in members}
    taken = [m for m in members if m.present is not None]
    roles = _with_members(_ROLES.all(meeting.pk), "member_id", "member", by_pk)
    return {
        "members": members,
        "attendance": [(m, m.present) for m in members],
        "attendance_taken": bool(taken),
        "present_count": sum(1 for m in taken if m.present),
        "agenda": _with_members(_AGENDA.all(meeting.pk), "owner_id", "owner", by_pk),
        "decisions": _DECISIONS.all(meeting.pk),
        "actions": _with_members(_ACTIONS.all(meeting.pk), "owner_id", "owner", by_pk),
        "role_holders": {r.role: r.member for r in roles},
    }
