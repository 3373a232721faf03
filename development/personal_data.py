"""Action plan items the person owns, and their own plans from courses.

The school's action plan is shared: an erasure keeps its items (and their versions), their
owner shown as a former staff member. A personal plan is the person's alone: an erasure
deletes its goals and actions and every version of them."""

from privacy.registry import Part, files, record

from .models import GOAL_HISTORY, Action, ActionEvidence, Goal


def _personal_versions(user):
    goals = Goal.history.filter(person_id=user.pk)
    actions = Action.history.filter(goal_id__in=goals.values("id"))
    return goals, actions


def export(user) -> list[Part]:
    actions = Action.objects.filter(owner__user=user).select_related(
        "organisation", "goal", "owner__user", "owner__organisation", "created_by", "updated_by"
    )
    evidence = ActionEvidence.objects.filter(uploaded_by=user).select_related(
        "action", "uploaded_by"
    )
    goals = Goal.objects.filter(person=user).select_related(
        "organisation", "person", "participant__edition", "created_by"
    )
    own_actions = Action.objects.filter(goal__person=user).select_related(
        "organisation", "goal", "created_by", "updated_by"
    )
    goal_versions, action_versions = _personal_versions(user)
    return [
        Part("action_plan_items", [record(a) for a in actions]),
        Part("action_evidence", [record(e) for e in evidence], files(evidence, "file", "evidence")),
        Part("personal_plan_goals", [record(g) for g in goals]),
        Part("personal_plan_actions", [record(a) for a in own_actions]),
        Part(
            "personal_plan_versions",
            [record(v) for v in goal_versions.select_related("history_user")]
            + [record(v) for v in action_versions.select_related("history_user")],
        ),
    ]


def erase(user) -> None:
    ids = list(Goal.objects.filter(person=user).values_list("pk", flat=True))
    # Deleting keeps a "removed" version of each goal and action; those go below as well.
    Goal.objects.filter(pk__in=ids).delete()
    goal_versions, action_versions = _personal_versions(user)
    for link_model in GOAL_HISTORY.m2m_models.values():
        link_model.objects.filter(history__in=goal_versions.values("history_id")).delete()
    action_versions.delete()
    Action.history.filter(goal_id__in=ids).delete()
    goal_versions.delete()
