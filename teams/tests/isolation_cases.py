"""Isolation cases for team charters, goals and the decision matrix of the world's school."""


def build(w):
    from teams.models import Appreciation, Decision, GoalMeasurement, TeamDecision, TeamGoal

    w.decision = Decision.objects.create(
        organisation=w.school, theme="Mensen", name="Aanwerving", owner="leadership"
    )
    TeamDecision.objects.create(decision=w.decision, team=w.team, owner="together")
    w.team_goal = TeamGoal.objects.create(
        team=w.team, title="Leesplezier", kind="percentage", baseline=40, target=70
    )
    w.measurement = GoalMeasurement.objects.create(goal=w.team_goal, date="2026-01-15", value=48)
    w.appreciation = Appreciation.objects.create(
        organisation=w.school, team=w.team, text="Dank je!", author=w.leader.user
    )


def _org(w):
    return {"slug": w.school.slug}


def _team(w):
    return {"slug": w.school.slug, "pk": w.team.pk}


def _goal(w):
    return {"slug": w.school.slug, "pk": w.team_goal.pk}


def _measurement(w):
    return {"slug": w.school.slug, "pk": w.measurement.pk}


def _appreciation(w):
    return {"slug": w.school.slug, "pk": w.appreciation.pk}


def _decision(w):
    return {"slug": w.school.slug, "pk": w.decision.pk}


URLS = {
    "teams:charter": _team,
    "teams:charter_edit": _team,
    "teams:school_goals": _org,
    "teams:goal_add": _team,
    "teams:goal_edit": _goal,
    "teams:goal_delete": _goal,
    "teams:goal_point_propose": _goal,
    "teams:measurement_add": _goal,
    "teams:measurement_delete": _measurement,
    "teams:appreciation_add": _team,
    "teams:appreciation_delete": _appreciation,
    "teams:decision_matrix": _org,
    "teams:decision_matrix_edit": _org,
    "teams:decision_matrix_xlsx": _org,
    "teams:decision_matrix_pdf": _org,
    "teams:decision_add": _org,
    "teams:decision_edit": _decision,
    "teams:decision_delete": _decision,
    "teams:collaboration": _org,
}
