"""Reads for PLG's. Each selector fixes its query shape so page query counts stay constant."""

import datetime

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from organisations.models import Membership, TeamMembership

from .access import organisation_ids_for_plg
from .models import (
    PLG,
    ActionItem,
    Attendance,
    Meeting,
    MeetingRole,
    MemberRole,
    PLGMember,
    ProductReaction,
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


def _listed_plgs(*, organisation, user, see_all: bool):
    """PLG's of this organisation, and open and active ones of its school community, that the
    user may see: each with its member count and whether the user is a member, the user's own
    first, then by status and name (the id settles ties between a school's and its
    community's)."""
    shown = Q(organisation=organisation)
    if organisation.parent_id:
        shown |= Q(organisation_id=organisation.parent_id, is_open=True, status=PLG.Status.ACTIVE)
    mine = PLGMember.objects.filter(plg=OuterRef("pk"), person__user=user)
    plgs = (
        PLG.objects.filter(shown)
        .select_related("organisation", "proposed_by")
        .annotate(member_count=_count(PLGMember), is_mine=Exists(mine))
    )
    if not see_all:
        plgs = plgs.filter(
            Q(is_open=True, status=PLG.Status.ACTIVE) | Q(is_mine=True) | Q(proposed_by=user)
        )
    return plgs.order_by("-is_mine", "status", "name", "pk")


def plg_list(*, organisation, user, see_all: bool):
    """The list's PLG's (proposals left out), for the paginator."""
    return _listed_plgs(organisation=organisation, user=user, see_all=see_all).exclude(
        status=PLG.Status.PROPOSED
    )


def plg_proposals(*, organisation, user, see_all: bool, limit: int = 50) -> list:
    """The first proposals of the list, in the same way."""
    plgs = _listed_plgs(organisation=organisation, user=user, see_all=see_all)
    return list(plgs.filter(status=PLG.Status.PROPOSED)[:limit])


def member_choices(*, plg) -> list:
    """The PLG's members with their users, by name: the choices for an owner or role."""
    return list(
        PLGMember.objects.filter(plg=plg)
        .select_related("person__user")
        .order_by("person__user__last_name", "person__user__first_name")
    )


def plg_detail(*, plg):
    """Everything the PLG page shows, in a fixed number of queries."""
    now = timezone.now()
    # One query for the meetings around now: the coming five and the last ten.
    recent = list(
        Meeting.objects.filter(plg=plg, starts_at__gte=now - datetime.timedelta(days=400))
        .annotate(present=_count_attendance(True))
        .order_by("-starts_at", "-pk")[:60]
    )
    return {
        "upcoming": [m for m in reversed(recent) if m.starts_at >= now][:5],
        "past": [m for m in recent if m.starts_at < now][:10],
        "open_actions": ActionItem.objects.filter(plg=plg, done_at__isnull=True)
        .select_related("owner__person__user")
        .order_by("deadline", "pk"),
        "records": plg.phase_records.select_related("started_by").order_by("started_at", "pk"),
        "evidence": plg.evidence.select_related("added_by").order_by("created_at", "pk"),
        "products": plg.products.annotate(
            thanks=_count_reactions(ProductReaction.Kind.THANKS),
            reuses=_count_reactions(ProductReaction.Kind.REUSE),
        ).order_by("-published_at", "-pk")[:20],
    }


def _count_attendance(present: bool):
    return _count(Attendance, field="meeting", present=present)


def _count_reactions(kind: str):
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


def meeting_detail(*, meeting):
    """The meeting page in a fixed number of queries: members with their attendance at this
    meeting (`present`: True, False, or None when not recorded), the agenda, decisions,
    actions and this meeting's role holders."""
    attended = Attendance.objects.filter(meeting=meeting, member=OuterRef("pk"))
    members = list(
        PLGMember.objects.filter(plg_id=meeting.plg_id)
        .select_related("person__user")
        .annotate(present=Subquery(attended.values("present")[:1]))
        .order_by("person__user__last_name", "person__user__first_name", "pk")
    )
    taken = [m for m in members if m.present is not None]
    return {
        "members": members,
        "attendance": [(m, m.present) for m in members],
        "attendance_taken": bool(taken),
        "present_count": sum(1 for m in taken if m.present),
        "agenda": meeting.agenda.select_related("owner__person__user"),
        "decisions": meeting.decisions.all(),
        "actions": meeting.actions.select_related("owner__person__user"),
        "role_holders": meeting_role_holders(meeting=meeting),
    }
