"""Bench pages of value stream maps, on the demo's main school: the list, the recruiting map of
25 steps (drawing and table), the intake's comparison of current and future, and its PDF."""

from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG

from .models import ValueStreamMap


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    staff = User.objects.get(email=LOGIN_EMAILS["staff"])
    maps = ValueStreamMap.objects.filter(organisation__slug=MAIN_SCHOOL_SLUG)
    long_map = maps.get(process="Aanwerving van een leerkracht")
    intake = maps.get(process="Inschrijving van een nieuwe leerling", version="current")
    school = {"slug": MAIN_SCHOOL_SLUG}
    return [
        BenchPage("value stream maps", reverse("valuestreams:map_list", kwargs=school), staff),
        BenchPage(
            "value stream map (25 steps)",
            reverse("valuestreams:map_detail", kwargs={**school, "pk": long_map.pk}),
            leader,
        ),
        BenchPage(
            "value stream map (25 steps, staff)",
            reverse("valuestreams:map_detail", kwargs={**school, "pk": long_map.pk}),
            staff,
        ),
        BenchPage(
            "value stream current and future",
            reverse("valuestreams:map_compare", kwargs={**school, "pk": intake.pk}),
            leader,
        ),
    ]
