"""Who may change what: a team's members edit its charter, the school's leaders every charter
and the decision matrix."""

from django.http import Http404

from organisations.access import Access
from organisations.models import Membership, Team

from .models import Appreciation, GoalMeasurement, TeamGoal


def can_edit_charter(access: Access, team: Team, member_ids=None) -> bool:
    """Leaders and administrators edit every charter; a person edits their own team's.
    `member_ids` (the team's membership ids, when the page has read them) saves a query."""
    if access.can_manage:
        return True
    if access.membership is None:
        return False
    if member_ids is None:
        return team.team_memberships.filter(membership=access.membership).exists()
    return access.membership.pk in member_ids


def can_edit_matrix(access: Access) -> bool:
    return access.can_manage


def can_edit_goals(access: Access, team: Team, member_ids=None) -> bool:
    """A team's members and the school's leaders edit its goals and record measurements;
    everyone else in the school reads them."""
    return can_edit_charter(access, team, member_ids)


def get_goal_for_access(access: Access, pk: int):
    """The team goal with this pk of a team of the access's organisation (with its team), or
    Http404, and whether the user may edit it."""
    goal = (
        TeamGoal.objects.filter(team__organisation=access.organisation, pk=pk)
        .select_related("team")
        .first()
    )
    if goal is None:
        raise Http404
    return goal, can_edit_goals(access, goal.team)


def can_leave_appreciation(access: Access) -> bool:
    """A colleague of the school: someone with their own membership in it."""
    return access.membership is not None and access.membership.is_active


def get_appreciation_for_access(access: Access, pk: int) -> Appreciation:
    """The appreciation note with this pk of the access's organisation, written by the user
    (only its author may act on it), or Http404."""
    if access.membership is None:
        raise Http404
    note = Appreciation.objects.filter(
        organisation=access.organisation, pk=pk, author_id=access.membership.user_id
    ).first()
    if note is None:
        raise Http404
    return note


def get_measurement_for_access(access: Access, pk: int):
    """The measurement with this pk of a goal of the access's organisation (with its goal and
    team), or Http404, and whether the user may change it."""
    measurement = (
        GoalMeasurement.objects.filter(goal__team__organisation=access.organisation, pk=pk)
        .select_related("goal__team")
        .first()
    )
    if measurement is None:
        raise Http404
    return measurement, can_edit_goals(access, measurement.goal.team)


def can_see_collaboration(access: Access) -> bool:
    """Leaders, administrators and coaches see how the school's teams are connected; a staff
    member does not see who stands alone."""
    return access.can_manage or access.role == Membership.Role.COACH
