"""Isolation cases for the competences of the world's school and of its school community."""

COMMUNITY_URLS = ("community", "community_import", "community_framework", "community_export")


def build(w):
    from competences import services
    from competences.models import CoverageRule, Framework, Rating
    from organisations.models import Membership
    from organisations.tests.factories import MembershipFactory

    w.framework = services.starter_framework(school=w.school)
    w.competence = w.framework.competences.first()
    Rating.objects.create(
        membership=w.staff, competence=w.competence, kind=Rating.Kind.AGREED, level=3
    )
    w.community_framework = Framework.objects.create(organisation=w.community, name="Kader SG")
    w.community_framework.competences.create(
        code="TAAL", name="Taalbeleid", level_1="a", level_2="b", level_3="c", level_4="d"
    )
    community_leader = MembershipFactory(organisation=w.community, role=Membership.Role.LEADER)
    owners = w.__dict__.setdefault("owner_for", {})
    for name in COMMUNITY_URLS:
        owners[f"competences:{name}"] = community_leader.user
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


def _community(w):
    return {"slug": w.community.slug}


def _community_framework(w):
    return {"slug": w.community.slug, "fw": w.community_framework.pk}


URLS = {
    "competences:community": _community,
    "competences:community_import": _community,
    "competences:community_framework": _community_framework,
    "competences:community_export": _community_framework,
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
