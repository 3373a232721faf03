"""Writes for charters, the decision matrix, team goals and appreciation notes. Every write
checks who may make it."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.validation import validate
from organisations.access import Access
from organisations.models import Membership, Organisation, Team

from .access import can_edit_charter, can_edit_goals, can_edit_matrix, can_leave_appreciation
from .models import (
    MOVED_OWNERS,
    Appreciation,
    Charter,
    Decision,
    GoalMeasurement,
    MissionVersion,
    TeamDecision,
    TeamGoal,
    TeamRole,
)
from .starter import STARTER

# Charters ------------------------------------------------------------------------------------


def mission_record(*, team: Team, old: str, new: str, old_since, actor) -> None:
    """Keep a changed mission in the team's history, wherever it was edited (the charter or
    the team's own form, through `organisations.signals.mission_changed`)."""
    if old and not team.mission_versions.exists():
        # The text written before history was kept, dated when the team was saved with it.
        MissionVersion.objects.create(team=team, text=old)
        team.mission_versions.update(created_at=old_since)
    if new:
        MissionVersion.objects.create(team=team, text=new, created_by=actor)


@transaction.atomic
def charter_save(
    *,
    team: Team,
    access: Access,
    pupils: str,
    mission: str,
    meeting_rhythm: str,
    roles: dict[int, str],
    actor,
) -> Charter:
    """Save the team's charter. A changed mission is written to the team and kept as a new
    MissionVersion; `roles` maps the team's TeamMembership ids to their role text (empty
    removes the role)."""
    if not can_edit_charter(access, team):
        raise PermissionDenied
    charter = Charter.objects.filter(team=team).first() or Charter(team=team)
    charter.pupils = pupils.strip()
    charter.meeting_rhythm = meeting_rhythm.strip()
    charter.updated_by = actor
    validate(charter)
    charter.save()

    mission = mission.strip()
    if mission != team.mission:
        old_mission, old_since = team.mission, team.updated_at
        team.mission = mission
        team.save(update_fields=["mission", "updated_at"])
        mission_record(team=team, old=old_mission, new=mission, old_since=old_since, actor=actor)

    links = {link.pk: link for link in team.team_memberships.select_related("team_role")}
    unknown = set(roles) - set(links)
    if unknown:
        raise LeerkringError(_("Only members of the team can have a role in it."))
    for pk, text in roles.items():
        text = text.strip()
        existing = getattr(links[pk], "team_role", None)
        if not text:
            if existing is not None:
                existing.delete()
        elif existing is None:
            role = TeamRole(team_membership=links[pk], role=text)
            validate(role)
            role.save()
        elif existing.role != text:
            existing.role = text
            validate(existing)
            existing.save(update_fields=["role"])
    audit_log(
        actor=actor, action=AuditEvent.Action.UPDATE, obj=charter, organisation=team.organisation
    )
    return charter


# The decision matrix ---------------------------------------------------------------------------


def starter_matrix(*, organisation: Organisation) -> list[Decision]:
    """Give a school without rows the starter list (names in the active language)."""
    if not organisation.is_school:
        raise LeerkringError(_("The decision matrix belongs to a school."))
    rows = [
        Decision(organisation=organisation, theme=str(theme), name=str(name), position=position)
        for theme, names in STARTER
        for position, name in enumerate(names)
    ]
    with transaction.atomic():
        if organisation.decisions.exists():
            return []
        return Decision.objects.bulk_create(rows)


def _check_name(organisation, name, exclude_pk=None):
    if not name:
        raise LeerkringError(_("Give the task or decision a name."), field="name")
    others = organisation.decisions.filter(name__iexact=name).exclude(pk=exclude_pk)
    if others.exists():
        raise LeerkringError(_("The matrix already has a row with this name."), field="name")


