"""Actions under the plan's goals: validation, the board, the timeline, evidence files and
two people editing the same action."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.errors import LeerkringError
from development.action_services import StaleAction, action_create, action_move
from development.models import Action, ActionEvidence
from development.services import goal_create


def _day(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def goal(school, leader):
    return goal_create(
        organisation=school,
        title="Taalstimulering",
        description="Elke klas gebruikt twee nieuwe werkvormen.",
        starts_on=_day(10),
        deadline=_day(200),
        actor=leader.user,
    )


@pytest.fixture
def action(goal, staff_member, leader):
    return action_create(
        goal=goal,
        title="Werkvormen kiezen",
        owner=staff_member,
        deadline=_day(30),
        actor=leader.user,
    )


def _data(action, **overrides):
    return {
        "title": action.title,
        "owner": action.owner_id,
        "deadline": action.deadline.isoformat(),
        "status": action.status,
        "notes": action.notes,
        "version": action.version,
    } | overrides


def test_an_action_needs_an_owner_and_a_deadline_after_the_goals_start(school, goal, leader, login):
    url = reverse("development:action_create", kwargs={"slug": school.slug, "pk": goal.pk})
    client = login(leader)
    base = {"title": "Iets doen", "deadline": _day(30).isoformat(), "status": "plan"}
    no_owner = client.post(url, base)
    assert "Kies wie de actie trekt." in no_owner.content.decode()
    early = client.post(url, {**base, "owner": leader.pk, "deadline": _day(2).isoformat()})
    assert "De deadline kan niet voor de start van het doel" in early.content.decode()
    assert not Action.objects.exists()
    response = client.post(url, {**base, "owner": leader.pk})
    action = Action.objects.get()
    assert response.status_code == 302 and action.owner == leader and action.version == 1


def test_an_owner_of_another_school_is_refused(goal, outsider, leader):
    with pytest.raises(LeerkringError) as error:
        action_create(goal=goal, title="X", owner=outsider, deadline=_day(30), actor=leader.user)
    assert error.value.field == "owner"


def test_a_30_mb_evidence_file_is_refused_in_dutch(school, action, leader, login):
    url = reverse("development:action_edit", kwargs={"slug": school.slug, "pk": action.pk})
    big = SimpleUploadedFile("verslag.pdf", b"%PDF-" + b"0" * (30 * 1024 * 1024))
    response = login(leader).post(url, {**_data(action, notes="nieuw"), "evidence": big})
    assert response.status_code == 200
    assert "bestanden mogen hoogstens 10,0\xa0MB" in response.content.decode(), response.context[
        "form"
    ].errors
    action.refresh_from_db()
    assert action.notes == "" and action.version == 1
    assert not ActionEvidence.objects.exists()


def test_evidence_is_stored_and_downloaded_by_the_owner(
    school, action, staff_member, login, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client = login(staff_member)
    url = reverse("development:action_edit", kwargs={"slug": school.slug, "pk": action.pk})
    upload = SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 verslag")
    assert client.post(url, {**_data(action), "evidence": upload}).status_code == 302
    evidence = ActionEvidence.objects.get()
    download = client.get(
        reverse("development:evidence_file", kwargs={"slug": school.slug, "pk": evidence.pk})
    )
    assert b"".join(download.streaming_content) == b"%PDF-1.4 verslag"


def test_another_staff_member_does_not_see_the_action(school, action, team, login):
    from organisations.tests.factories import MembershipFactory

    colleague = MembershipFactory(organisation=school)
    url = reverse("development:action_edit", kwargs={"slug": school.slug, "pk": action.pk})
    assert login(colleague).get(url).status_code == 404


def test_the_second_editor_sees_both_versions_and_nothing_is_overwritten(
    school, action, leader, staff_member, login
):
    url = reverse("development:action_edit", kwargs={"slug": school.slug, "pk": action.pk})
    first, second = login(leader), login(staff_member)
    assert first.post(url, _data(action, notes="Versie van de directeur")).status_code == 302
    response = second.post(url, _data(action, notes="Versie van de leerkracht"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "terwijl jij ze bewerkte" in page
    assert "Versie van de directeur" in page and "Versie van de leerkracht" in page
    action.refresh_from_db()
    assert action.notes == "Versie van de directeur" and action.version == 2
    # Saving again from the conflict page is a deliberate choice and goes through.
    assert 'name="version" value="2"' in page
    again = second.post(url, _data(action, notes="Versie van de leerkracht"))
    assert again.status_code == 302
    action.refresh_from_db()
    assert action.notes == "Versie van de leerkracht" and action.version == 3


def test_a_move_from_an_old_board_is_refused(action, leader):
    action_move(action=action, version=1, status="do", actor=leader.user)
    with pytest.raises(StaleAction):
        action_move(action=action, version=1, status="check", actor=leader.user)
    action.refresh_from_db()
    assert action.status == "do"


def test_the_board_moves_an_action_with_its_buttons(school, action, leader, login):
    client = login(leader)
    board = reverse("development:action_board", kwargs={"slug": school.slug})
    page = client.get(board).content.decode()
    move = reverse("development:action_move", kwargs={"slug": school.slug, "pk": action.pk})
    assert f'action="{move}"' in page and 'value="do"' in page
    response = client.post(move, {"status": "do", "version": 1, "next": "board"})
    assert response.url == f"{board}#action-{action.pk}"
    action.refresh_from_db()
    assert action.status == "do"


def test_list_and_timeline_show_overdue_actions_in_words(school, goal, leader, login):
    overdue = Action.objects.create(
        organisation=school, goal=goal, title="Te laat", owner=leader, deadline=_day(-5)
    )
    client = login(leader)
    for name in ("action_list", "action_timeline"):
        page = client.get(reverse(f"development:{name}", kwargs={"slug": school.slug}))
        text = page.content.decode()
        assert overdue.title in text and ("te laat" in text.lower())


@pytest.mark.parametrize("name", ["action_list", "action_board", "action_timeline", "plan"])
@pytest.mark.parametrize("count", [1, 6])
def test_action_pages_keep_their_query_count(
    school, goal, leader, login, name, count, django_assert_max_num_queries
):
    for index in range(count):
        Action.objects.create(
            organisation=school,
            goal=goal,
            title=f"Actie {index}",
            owner=leader,
            deadline=_day(20 + 31 * index),
        )
    client = login(leader)
    url = reverse(f"development:{name}", kwargs={"slug": school.slug})
    client.get(url)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_a_move_from_an_old_board_page_says_so_and_shows_the_action(school, action, leader, login):
    action_move(action=action, version=1, status="check", actor=leader.user)
    move = reverse("development:action_move", kwargs={"slug": school.slug, "pk": action.pk})
    response = login(leader).post(move, {"status": "do", "version": 1}, follow=True)
    assert "niet verplaatst" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "check" and action.version == 2
