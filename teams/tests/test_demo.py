from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG
from organisations.models import Membership
from teams.models import Charter, Decision


@pytest.fixture
def demo(db):
    call_command("demo", size="small", stdout=StringIO())


def test_the_main_school_has_charters_and_a_filled_matrix(client, demo):
    client.force_login(User.objects.get(email=LOGIN_EMAILS["leader"]))
    response = client.get(reverse("teams:decision_matrix", kwargs={"slug": MAIN_SCHOOL_SLUG}))
    unclear = response.context["unclear"]
    assert any(row.no_owner for row in unclear) and any(row.conflicts for row in unclear)
    assert len(response.context["moved"]) >= 8
    assert len(response.context["years"]) >= 3  # moves over three school years
    assert Decision.objects.exclude(organisation__slug=MAIN_SCHOOL_SLUG).exists()


def test_the_demo_teacher_sees_her_teams_charter_and_may_edit_it(client, demo):
    teacher = Membership.objects.get(
        organisation__slug=MAIN_SCHOOL_SLUG, user__email=LOGIN_EMAILS["staff"]
    )
    team = teacher.team_memberships.get(is_home=True).team
    client.force_login(teacher.user)
    url = reverse("teams:charter", kwargs={"slug": MAIN_SCHOOL_SLUG, "pk": team.pk})
    response = client.get(url)
    assert response.context["can_edit"]
    assert len(response.context["history"]) == 3
    assert response.context["decisions"]
    assert Charter.objects.get(team=team).meeting_rhythm in response.content.decode()


def test_the_demo_teachers_team_has_goals_one_off_track_and_notes_of_appreciation(client, demo):
    teacher = Membership.objects.get(
        organisation__slug=MAIN_SCHOOL_SLUG, user__email=LOGIN_EMAILS["staff"]
    )
    team = teacher.team_memberships.get(is_home=True).team
    client.force_login(teacher.user)
    response = client.get(
        reverse("teams:charter", kwargs={"slug": MAIN_SCHOOL_SLUG, "pk": team.pk})
    )
    cards = response.context["goal_cards"]
    assert len(cards) >= 2 and all(card.measurements for card in cards)
    assert [card.standing.off_track for card in cards].count(True) == 1
    notes = list(response.context["appreciations"])
    assert any(note.membership_id == teacher.pk for note in notes)  # only for her
    assert any(note.team_id == team.pk for note in notes)
    client.force_login(User.objects.get(email=LOGIN_EMAILS["leader"]))
    overview = client.get(
        reverse(
            "organisations:overview_sections", kwargs={"slug": MAIN_SCHOOL_SLUG, "app": "teams"}
        )
    )
    section = next(s for s in overview.context["sections"] if s["title"] == "Teamdoelen")
    assert section["figure"] == 1 and team.name in section["items"][0][0]


def test_the_main_school_has_one_island_team_that_the_leader_finds(client, demo):
    client.force_login(User.objects.get(email=LOGIN_EMAILS["leader"]))
    kwargs = {"slug": MAIN_SCHOOL_SLUG, "app": "teams"}
    overview = client.get(reverse("organisations:overview_sections", kwargs=kwargs))
    card = next(s for s in overview.context["sections"] if s["title"] == "Eilandteams")
    assert [label for label, _url in card["items"]] == ["Derde graad"]
    response = client.get(card["url"])
    result = response.context["result"]
    assert [team.name for team in result.island_teams] == ["Derde graad"]
    assert all(node.links for node in result.teams if node.team.name != "Derde graad")
    assert result.island_people
    for key in ("leader", "coach", "staff"):
        person = Membership.objects.get(
            organisation__slug=MAIN_SCHOOL_SLUG, user__email=LOGIN_EMAILS[key]
        )
        assert not person.team_memberships.filter(team__name="Derde graad").exists()
    island = next(node for node in result.teams if node.is_island)
    assert island.team.team_memberships.filter(is_home=True).count() >= 4
