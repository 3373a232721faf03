"""Access to the development app's objects, on top of organisations.access."""

from django.http import Http404

from organisations.access import Access

from . import selectors
from .models import Action, ActionEvidence, CoreTask, DevelopmentPoint, Goal, QualityFramework


def can_decide(access: Access) -> bool:
    """Accepting or declining development points: the school's leaders and administrators."""
    return access.can_manage and access.organisation.is_school


def get_point_for_access(access: Access, pk: int) -> tuple[DevelopmentPoint, bool]:
    """The development point with this pk among those the user may see in the access's
    organisation, and whether the user may decide on it."""
    point = selectors.inbox_points(access=access).filter(pk=pk).first()
    if point is None:
        raise Http404
    return point, can_decide(access)


def get_goal_for_access(access: Access, pk: int) -> tuple[Goal, bool]:
    """The goal with this pk of the access's organisation, and whether the user may edit it."""
    goal = Goal.objects.filter(organisation=access.organisation, person__isnull=True, pk=pk).first()
    if goal is None:
        raise Http404
    return goal, can_decide(access)


def get_framework_for_access(access: Access, pk: int) -> tuple[QualityFramework, bool]:
    """A framework the school may use (shipped or its own) and whether the user may edit it
    (only the school's own, by its leaders)."""
    framework = selectors.frameworks(access=access).filter(pk=pk).first()
    if framework is None:
        raise Http404
    return framework, (not framework.is_shipped) and can_decide(access)


def get_core_task_for_access(access: Access, pk: int) -> tuple[CoreTask, bool]:
    task = CoreTask.objects.filter(organisation=access.organisation, pk=pk).first()
    if task is None:
        raise Http404
    return task, can_decide(access)


def may_edit_action(access: Access, action: Action) -> bool:
    """The school's leaders edit every action; its owner edits their own."""
    own = access.membership is not None and action.owner_id == access.membership.pk
    return can_decide(access) or own


def get_action_for_access(access: Access, pk: int) -> tuple[Action, bool]:
    """An action of the school that the user may see (leaders: all; others: their own) and
    whether they may edit it."""
    action = selectors.action_detail(access=access, pk=pk)
    if action is None or not may_edit_action(access, action):
        raise Http404
    return action, True


def get_evidence_for_access(access: Access, pk: int) -> ActionEvidence:
    evidence = (
        ActionEvidence.objects.filter(action__organisation=access.organisation, pk=pk)
        .select_related("action")
        .first()
    )
    if evidence is None or not may_edit_action(access, evidence.action):
        raise Http404
    return evidence


def get_personal_plan(user, pk: int):
    """The user's own course participation `pk` whose personal plan they open; 404 for
    anyone else's. A personal plan is private: not even the trainer or an administrator of
    the provider or the school sees it."""
    from networks.access import get_participation_for_user

    return get_participation_for_user(user, pk)


def get_personal_goal(participant, pk: int) -> Goal:
    """A goal of this participant's own plan; 404 for any other goal."""
    goal = Goal.objects.filter(
        participant=participant, person_id=participant.user_id, pk=pk
    ).first()
    if goal is None:
        raise Http404
    return goal
