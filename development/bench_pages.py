"""Bench pages of development points, on the demo's main school."""

from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    url = reverse("development:point_list", kwargs={"slug": MAIN_SCHOOL_SLUG})
    return [
        BenchPage("development points", url, leader),
        BenchPage("development points (proposed)", f"{url}?status=proposed", leader),
        BenchPage(
            "action plan", reverse("development:plan", kwargs={"slug": MAIN_SCHOOL_SLUG}), leader
        ),
    ]
