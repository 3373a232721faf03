"""Bench pages of the vision with stakeholders, on the demo's main school."""

from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG

from .models import VisionProcess


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    staff = User.objects.get(email=LOGIN_EMAILS["staff"])
    process = VisionProcess.objects.filter(organisation__slug=MAIN_SCHOOL_SLUG).first()
    school = {"slug": MAIN_SCHOOL_SLUG}
    kwargs = {**school, "pk": process.pk}
    group = process.groups.order_by("pk").first()
    return [
        BenchPage("vision list", reverse("vision:process_list", kwargs=school), staff),
        BenchPage("vision process", reverse("vision:process_detail", kwargs=kwargs), leader),
        BenchPage("vision results", reverse("vision:results", kwargs=kwargs), staff),
        BenchPage("vision cluster", reverse("vision:cluster", kwargs=kwargs), leader),
        BenchPage(
            "vision contribute link", reverse("vision:contribute", args=[group.token]), staff
        ),
    ]
