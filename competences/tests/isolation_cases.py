"""Isolation cases for the competences of the world's school."""


def build(w):
    from competences import services
    from competences.models import CoverageRule, Rating

    w.framework = services.starter_framework(school=w.school)
    w.competence = w.framework.competences.first()
    Rating.objects.create(
        membership=w.staff, competence=w.competence, kind=Rating.Kind.AGREED, level=3
    )
    w.coverage_rule = CoverageRule.objects.create(
        organisation=w.school, team=w.team, competence=w.competence, min_people=1, min_level=2
    )


def _org(w):
    return {"slug": w.school.slug}


def _framework(w):
    return {"slug": w.school.slug, "fw": w.framework.pk}


def _person(w):
    return {**_framework(w), "pk": w.staff.pk}


def _team(w):
    return {**_framework(w), "pk": w.team.pk}


def _rule(w):
    return {**_framework(w), "pk": w.coverage_rule.pk}


def _cell(w):
    return {**_framework(w), "team": w.team.pk, "competence": w.competence.pk}


URLS = {
    "competences:index": _org,
    "competences:framework": _framework,
    "competences:import": _org,
    "competences:export": _framework,
    "competences:mine": _framework,
    "competences:person": _person,
    "competences:people": _framework,
    "competences:team_matrix": _team,
    "competences:propose": _cell,
    "competences:school": _framework,
    "competences:rules": _framework,
    "competences:rule_delete": _rule,
}