@transaction.atomic
def decision_add(*, organisation: Organisation, access: Access, theme: str, name: str, actor):
    if not can_edit_matrix(access) or access.organisation != organisation:
        raise PermissionDenied
    name, theme = name.strip(), theme.strip()
    _check_name(organisation, name)
    if not theme:
        raise LeerkringError(_("Choose a theme for the row."), field="theme")
    last = organisation.decisions.filter(theme=theme).order_by("-position").first()
    decision = Decision(
        organisation=organisation,
        theme=theme,
        name=name,
        position=last.position + 1 if last else 0,
    )
    validate(decision)
    decision.save()
    audit_log(actor=actor, action=AuditEvent.Action.CREATE, obj=decision, organisation=organisation)
    return decision


@transaction.atomic
def decision_update(*, decision: Decision, access: Access, theme: str, name: str, actor):
    if not can_edit_matrix(access) or access.organisation.pk != decision.organisation_id:
        raise PermissionDenied
    name, theme = name.strip(), theme.strip()
    _check_name(decision.organisation, name, exclude_pk=decision.pk)
    if not theme:
        raise LeerkringError(_("Choose a theme for the row."), field="theme")
    decision.name, decision.theme = name, theme
    validate(decision)
    decision.save()
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=decision,
        organisation=decision.organisation,
    )
    return decision


@transaction.atomic
def decision_delete(*, decision: Decision, access: Access, actor) -> None:
    if not can_edit_matrix(access) or access.organisation.pk != decision.organisation_id:
        raise PermissionDenied
    audit_log(
        actor=actor,
        action=AuditEvent.Action.DELETE,
        obj=decision,
        organisation=decision.organisation,
    )
    decision.delete()


def _moved_on(old_owner, new_owner, given, old_date, today):
    """The date a row moved to the teams: as given, else the date it had if it was already
    with the teams, else today. A row that is not with the teams has no such date."""
    if new_owner not in MOVED_OWNERS:
        return None
    if given:
        return given
    if old_owner in MOVED_OWNERS and old_date:
        return old_date
    return today


@transaction.atomic
def matrix_save(*, organisation: Organisation, access: Access, changes: list[dict], actor) -> int:
    """Save the grid. Each change is a dict with `decision`, `owner`, `note`, `moved_on` and
    `teams` ({team pk: owner, "" for the school's default}). Returns the rows changed."""
    if not can_edit_matrix(access) or access.organisation != organisation:
        raise PermissionDenied
    team_ids = set(organisation.teams.values_list("pk", flat=True))
    today = timezone.localdate()
    changed_rows, to_create, to_update, to_delete = [], [], [], []
    for change in changes:
        decision = change["decision"]
        if decision.organisation_id != organisation.pk:
            raise PermissionDenied
        if set(change["teams"]) - team_ids:
            raise LeerkringError(_("A team in the grid is not a team of this school."))
        owner, note = change["owner"], change["note"].strip()
        moved_on = _moved_on(decision.owner, owner, change["moved_on"], decision.moved_on, today)
        if (decision.owner, decision.note, decision.moved_on) != (owner, note, moved_on):
            decision.owner, decision.note, decision.moved_on = owner, note, moved_on
            changed_rows.append(decision)
        choices = {choice.team_id: choice for choice in decision.team_owners.all()}
        for team_id, team_owner in change["teams"].items():
            choice = choices.get(team_id)
            if not team_owner:
                if choice is not None:
                    to_delete.append(choice)
            elif choice is None:
                moved = today if team_owner in MOVED_OWNERS else None
                to_create.append(
                    TeamDecision(
                        decision=decision, team_id=team_id, owner=team_owner, moved_on=moved
                    )
                )
            elif choice.owner != team_owner:
                choice.moved_on = _moved_on(choice.owner, team_owner, None, choice.moved_on, today)
                choice.owner = team_owner
                to_update.append(choice)
    Decision.objects.bulk_update(changed_rows, ["owner", "note", "moved_on"])
    TeamDecision.objects.filter(pk__in=[choice.pk for choice in to_delete]).delete()
    TeamDecision.objects.bulk_create(to_create)
    TeamDecision.objects.bulk_update(to_update, ["owner", "moved_on"])
    touched = {d.pk for d in changed_rows}
    touched |= {choice.decision_id for choice in to_create + to_update + to_delete}
    count = len(touched)
    if count:
        audit_log(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=organisation,
            organisation=organisation,
        )
    return count


