"""Bench pages of development points and the action plan, on the demo's main school."""

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
    if shipped is not None:
        pages.append(
            BenchPage("quality framework", _url("framework_detail", pk=shipped.pk), leader)
        )
    return pages
