"""Bench pages of team charters, the decision matrix and the collaboration between teams, on
the demo's main school."""

from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG
from organisations.models import Membership


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    staff = User.objects.get(email=LOGIN_EMAILS["staff"])
    teacher = Membership.objects.get(organisation__slug=MAIN_SCHOOL_SLUG, user=staff)
    team = teacher.team_memberships.get(is_home=True).team_id
    school = {"slug": MAIN_SCHOOL_SLUG}
    charter = {**school, "pk": team}
    return [
        BenchPage("team charter", reverse("teams:charter", kwargs=charter), staff),
        BenchPage("team charter edit", reverse("teams:charter_edit", kwargs=charter), staff),
        BenchPage("decision matrix", reverse("teams:decision_matrix", kwargs=school), leader),
        BenchPage(
            "decision matrix (staff)", reverse("teams:decision_matrix", kwargs=school), staff
        ),
        BenchPage(
            "decision matrix grid",
            reverse("teams:decision_matrix_edit", kwargs=school)
            + "?theme=Onderwijs+en+organisatie",
            leader,
        ),
        BenchPage(
            "decision matrix XLSX", reverse("teams:decision_matrix_xlsx", kwargs=school), leader
        ),
        BenchPage("team collaboration", reverse("teams:collaboration", kwargs=school), leader),
    ]
