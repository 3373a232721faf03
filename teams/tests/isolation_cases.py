"""Isolation cases for team charters and the decision matrix of the world's school."""


def build(w):
    from teams.models import Decision, TeamDecision

    w.decision = Decision.objects.create(
        organisation=w.school, theme="Mensen", name="Aanwerving", owner="leadership"
    )
    TeamDecision.objects.create(decision=w.decision, team=w.team, owner="together")


def _org(w):
    return {"slug": w.school.slug}


def _team(w):
    return {"slug": w.school.slug, "pk": w.team.pk}


def _decision(w):
    return {"slug": w.school.slug, "pk": w.decision.pk}


URLS = {
    "teams:charter": _team,
    "teams:charter_edit": _team,
    "teams:decision_matrix": _org,
    "teams:decision_matrix_edit": _org,
    "teams:decision_matrix_xlsx": _org,
    "teams:decision_matrix_pdf": _org,
    "teams:decision_add": _org,
    "teams:decision_edit": _decision,
    "teams:decision_delete": _decision,
    "teams:collaboration": _org,
}
