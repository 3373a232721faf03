"""Who may change what: a team's members edit its charter, the school's leaders every charter
and the decision matrix."""

from organisations.access import Access
from organisations.models import Membership, Team


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


def can_see_collaboration(access: Access) -> bool:
    """Leaders, administrators and coaches see how the school's teams are connected; a staff
    member does not see who stands alone."""
    return access.can_manage or access.role == Membership.Role.COACH
