"""Isolation cases for the development points and the action plan of the world's school, its
versions, and the own plan of the world's leader in the networks course (`w.participant`)."""

import datetime


def build(w):
    from django.core.files.base import ContentFile

    from development.models import Action, ActionEvidence, CoreTask, Goal, QualityFramework
    from development.services import point_propose

    w.point, _ = point_propose(
        organisation=w.school,
        origin=w.team,
        source="competence_missing",
        key="K-taal",
        description="Niemand in het team begeleidt taalstimulering.",
        actor=w.leader.user,
        team=w.team,
    )
    w.goal = Goal.objects.create(
        organisation=w.school,
        title="Taalstimulering in de kleuterklas",
        description="Elke kleuterleerkracht past in juni twee nieuwe werkvormen toe.",
        deadline=datetime.date(2027, 6, 30),
    )
    w.goal.points.add(w.point)
    w.quality_framework = QualityFramework.objects.create(
        organisation=w.school, name="Eigen kader", rubrics=["Aanbod"], levels=["laag", "hoog"]
    )
    w.action = Action.objects.create(
        organisation=w.school,
        goal=w.goal,
        title="Werkvormen kiezen",
        owner=w.leader,
        deadline=datetime.date(2027, 3, 1),
    )
    w.evidence = ActionEvidence(action=w.action)
    w.evidence.file.save("verslag.txt", ContentFile(b"verslag"), save=True)
    w.core_task = CoreTask.objects.create(organisation=w.school, name="Talenten ontwikkelen")
    w.goal_version = f"g{w.goal.history.first().history_id}"

    from development.personal import personal_goal_create

    w.personal_goal = personal_goal_create(
        participant=w.participant,
        title="Een PLG starten",
        description="In juni komen vier leerkrachten maandelijks samen.",
        deadline=datetime.date(2027, 6, 30),
        actor=w.participant.user,
    )
    w.personal_version = f"g{w.personal_goal.history.get().history_id}"


def _school(w):
    return {"slug": w.school.slug}


def _point(w):
    return {"slug": w.school.slug, "pk": w.point.pk}


def _goal(w):
    return {"slug": w.school.slug, "pk": w.goal.pk}


def _framework(w):
    return {"slug": w.school.slug, "pk": w.quality_framework.pk}


def _core_task(w):
    return {"slug": w.school.slug, "pk": w.core_task.pk}


def _action(w):
    return {"slug": w.school.slug, "pk": w.action.pk}


def _evidence(w):
    return {"slug": w.school.slug, "pk": w.evidence.pk}


def _plan_version(w):
    return {"slug": w.school.slug, "key": w.goal_version}


def _mine(w):
    return {"pk": w.participant.pk}


def _my_goal(w):
    return {"pk": w.participant.pk, "goal_pk": w.personal_goal.pk}


def _my_version(w):
    return {"pk": w.participant.pk, "key": w.personal_version}


URLS = {
    "development:plan_history": _school,
    "development:plan_version": _plan_version,
    "development:plan_compare": _school,
    "development:personal_plan": _mine,
    "development:personal_goal_new": _mine,
    "development:personal_goal_edit": _my_goal,
    "development:personal_action_new": _my_goal,
    "development:personal_history": _mine,
    "development:personal_version": _my_version,
    "development:personal_compare": _mine,
    "development:point_list": _school,
    "development:point_decide": _point,
    "development:plan": _school,
    "development:goal_create": _school,
    "development:goal_status": _goal,
    "development:action_create": _goal,
    "development:action_list": _school,
    "development:action_board": _school,
    "development:action_timeline": _school,
    "development:action_edit": _action,
    "development:action_move": _action,
    "development:evidence_file": _evidence,
    "development:framework_list": _school,
    "development:framework_import": _school,
    "development:framework_detail": _framework,
    "development:framework_xlsx": _framework,
    "development:core_tasks": _school,
    "development:core_task_delete": _core_task,
}

OPEN = {
    "development:personal_plans": "the logged-in person's own course participations and the "
    "number of goals in their own plans only",
}
