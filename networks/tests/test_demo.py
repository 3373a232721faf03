from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from core.demo import LOGIN_EMAILS, PROVIDER_SLUG
from networks.models import Application, Attendance, Edition, Participant


@pytest.fixture
def demo(db):
    call_command("demo", size="small", stdout=StringIO())


def test_the_demo_catalogue_shows_the_seed_programmes(client, demo):
    body = client.get(
        reverse("networks:catalogue", kwargs={"provider_slug": PROVIDER_SLUG})
    ).content.decode()
    for title in (
        "Je school leiden in complexe omstandigheden",
        "Onderwijskundig leiderschap met impact",
        "Samen leren leiden",
        "Leernetwerk voor scholen",
    ):
        assert title in body


def test_the_demo_trajectory_has_9_training_days_and_2_network_moments_a_year(demo):
    edition = Edition.objects.filter(programme__code="LEID-2J").latest("starts_on")
    kinds = list(edition.sessions.values_list("kind", flat=True))
    assert kinds.count("training") == 18 and kinds.count("network") == 4
    assert edition.applications.filter(status=Application.Status.WAITLISTED).count() == 3
    assert Attendance.objects.filter(session__edition=edition).exists()


def test_the_demo_leader_takes_part_in_a_learning_group(client, demo):
    leader = User.objects.get(email=LOGIN_EMAILS["leader"])
    participant = Participant.objects.get(user=leader, edition__programme__code="LEID-2J")
    assert participant.group is not None
    client.force_login(leader)
    page = client.get(reverse("networks:participation", kwargs={"pk": participant.pk}))
    assert participant.group.name in page.content.decode()


def test_the_demo_has_a_cohort_in_year_two_with_coaching_and_research(demo):
    edition = Edition.objects.filter(programme__code="LEID-2J").earliest("starts_on")
    assert edition.coaching_groups.exists()
    assert edition.research_groups.exists()
    assert edition.assignments.filter(submissions__feedback__gt="").exists()


def test_demo_coaching_partners_come_from_different_schools(demo):
    from networks.models import CoachingGroup

    pairs = CoachingGroup.objects.prefetch_related("members")
    assert pairs
    for pair in pairs:
        schools = [m.school_id for m in pair.members.all()]
        assert len(set(schools)) == len(schools)
    assert CoachingGroup.objects.filter(moments__isnull=False).exists()


def test_the_demo_trainer_reads_the_combined_profile_of_her_group(client, demo):
    trainer = User.objects.get(email=LOGIN_EMAILS["trainer"])
    edition = Edition.objects.filter(programme__code="LEID-2J").latest("starts_on")
    group = edition.groups.get(trainer__user=trainer)
    client.force_login(trainer)
    page = client.get(
        reverse("networks:group_profile", kwargs={"slug": PROVIDER_SLUG, "pk": group.pk})
    )
    body = page.content.decode()
    assert "Profiel per dimensie" in body and "Gedeelde ontwikkelpunten" in body
    assert "Werken met gegevens" in body
