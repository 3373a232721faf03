"""Writes for organisations, teams and memberships."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log, invitations_send
from core.errors import LeerkringError
from core.validation import validate

from .models import Membership, Organisation, Team, TeamMembership
from .signals import mission_changed


@transaction.atomic
def team_create(*, organisation: Organisation, name: str, mission: str = "", actor) -> Team:
    if not organisation.is_school:
        raise LeerkringError(_("Teams belong to a school."))
    team = Team(organisation=organisation, name=name.strip(), mission=mission.strip())
    validate(team)
    team.save()
    audit_log(actor=actor, action=AuditEvent.Action.CREATE, obj=team, organisation=organisation)
    if team.mission:
        mission_changed.send(Team, team=team, old="", new=team.mission, old_since=None, actor=actor)
    return team


@transaction.atomic
def team_update(*, team: Team, name: str, mission: str, actor) -> Team:
    old_mission, old_since = team.mission, team.updated_at
    team.name = name.strip()
    team.mission = mission.strip()
    validate(team)
    team.save()
    audit_log(
        actor=actor, action=AuditEvent.Action.UPDATE, obj=team, organisation=team.organisation
    )
    if team.mission != old_mission:
        mission_changed.send(
            Team, team=team, old=old_mission, new=team.mission, old_since=old_since, actor=actor
        )
    return team


def _check_same_school(team: Team, membership: Membership) -> None:
    if team.organisation_id != membership.organisation_id:
        raise LeerkringError(_("This person does not work at the team's school."))


@transaction.atomic
def team_member_add(
    *, team: Team, membership: Membership, is_home: bool = False, actor
) -> TeamMembership:
    """Add a person to a team. Making it their home team moves them out of their old nest."""
    _check_same_school(team, membership)
    if TeamMembership.objects.filter(team=team, membership=membership).exists():
        raise LeerkringError(_("%(person)s is already in this team.") % {"person": membership.user})
    if is_home:
        TeamMembership.objects.filter(membership=membership, is_home=True).update(is_home=False)
    team_membership = TeamMembership.objects.create(
        team=team, membership=membership, is_home=is_home
    )
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=team,
        organisation=team.organisation,
        summary=f"+{membership.user.email}",
    )
    return team_membership


@transaction.atomic
def team_member_remove(*, team: Team, membership: Membership, actor) -> None:
    deleted, _count = TeamMembership.objects.filter(team=team, membership=membership).delete()
    if not deleted:
        raise LeerkringError(_("This person is not in this team."))
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=team,
        organisation=team.organisation,
        summary=f"-{membership.user.email}",
    )


@transaction.atomic
def team_member_make_home(*, team: Team, membership: Membership, actor) -> None:
    """Make this team the person's nest; their previous nest stays one of their teams."""
    _check_same_school(team, membership)
    if not TeamMembership.objects.filter(team=team, membership=membership).exists():
        raise LeerkringError(_("This person is not in this team."))
    TeamMembership.objects.filter(membership=membership, is_home=True).update(is_home=False)
    TeamMembership.objects.filter(team=team, membership=membership).update(is_home=True)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=team,
        organisation=team.organisation,
        summary=f"home:{membership.user.email}",
    )


@transaction.atomic
def person_teams_set(*, membership: Membership, home_team: Team | None, other_teams, actor) -> None:
    """Replace a person's teams in their school: one home team and any number of others."""
    other_teams = [t for t in other_teams if home_team is None or t.pk != home_team.pk]
    for team in [home_team, *other_teams]:
        if team is not None:
            _check_same_school(team, membership)
    TeamMembership.objects.filter(membership=membership).delete()
    rows = [TeamMembership(team=t, membership=membership, is_home=False) for t in other_teams]
    if home_team is not None:
        rows.append(TeamMembership(team=home_team, membership=membership, is_home=True))
    try:
        TeamMembership.objects.bulk_create(rows)
    except IntegrityError as error:  # pragma: no cover - guarded above, kept as a last line
        raise LeerkringError(_("A person has exactly one home team per school.")) from error
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=membership,
        organisation=membership.organisation,
        summary="teams",
    )


@transaction.atomic
def person_update(*, membership: Membership, role: str, function: str, actor) -> Membership:
    if role not in Membership.Role.values:
        raise LeerkringError(_("Unknown role."))
    demotes_self = (
        membership.user_id == getattr(actor, "pk", None)
        and membership.role in Membership.MANAGING_ROLES
        and role not in Membership.MANAGING_ROLES
    )
    if demotes_self:
        raise LeerkringError(_("You cannot take away your own managing role."))
    membership.role = role
    membership.function = function.strip()
    validate(membership)
    membership.save()
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=membership,
        organisation=membership.organisation,
        summary=f"role:{role}",
    )
    return membership


def staff_invite(*, organisation: Organisation, users, site_url: str, actor) -> int:
    """Invite these people (see selectors.people_to_invite) to choose a password; returns how
    many were invited. Inviting again retires the earlier links."""
    return invitations_send(
        users=list(users),
        site_url=site_url,
        school=organisation.name,
        organisation=organisation,
        actor=actor,
    )
