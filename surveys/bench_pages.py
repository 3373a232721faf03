"""Bench pages of surveys: the list, the progress page, the 360° report with its pre/post
comparison, and the answer page behind a token link — all in the main demo school."""

from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG

from .models import Invitation, Survey


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    school = {"slug": MAIN_SCHOOL_SLUG}
    feedback = Survey.objects.get(organisation__slug=MAIN_SCHOOL_SLUG, subject__user=leader)
    survey = {**school, "pk": feedback.pk}
    open_link = (
        Invitation.objects.filter(
            round__survey__organisation__slug=MAIN_SCHOOL_SLUG,
            round__survey__title="Evaluatie teamdag",
            status=Invitation.Status.INVITED,
        )
        .order_by("pk")
        .first()
    )
    return [
        BenchPage("survey list", reverse("surveys:survey_list", kwargs=school), leader),
        BenchPage("survey progress", reverse("surveys:survey_detail", kwargs=survey), leader),
        BenchPage("360° report", reverse("surveys:report", kwargs=survey), leader),
        BenchPage("survey answer page", reverse("surveys:answer", args=[open_link.token]), leader),
    ]
