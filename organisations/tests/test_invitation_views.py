"""Administrators invite imported staff: everyone who has not activated, a team, a person."""

import pytest
from django.contrib.auth.hashers import make_password
from django.urls import reverse
from django.utils import timezone

from organisations.models import Membership
from organisations.tests.factories import (
    MembershipFactory,
    SchoolFactory,
    TeamMembershipFactory,
    UserFactory,
)


def url(name, school, **kwargs):
    return reverse(f"organisations:{name}", kwargs={"slug": school.slug, **kwargs})


def imported(school, **user_fields):
    """A person as the staff import creates them: no usable password, never logged in."""
    user = UserFactory(password=make_password(None), **user_fields)
    return MembershipFactory(organisation=school, user=user)


@pytest.fixture
def activated(school):
    return MembershipFactory(organisation=school, user=UserFactory(last_login=timezone.now()))


def recipients(mailoutbox):
    return sorted(address for mail in mailoutbox for address in mail.to)


def test_inviting_everyone_mails_only_who_has_not_activated(
    login, leader, school, staff_member, activated, mailoutbox
):
    new = imported(school, email="nieuw@school.test")
    gone = imported(school, email="weg@school.test")
    Membership.objects.filter(pk=gone.pk).update(is_active=False)
    client = login(leader)
    response = client.post(url("staff_invite", school), follow=True)
    assert response.redirect_chain[-1][0] == url("people_list", school)
    assert recipients(mailoutbox) == sorted([new.user.email, staff_member.user.email])
    assert "2 uitnodigingen werden verstuurd." in response.content.decode()
    new.user.refresh_from_db()
    assert new.user.invited_at is not None


def test_a_team_invitation_reaches_only_that_teams_members(login, leader, school, team, mailoutbox):
    member = imported(school, email="lid@school.test")
    TeamMembershipFactory(team=team, membership=member)
    imported(school, email="niet-in-team@school.test")
    login(leader).post(url("team_invite", school, pk=team.pk))
    assert recipients(mailoutbox) == ["lid@school.test"]


def test_a_person_invitation_can_be_sent_again(login, leader, school, mailoutbox):
    person = imported(school, email="nieuw@school.test")
    client = login(leader)
    client.post(url("person_invite", school, pk=person.pk))
    client.post(url("person_invite", school, pk=person.pk))
    assert recipients(mailoutbox) == ["nieuw@school.test"] * 2
    page = client.get(url("person_detail", school, pk=person.pk)).content.decode()
    assert "Stuur de uitnodiging opnieuw" in page


def test_who_has_activated_gets_no_invitation(login, leader, school, activated, mailoutbox):
    response = login(leader).post(url("person_invite", school, pk=activated.pk), follow=True)
    assert mailoutbox == []
    assert "Niemand om uit te nodigen" in response.content.decode()


def test_a_teacher_cannot_invite(login, staff_member, school, team, mailoutbox):
    person = imported(school)
    client = login(staff_member)
    assert client.post(url("staff_invite", school)).status_code == 403
    assert client.post(url("team_invite", school, pk=team.pk)).status_code == 403
    assert client.post(url("person_invite", school, pk=person.pk)).status_code == 403
    assert mailoutbox == []
    page = client.get(url("person_detail", school, pk=person.pk)).content.decode()
    assert url("person_invite", school, pk=person.pk) not in page


def test_an_administrator_cannot_invite_people_of_another_school(
    login, outsider, school, team, mailoutbox
):
    person = imported(school)
    own_school = outsider.organisation
    client = login(outsider)
    assert client.post(url("staff_invite", school)).status_code == 404
    assert client.post(url("team_invite", school, pk=team.pk)).status_code == 404
    assert client.post(url("person_invite", school, pk=person.pk)).status_code == 404
    # Nor through their own school's address with the other school's ids.
    assert client.post(url("person_invite", own_school, pk=person.pk)).status_code == 404
    assert client.post(url("team_invite", own_school, pk=team.pk)).status_code == 404
    assert mailoutbox == []


def test_an_administrator_of_one_school_invites_none_of_another_schools_staff(
    login, leader, school, mailoutbox
):
    elsewhere = SchoolFactory()
    person = imported(elsewhere, email="ander@school.test")
    MembershipFactory(organisation=school, user=person.user)  # also on this school's staff
    imported(elsewhere, email="alleen-ander@school.test")
    login(leader).post(url("staff_invite", school))
    assert "alleen-ander@school.test" not in recipients(mailoutbox)


def test_inviting_needs_a_post(login, leader, school):
    assert login(leader).get(url("staff_invite", school)).status_code == 405


def test_the_staff_list_shows_and_filters_who_has_not_activated(login, leader, school, activated):
    new = imported(school, first_name="Nele", last_name="Nieuw")
    client = login(leader)
    page = client.get(url("people_list", school)).content.decode()
    assert "niet geactiveerd" in page
    assert url("staff_invite", school) in page
    filtered = client.get(url("people_list", school), {"not_activated": "on"})
    listed = [person.pk for person in filtered.context["page"]]
    assert new.pk in listed
    assert activated.pk not in listed
    assert leader.pk not in listed  # logged in by the test client


def test_an_applied_import_offers_to_invite_the_new_colleagues(login, leader, school):
    from organisations.models import StaffImport

    staff_import = StaffImport.objects.create(
        organisation=school,
        created_by=leader.user,
        filename="personeel.csv",
        columns=["first_name", "last_name", "email"],
        rows=[],
        status=StaffImport.Status.APPLIED,
        applied_at=timezone.now(),
    )
    page = login(leader).get(url("staff_import_detail", school, pk=staff_import.pk))
    content = page.content.decode()
    assert "zodra ze uitgenodigd zijn" in content
    assert f'action="{url("staff_invite", school)}"' in content


def test_the_staff_lists_pages_keep_the_filter(login, leader, school):
    for _ in range(51):
        imported(school)
    page = login(leader).get(url("people_list", school), {"q": "voornaam", "not_activated": "on"})
    assert 'href="?q=voornaam&amp;not_activated=on&amp;page=2"' in page.content.decode()
