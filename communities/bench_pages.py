"""Bench pages of PLG's: the list, a PLG, one of its meetings, planning a series of meetings,
the coach overview and the product search, each opened by the demo login who would normally
use it."""

from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG

from .models import PLG, Meeting


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    coach = User.objects.get(email=LOGIN_EMAILS["coach"])
    staff = User.objects.get(email=LOGIN_EMAILS["staff"])
    plg = PLG.objects.get(organisation__slug=MAIN_SCHOOL_SLUG, type=PLG.Type.LESSON_STUDY)
    meeting = (
        Meeting.objects.filter(plg=plg, starts_at__lt=timezone.now()).order_by("-starts_at").first()
    )
    school = {"slug": MAIN_SCHOOL_SLUG}
    the_plg = {**school, "pk": plg.pk}
    search = reverse("communities:product_search", kwargs=school)
    return [
        BenchPage("PLG list", reverse("communities:plg_list", kwargs=school), staff),
        BenchPage("PLG detail", reverse("communities:plg_detail", kwargs=the_plg), coach),
        BenchPage(
            "PLG meeting",
            reverse("communities:meeting_detail", kwargs={**the_plg, "meeting_pk": meeting.pk}),
            coach,
        ),
        BenchPage(
            "PLG series of meetings",
            reverse("communities:meeting_series", kwargs=the_plg),
            coach,
        ),
        BenchPage(
            "PLG coach overview", reverse("communities:coach_overview", kwargs=school), leader
        ),
        BenchPage("PLG product search", search, staff),
        BenchPage("PLG product search by subject", f"{search}?subject=wiskunde", staff),
    ]
