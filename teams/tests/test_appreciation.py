"""Appreciation notes on the charter: who may leave, read and delete them; bad input."""

import pytest
from django.urls import reverse

from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, TeamFactory, TeamMembershipFactory
from teams.models import Appreciation

pytestmark = pytest.mark.django_db


def _url(name, school, pk):
    return reverse(f"teams:{name}", kwargs={"slug": school.slug, "pk": pk})


def _leave(
    client, school, team, recipient, text="Bedankt voor de fijne samenwerking!", to="school"
):
    data = {"appreciation-recipient": recipient, "appreciation-text": text}
    data["appreciation-visibility"] = to
    return client.post(_url("appreciation_add", school, team.pk), data)


@pytest.fixture
def colleague(school):
    """Someone of the school in another team."""
    other = TeamFactory(organisation=school, name="Lagere school")
    return TeamMembershipFactory(team=other, is_home=True).membership


def test_a_colleague_thanks_the_team_for_the_whole_school(
    login, client, school, team, staff_member, colleague, leader
):
    response = _leave(login(colleague), school, team, "team")
    assert response.status_code == 302 and response["Location"].endswith("#appreciation")
    note = Appreciation.objects.get()
    assert note.team == team and note.author == colleague.user and note.membership is None
    for reader in (leader, staff_member, colleague):
        html = login(reader).get(_url("charter", school, team.pk)).content.decode()
        assert "Bedankt voor de fijne samenwerking!" in html and "Voor het hele team" in html


def test_a_note_only_for_the_person_is_read_by_that_person_and_its_author(
    login, school, team, staff_member, colleague, leader
):
    _leave(login(colleague), school, team, f"m{staff_member.pk}", "Dank je, Lien!", "recipient")
    note = Appreciation.objects.get()
    assert note.membership == staff_member and note.visibility == "recipient"
    charter = _url("charter", school, team.pk)
    assert "Dank je, Lien!" in login(staff_member).get(charter).content.decode()
    assert "Dank je, Lien!" in login(colleague).get(charter).content.decode()
    assert "Dank je, Lien!" not in login(leader).get(charter).content.decode()
    teammate = TeamMembershipFactory(team=team).membership
    assert "Dank je, Lien!" not in login(teammate).get(charter).content.decode()


def test_a_note_only_for_the_team_is_read_by_its_members_only(
    login, school, team, staff_member, colleague, leader
):
    _leave(login(leader), school, team, "team", "Knap werk, team!", "recipient")
    charter = _url("charter", school, team.pk)
    assert "Knap werk, team!" in login(staff_member).get(charter).content.decode()
    assert "Knap werk, team!" in login(leader).get(charter).content.decode()  # the author
    assert "Knap werk, team!" not in login(colleague).get(charter).content.decode()


def test_empty_or_too_long_notes_and_notes_for_oneself_are_refused(
    login, school, team, staff_member
):
    client = login(staff_member)
    assert "Schrijf een paar woorden" in _leave(client, school, team, "team", " ").content.decode()
    long = _leave(client, school, team, "team", "x" * 1001).content.decode()
    assert "niet meer dan 1000 tekens" in long
    own = _leave(client, school, team, f"m{staff_member.pk}").content.decode()
    assert "Selecteer een geldige keuze" in own
    other_school = MembershipFactory(role=Membership.Role.STAFF)
    assert (
        "Selecteer een geldige keuze"
        in _leave(client, school, team, f"m{other_school.pk}").content.decode()
    )
    assert not Appreciation.objects.exists()


def test_only_the_author_deletes_a_note(login, school, team, staff_member, colleague):
    _leave(login(colleague), school, team, "team")
    note = Appreciation.objects.get()
    delete = _url("appreciation_delete", school, note.pk)
    charter = _url("charter", school, team.pk)
    assert delete not in login(staff_member).get(charter).content.decode()
    assert login(staff_member).post(delete, {"team": team.pk}).status_code == 404
    assert Appreciation.objects.exists()
    client = login(colleague)
    assert delete in client.get(charter).content.decode()
    response = client.post(delete, {"team": team.pk})
    assert response.status_code == 302 and response["Location"].endswith("#appreciation")
    assert not Appreciation.objects.exists()
