"""Bench pages of the consultation structure, on the demo's main school."""

from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from communities.models import Meeting
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG

from .models import Body


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    staff = User.objects.get(email=LOGIN_EMAILS["staff"])
    school = {"slug": MAIN_SCHOOL_SLUG}
    staff_meeting = Body.objects.get(organisation__slug=MAIN_SCHOOL_SLUG, kind="staff_meeting")
    body = {**school, "pk": staff_meeting.pk}
    held = (
        Meeting.objects.filter(body=staff_meeting, starts_at__lt=timezone.now())
        .order_by("-starts_at")
        .first()
    )
    meeting = {**body, "meeting_pk": held.pk}
    return [
        BenchPage("consultation bodies", reverse("consultation:body_list", kwargs=school), staff),
        BenchPage("consultation body", reverse("consultation:body_detail", kwargs=body), leader),
        BenchPage("consultation body edit", reverse("consultation:body_edit", kwargs=body), leader),
        BenchPage(
            "consultation meeting",
            reverse("consultation:meeting_detail", kwargs=meeting),
            leader,
        ),
        BenchPage("consultation calendar", reverse("consultation:calendar", kwargs=school), staff),
        BenchPage(
            "consultation calendar iCal",
            reverse("consultation:calendar_ical", kwargs=school),
            staff,
        ),
    ]
