"""Bench pages of competences, on the demo's main school: a team's matrix, everyone's levels
(the whole school), the coverage across teams and "if this person leaves", and the school
community's frameworks."""

from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_COMMUNITY_SLUG, MAIN_SCHOOL_SLUG
from organisations.models import Membership

from .models import Framework


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    coach = User.objects.get(email=LOGIN_EMAILS["coach"])
    staff = User.objects.get(email=LOGIN_EMAILS["staff"])
    teacher = Membership.objects.get(organisation__slug=MAIN_SCHOOL_SLUG, user=staff)
    team = teacher.team_memberships.get(is_home=True).team_id
    framework = Framework.objects.filter(organisation__slug=MAIN_SCHOOL_SLUG).order_by("pk")[0]
    base = {"slug": MAIN_SCHOOL_SLUG, "fw": framework.pk}
    colleague = (
        Membership.objects.filter(team_memberships__team_id=team)
        .exclude(pk=teacher.pk)
        .order_by("pk")
        .first()
    )
    school = reverse("competences:school", kwargs=base)
    admin = User.objects.get(email=LOGIN_EMAILS["admin"])
    shared = Framework.objects.filter(organisation__slug=MAIN_COMMUNITY_SLUG).order_by("pk")[0]
    community = {"slug": MAIN_COMMUNITY_SLUG}
    return [
        BenchPage("competence framework", reverse("competences:framework", kwargs=base), staff),
        BenchPage("my competences", reverse("competences:mine", kwargs=base), staff),
        BenchPage(
            "competences of a person",
            reverse("competences:person", kwargs={**base, "pk": teacher.pk}),
            coach,
        ),
        BenchPage(
            "competence team matrix",
            reverse("competences:team_matrix", kwargs={**base, "pk": team}),
            staff,
        ),
        BenchPage(
            "competence matrix of the whole school",
            reverse("competences:people", kwargs=base),
            leader,
        ),
        BenchPage("competence coverage across teams", school, leader),
        BenchPage(
            "competence coverage if a person leaves", f"{school}?leaves={colleague.pk}", leader
        ),
        BenchPage("coverage rules", reverse("competences:rules", kwargs=base), leader),
        BenchPage(
            "competence frameworks of the school community",
            reverse("competences:community", kwargs=community),
            admin,
        ),
        BenchPage(
            "competence framework of the school community",
            reverse("competences:community_framework", kwargs={**community, "fw": shared.pk}),
            admin,
        ),
    ]
