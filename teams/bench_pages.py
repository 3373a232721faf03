"""Bench pages of team charters, team goals, the decision matrix and the collaboration between
teams, on the demo's main school."""

from django.db.models import Count
from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG
from organisations.models import Membership, Team
from teams.demo import MANY_GOALS
from teams.models import TeamGoal


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    staff = User.objects.get(email=LOGIN_EMAILS["staff"])
    teacher = Membership.objects.get(organisation__slug=MAIN_SCHOOL_SLUG, user=staff)
    team = teacher.team_memberships.get(is_home=True).team_id
    school = {"slug": MAIN_SCHOOL_SLUG}
    charter = {**school, "pk": team}
    goal = TeamGoal.objects.filter(team_id=team).order_by("pk").first()
    busy, count = (
        Team.objects.filter(organisation__slug=MAIN_SCHOOL_SLUG)
        .annotate(goal_count=Count("goals"))
        .order_by("-goal_count", "pk")
        .values_list("pk", "goal_count")
        .first()
    )
    assert count == MANY_GOALS, "the demo's team with many goals is missing"
    many = {**school, "pk": busy}
    return [
        BenchPage("team charter", reverse("teams:charter", kwargs=charter), staff),
        BenchPage("team charter, many goals", reverse("teams:charter", kwargs=many), leader),
        BenchPage(
            "team goal edit", reverse("teams:goal_edit", kwargs={**school, "pk": goal.pk}), staff
        ),
        BenchPage(
            "record a measurement",
            reverse("teams:measurement_add", kwargs={**school, "pk": goal.pk}),
            staff,
        ),
        BenchPage("school team goals", reverse("teams:school_goals", kwargs=school), leader),
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
