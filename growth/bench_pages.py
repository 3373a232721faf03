"""Bench pages of journals, agreements and the professionalisation plan, on the demo's main
school."""

from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG

from .models import DevelopmentAgreement, ProfessionalisationPlan


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    staff = User.objects.get(email=LOGIN_EMAILS["staff"])
    coach = User.objects.get(email=LOGIN_EMAILS["coach"])
    school = {"slug": MAIN_SCHOOL_SLUG}
    plan = ProfessionalisationPlan.objects.filter(organisation__slug=MAIN_SCHOOL_SLUG).latest(
        "school_year"
    )
    agreement = DevelopmentAgreement.objects.filter(
        organisation__slug=MAIN_SCHOOL_SLUG, person__user=staff
    ).first()
    plan_url = reverse("growth:plan", kwargs={**school, "pk": plan.pk})
    return [
        BenchPage("my journal", reverse("growth:journal", kwargs=school), staff),
        BenchPage("journal entry form", reverse("growth:journal_new", kwargs=school), staff),
        BenchPage("journal shared with me", reverse("growth:journal_shared", kwargs=school), coach),
        BenchPage("development agreements", reverse("growth:agreements", kwargs=school), staff),
        BenchPage(
            "development agreement",
            reverse("growth:agreement", kwargs={**school, "pk": agreement.pk}),
            staff,
        ),
        BenchPage("professionalisation plans", reverse("growth:plans", kwargs=school), leader),
        BenchPage("professionalisation plan summary", plan_url, leader),
        BenchPage("professionalisation plan summary (staff)", plan_url, staff),
    ]
