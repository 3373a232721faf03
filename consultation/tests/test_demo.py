from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from communities.models import Decision, Meeting
from consultation.models import Body
from consultation.schoolyear import school_year_of
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG


@pytest.fixture
def demo(db):
    call_command("demo", size="small", stdout=StringIO())


def test_every_demo_school_has_its_bodies_and_a_year_of_meetings(client, demo):
    assert Body.objects.values("organisation").distinct().count() > 1
    main = Body.objects.filter(organisation__slug=MAIN_SCHOOL_SLUG)
    assert {"staff_meeting", "pupil_care", "parents_council"} <= set(
        main.values_list("kind", flat=True)
    )
    held = Meeting.objects.filter(body__organisation__slug=MAIN_SCHOOL_SLUG)
    assert held.filter(starts_at__lt=timezone.now()).exclude(minutes="").exists()
    assert Decision.objects.filter(meeting__body__organisation__slug=MAIN_SCHOOL_SLUG).exists()

    client.force_login(User.objects.get(email=LOGIN_EMAILS["staff"]))
    response = client.get(reverse("consultation:calendar", kwargs={"slug": MAIN_SCHOOL_SLUG}))
    assert response.context["meeting_count"] >= 10
    assert response.context["planned_count"] > 0


def test_the_demo_teacher_reads_the_minutes_of_her_pupil_care_meeting(client, demo):
    mdo = Body.objects.get(organisation__slug=MAIN_SCHOOL_SLUG, kind="pupil_care")
    meeting = mdo.meetings.filter(starts_at__lt=timezone.now()).exclude(minutes="").first()
    client.force_login(User.objects.get(email=LOGIN_EMAILS["staff"]))
    url = reverse(
        "consultation:meeting_detail",
        kwargs={"slug": MAIN_SCHOOL_SLUG, "pk": mdo.pk, "meeting_pk": meeting.pk},
    )
    response = client.get(url)
    assert response.context["can_read_minutes"] and response.context["can_keep"]


def test_the_leaders_overview_asks_for_the_policy_teams_minutes(client, demo):
    client.force_login(User.objects.get(email=LOGIN_EMAILS["leader"]))
    kwargs = {"slug": MAIN_SCHOOL_SLUG, "app": "consultation"}
    response = client.get(reverse("organisations:overview_sections", kwargs=kwargs))
    section = next(s for s in response.context["sections"] if s["title"] == "Overleg")
    held = Meeting.objects.filter(
        body__organisation__slug=MAIN_SCHOOL_SLUG,
        body__kind="policy_team",
        starts_at__lt=timezone.now(),
        starts_at__date__gte=school_year_of(timezone.localdate())[0],
    )
    expected = 1 if held.exists() else 0  # none yet in the school year's first days
    assert section["figure"] == expected
    if expected:
        assert section["items"][0][0].startswith("Beleidsteam")
