"""Bench pages of development points and the action plan, on the demo's main school, and of
the demo leader's own plan in a course. The versions pages show a plan with many versions
(`large`: every one of its 200 actions created and the first 40 moved twice)."""

from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG


def _url(name, **kwargs):
    return reverse(f"development:{name}", kwargs={"slug": MAIN_SCHOOL_SLUG, **kwargs})


def pages() -> list[BenchPage]:
    from .models import QualityFramework

    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    url = _url("point_list")
    shipped = QualityFramework.objects.filter(organisation=None).order_by("pk").first()
    pages = [
        BenchPage("development points", url, leader),
        BenchPage("development points (proposed)", f"{url}?status=proposed", leader),
        BenchPage("action plan", _url("plan"), leader),
        BenchPage("action list", _url("action_list"), leader),
        BenchPage("action board", _url("action_board"), leader),
        BenchPage("action timeline", _url("action_timeline"), leader),
        BenchPage("quality frameworks", _url("framework_list"), leader),
        BenchPage("core tasks", _url("core_tasks"), leader),
    ]
    pages.extend(_version_pages(leader))
    if shipped is not None:
        pages.append(
            BenchPage("quality framework", _url("framework_detail", pk=shipped.pk), leader)
        )
    return pages


def _version_pages(leader) -> list[BenchPage]:
    from networks.models import Participant

    from .history import PlanScope, plan_versions

    school = leader.memberships.get(organisation__slug=MAIN_SCHOOL_SLUG).organisation
    versions = list(plan_versions(PlanScope(organisation_id=school.pk)))
    newest, oldest = (f"{row[1]}{row[0]}" for row in (versions[0], versions[-1]))
    compare = f"{_url('plan_compare')}?van={oldest}&tot={newest}"
    pages = [
        BenchPage("action plan versions", _url("plan_history"), leader),
        BenchPage("action plan version", _url("plan_version", key=newest), leader),
        BenchPage("action plan versions compared", compare, leader),
    ]
    participant = (
        Participant.objects.filter(user=leader, personal_goals__isnull=False).distinct().first()
    )
    if participant is not None:
        mine = {"pk": participant.pk}
        pages += [
            BenchPage("my action plans", reverse("development:personal_plans"), leader),
            BenchPage("my action plan", reverse("development:personal_plan", kwargs=mine), leader),
            BenchPage(
                "my action plan versions",
                reverse("development:personal_history", kwargs=mine),
                leader,
            ),
        ]
    return pages
