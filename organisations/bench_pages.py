"""Bench pages of organisations: the school's overview, teams and staff, and their API lists.

Each page is requested by the demo login who would normally open it; the objects are found
through the demo data's stable handles (core/demo.py), so small and large pick the same ones.
"""

from django.urls import reverse

from accounts.models import User
from core.bench import BenchPage
from core.demo import LOGIN_EMAILS, MAIN_COMMUNITY_SLUG, MAIN_SCHOOL_SLUG

from .models import Membership
from .views.overview import overview_apps


def pages() -> list[BenchPage]:
    users = {
        role: User.objects.get(email=email)
        for role, email in LOGIN_EMAILS.items()
        if role in ("admin", "leader", "coordinating_director", "staff")
    }
    leader = users["leader"]
    teacher = Membership.objects.get(organisation__slug=MAIN_SCHOOL_SLUG, user=users["staff"])
    home_team = teacher.team_memberships.get(is_home=True).team_id
    school = {"slug": MAIN_SCHOOL_SLUG}
    people = reverse("organisations:people_list", kwargs=school)
    return [
        BenchPage("dashboard", reverse("dashboard"), users["staff"]),
        BenchPage("school overview", reverse("organisations:overview", kwargs=school), leader),
        *(
            BenchPage(
                f"school overview: {label}",
                reverse("organisations:overview_sections", kwargs={**school, "app": label}),
                leader,
            )
            for label in overview_apps()
        ),
        BenchPage(
            "community overview",
            reverse("organisations:overview", kwargs={"slug": MAIN_COMMUNITY_SLUG}),
            users["coordinating_director"],
        ),
        BenchPage("team list", reverse("organisations:team_list", kwargs=school), leader),
        BenchPage(
            "team detail",
            reverse("organisations:team_detail", kwargs={**school, "pk": home_team}),
            leader,
        ),
        BenchPage(
            "team detail, finding a colleague to add",
            reverse("organisations:team_detail", kwargs={**school, "pk": home_team}) + "?q=an",
            leader,
        ),
        BenchPage("staff list", people, leader),
        BenchPage("staff list search", f"{people}?q=leerkracht", leader),
        BenchPage(
            "staff export xlsx",
            reverse("organisations:people_export", kwargs={**school, "file_format": "xlsx"}),
            leader,
        ),
        BenchPage(
            "staff export csv",
            reverse("organisations:people_export", kwargs={**school, "file_format": "csv"}),
            leader,
        ),
        BenchPage(
            "school create",
            reverse("organisations:school_create", kwargs={"slug": MAIN_COMMUNITY_SLUG}),
            users["admin"],
        ),
        BenchPage(
            "person detail",
            reverse("organisations:person_detail", kwargs={**school, "pk": teacher.pk}),
            leader,
        ),
        BenchPage("staff import", reverse("organisations:staff_import", kwargs=school), leader),
        BenchPage(
            "audit trail", reverse("organisations:audit_list", kwargs=school), users["admin"]
        ),
        BenchPage(
            "audit trail filtered",
            reverse("organisations:audit_list", kwargs=school)
            + "?object_type=surveys.survey&date_from=2020-01-01",
            users["admin"],
        ),
        BenchPage(
            "audit trail csv", reverse("organisations:audit_export", kwargs=school), users["admin"]
        ),
        BenchPage("API team list", reverse("api:team_list", kwargs=school), leader),
        BenchPage("API people list", reverse("api:people_list", kwargs=school), leader),
    ]