# Team goals ------------------------------------------------------------------------------------

PERCENTAGE_MAX = 100


def _check_value(goal: TeamGoal, value, field: str) -> None:
    """A value fits the goal's indicator: a percentage within 0–100, a scale within 1..max."""
    if value is None:
        raise LeerkringError(_("Fill in a value."), field=field)
    if goal.kind == TeamGoal.Kind.PERCENTAGE and not 0 <= value <= PERCENTAGE_MAX:
        raise LeerkringError(_("A percentage lies between 0 and 100."), field=field)
    if goal.kind == TeamGoal.Kind.SCALE and goal.scale_max and not 1 <= value <= goal.scale_max:
        raise LeerkringError(
            _("On this scale a value lies between 1 and %(max)s.") % {"max": goal.scale_max},
            field=field,
        )


@transaction.atomic
def goal_save(
    *,
    team: Team,
    access: Access,
    title: str,
    kind: str,
    unit: str,
    baseline,
    target,
    direction: str,
    actor,
    scale_max: int | None = None,
    deadline=None,
    goal: TeamGoal | None = None,
) -> TeamGoal:
    """Create a goal for the team, or change `goal` (one of the team's). Checks the indicator:
    a percentage's baseline and target within 0–100, a scale's within 1..its highest point
    (at least 2), a target other than the baseline; and every measurement already recorded
    still fits."""
    if not can_edit_goals(access, team) or team.organisation_id != access.organisation.pk:
        raise PermissionDenied
    if goal is not None and goal.team_id != team.pk:
        raise PermissionDenied
    title = title.strip()
    if not title:
        raise LeerkringError(_("Give the goal a name."), field="title")
    if kind not in TeamGoal.Kind.values:
        raise LeerkringError(_("Choose the kind of indicator."), field="kind")
    if direction not in TeamGoal.Direction.values:
        raise LeerkringError(_("Choose whether higher or lower is better."), field="direction")
    if kind == TeamGoal.Kind.SCALE:
        if scale_max is None or scale_max < 2:
            raise LeerkringError(
                _("A scale needs a highest point of at least 2."), field="scale_max"
            )
    else:
        scale_max = None
    creating = goal is None
    goal = goal or TeamGoal(team=team, created_by=actor)
    goal.title, goal.kind, goal.scale_max = title, kind, scale_max
    goal.unit = "%" if kind == TeamGoal.Kind.PERCENTAGE and not unit.strip() else unit.strip()
    goal.baseline, goal.target, goal.direction, goal.deadline = (
        baseline,
        target,
        direction,
        deadline,
    )
    _check_value(goal, baseline, "baseline")
    _check_value(goal, target, "target")
    if baseline == target:
        raise LeerkringError(_("The target must differ from the baseline."), field="target")
    if (direction == TeamGoal.Direction.HIGHER) != (target > baseline):
        raise LeerkringError(
            _(
                "With higher is better the target lies above the baseline; "
                "with lower is better, below it."
            ),
            field="target",
        )
    if not creating:
        for value in goal.measurements.values_list("value", flat=True):
            try:
                _check_value(goal, value, "kind")
            except LeerkringError:
                raise LeerkringError(
                    _("A measurement already recorded does not fit this indicator."), field="kind"
                ) from None
    validate(goal)
    goal.save()
    action = AuditEvent.Action.CREATE if creating else AuditEvent.Action.UPDATE
    audit_log(actor=actor, action=action, obj=goal, organisation=team.organisation)
    return goal


@transaction.atomic
def goal_delete(*, goal: TeamGoal, access: Access, actor) -> None:
    if not can_edit_goals(access, goal.team) or goal.team.organisation_id != access.organisation.pk:
        raise PermissionDenied
    audit_log(
        actor=actor, action=AuditEvent.Action.DELETE, obj=goal, organisation=goal.team.organisation
    )
    goal.delete()


