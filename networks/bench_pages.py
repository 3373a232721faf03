"""Bench pages of networks: the catalogue of all providers and of one, a course page, the
registration form, the trainer's edition overview, series planning and a learning group's
combined 360° profile (as most views see it, and with the report cache empty), and a
participant's pages, on the demo provider De Leerbrug."""

from django.core.cache import cache
from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, PROVIDER_SLUG

from .models import Edition, LearningGroup, Participant


def _empty_cache(url: str):
    def prepare():
        cache.clear()
        return url, {}

    return prepare


def pages() -> list[BenchPage]:
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    trainer = User.objects.get(email=LOGIN_EMAILS["trainer"])
    editions = Edition.objects.filter(programme__provider__slug=PROVIDER_SLUG)
    course = editions.filter(programme__code="OLI-101").order_by("-starts_on").first()
    participant = (
        Participant.objects.filter(user=leader, group__isnull=False, edition__in=editions)
        .order_by("-edition__starts_on")
        .first()
    )
    public = {"provider_slug": PROVIDER_SLUG}
    profiled = (
        LearningGroup.objects.filter(
            edition__in=editions,
            trainer__user=trainer,
            participants__profile_consent_at__isnull=False,
        )
        .order_by("pk")
        .first()
    )
    profile_url = reverse(
        "networks:group_profile", kwargs={"slug": PROVIDER_SLUG, "pk": profiled.pk}
    )
    return [
        BenchPage("public catalogue", reverse("networks:public_catalogue"), leader),
        BenchPage("catalogue", reverse("networks:catalogue", kwargs=public), leader),
        BenchPage(
            "course page", reverse("networks:edition", kwargs={**public, "pk": course.pk}), leader
        ),
        BenchPage(
            "registration form",
            reverse("networks:register", kwargs={**public, "pk": course.pk}),
            leader,
        ),
        BenchPage(
            "edition overview",
            reverse(
                "networks:edition_overview",
                kwargs={"slug": PROVIDER_SLUG, "pk": participant.edition_id},
            ),
            trainer,
        ),
        BenchPage(
            "plan a series of sessions",
            reverse(
                "networks:session_series",
                kwargs={"slug": PROVIDER_SLUG, "pk": participant.edition_id},
            ),
            trainer,
        ),
        BenchPage("group 360° profile", profile_url, trainer),
        BenchPage(
            "group 360° profile, first view",
            profile_url,
            trainer,
            prepare=_empty_cache(profile_url),
        ),
        BenchPage("learning networks home", reverse("networks:home"), leader),
        BenchPage(
            "participation",
            reverse("networks:participation", kwargs={"pk": participant.pk}),
            leader,
        ),
    ]
