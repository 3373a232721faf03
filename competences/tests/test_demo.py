from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from competences.models import Framework, Rating
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG
from organisations.models import Membership


@pytest.fixture
def demo(db):
    call_command("demo", size="small", stdout=StringIO())


def test_the_demo_teachers_team_has_one_fragile_competence(client, demo):
    teacher = Membership.objects.get(
        organisation__slug=MAIN_SCHOOL_SLUG, user__email=LOGIN_EMAILS["staff"]
    )
    team = teacher.team_memberships.get(is_home=True).team
    framework = Framework.objects.get(organisation__slug=MAIN_SCHOOL_SLUG)
    client.force_login(teacher.user)
    url = reverse(
        "competences:team_matrix",
        kwargs={"slug": MAIN_SCHOOL_SLUG, "fw": framework.pk, "pk": team.pk},
    )
    response = client.get(url)
    assert [(c.code, cell.status) for c, cell in response.context["at_risk"]] == [
        ("DATA", "fragile")
    ]
    history = Rating.objects.filter(membership=teacher, kind=Rating.Kind.SELF)
    assert history.filter(is_current=False).exists() and history.filter(is_current=True).exists()


def test_the_leader_finds_the_fragile_competence_first_on_the_overview(client, demo):
    client.force_login(User.objects.get(email=LOGIN_EMAILS["leader"]))
    response = client.get(
        reverse(
            "organisations:overview_sections",
            kwargs={"slug": MAIN_SCHOOL_SLUG, "app": "competences"},
        )
    )
    card = next(s for s in response.context["sections"] if "Competenties" in str(s["title"]))
    assert card["figure"] == 2
    assert "Datageletterdheid (kwetsbaar)" in card["items"][0][0]
    assert "Digitale didactiek (ontbreekt)" in card["items"][1][0]
    assert Framework.objects.exclude(organisation__slug=MAIN_SCHOOL_SLUG).exists()


def test_the_main_school_sees_the_shared_framework_of_its_community(client, demo):
    from core.demo import MAIN_COMMUNITY_SLUG

    shared = Framework.objects.get(organisation__slug=MAIN_COMMUNITY_SLUG)
    own = Framework.objects.get(organisation__slug=MAIN_SCHOOL_SLUG)
    client.force_login(User.objects.get(email=LOGIN_EMAILS["staff"]))
    url = reverse("competences:framework", kwargs={"slug": MAIN_SCHOOL_SLUG, "fw": own.pk})
    assert shared.name in client.get(url).content.decode()
    assert shared.competences.count() == 4