@transaction.atomic
def measurement_add(
    *, goal: TeamGoal, access: Access, date, value, actor, note: str = ""
) -> GoalMeasurement:
    """Record a value of the goal's indicator on a date (today or earlier)."""
    if not can_edit_goals(access, goal.team) or goal.team.organisation_id != access.organisation.pk:
        raise PermissionDenied
    if date is None:
        raise LeerkringError(_("Fill in the date of the measurement."), field="date")
    if date > timezone.localdate():
        raise LeerkringError(_("A measurement cannot lie in the future."), field="date")
    _check_value(goal, value, "value")
    measurement = GoalMeasurement(
        goal=goal, date=date, value=value, note=note.strip(), recorded_by=actor
    )
    validate(measurement)
    measurement.save()
    return measurement


@transaction.atomic
def measurement_delete(*, measurement: GoalMeasurement, access: Access) -> None:
    goal = measurement.goal
    if not can_edit_goals(access, goal.team) or goal.team.organisation_id != access.organisation.pk:
        raise PermissionDenied
    measurement.delete()


# Appreciation ----------------------------------------------------------------------------------

APPRECIATION_MAX = 1000


@transaction.atomic
def appreciation_add(
    *,
    access: Access,
    author,
    text: str,
    visibility: str,
    team: Team | None = None,
    membership: Membership | None = None,
) -> Appreciation:
    """Leave a note for a team or for a person of the access's school (not for oneself)."""
    school = access.organisation
    if not can_leave_appreciation(access) or access.membership.user_id != author.pk:
        raise PermissionDenied
    if (team is None) == (membership is None):
        raise LeerkringError(_("Choose a team or a person for the note."), field="recipient")
    if team is not None and team.organisation_id != school.pk:
        raise PermissionDenied
    if membership is not None:
        if membership.organisation_id != school.pk or not membership.is_active:
            raise PermissionDenied
        if membership.pk == access.membership.pk:
            raise LeerkringError(_("You cannot leave a note for yourself."), field="recipient")
    text = text.strip()
    if not text:
        raise LeerkringError(_("Write a few words of appreciation."), field="text")
    if len(text) > APPRECIATION_MAX:
        raise LeerkringError(
            _("Keep the note under %(max)s characters.") % {"max": APPRECIATION_MAX},
            field="text",
        )
    if visibility not in Appreciation.Visibility.values:
        raise LeerkringError(_("Choose who may read the note."), field="visibility")
    note = Appreciation(
        organisation=school,
        team=team,
        membership=membership,
        text=text,
        visibility=visibility,
        author=author,
    )
    validate(note)
    note.save()
    return note


@transaction.atomic
def appreciation_delete(*, note: Appreciation, user) -> None:
    """Only its author deletes a note."""
    if note.author_id != user.pk:
        raise PermissionDenied
    note.delete()


# Development points --------------------------------------------------------------------------


def goal_point_propose(*, goal: TeamGoal, access: Access, actor, url: str = "", today=None):
    """Send an off-track team goal to the school's development points, linked back to the
    goal on its team's charter. Only the school's leaders send; a goal that is not off track
    (as the server computes it from its latest measurement) is refused. Sending the same goal
    twice gives the same point. Returns (point, created)."""
    from development.access import can_decide
    from development.models import DevelopmentPoint
    from development.services import point_propose

    from . import goals

    if not can_decide(access) or goal.team.organisation_id != access.organisation.pk:
        raise PermissionDenied
    latest = goal.measurements.order_by("-date", "-pk").first()
    standing = goals.standing(
        goal,
        latest and latest.value,
        latest and latest.date,
        today=today or timezone.localdate(),
    )
    if not standing.off_track:
        raise LeerkringError(_("This goal is not off track (any more)."))
    description = _("%(team)s: the team goal “%(goal)s” is off track.") % {
        "team": goal.team.name,
        "goal": goal.title,
    }
    return point_propose(
        organisation=access.organisation,
        origin=goal,
        source=DevelopmentPoint.Source.TEAM_GOAL_OFF_TRACK,
        key="",
        description=description,
        actor=actor,
        team=goal.team,
        anchor=url,
    )
