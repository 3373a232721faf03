"""Erasure by an administrator: personal fields gone, shared work kept under "former staff
member", private records deleted, anonymous answers anonymous and counted, logged."""

import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from accounts.services import api_token_create
from communities.models import Meeting, Product
from competences.models import Rating
from growth.models import DevelopmentAgreement, JournalEntry
from organisations.models import Membership, TeamMembership
from organisations.tests.factories import MembershipFactory, SchoolFactory
from surveys.models import Comment, Invitation, Response
from surveys.services import pseudonym_for

from .world import ANONYMOUS_COMMENT, MINUTES


def _url(world):
    return reverse(
        "privacy:person_erase", kwargs={"slug": world.school.slug, "pk": world.person.pk}
    )


def _erase(world, login, confirmation="Lotte Verbeke"):
    return login(world.admin).post(_url(world), {"confirmation": confirmation})


def test_the_page_says_what_happens_and_that_it_cannot_be_undone(world, login):
    html = login(world.admin).get(_url(world)).content.decode()
    assert "Lotte Verbeke" in html
    assert "voormalig personeelslid" in html
    assert "Dit kan je niet ongedaan maken." in html


def test_erasure_removes_personal_fields_and_keeps_shared_work(world, login):
    user = world.person.user
    old_email = user.email
    pulse_answers = Response.objects.filter(round__survey=world.pulse).count()
    old_key = pseudonym_for(email=old_email, survey=world.pulse)

    response = _erase(world, login)
    assert response.status_code == 302

    user.refresh_from_db()
    assert user.first_name == user.last_name == ""
    assert old_email not in user.email
    assert not user.has_usable_password() and not user.is_active
    assert str(user) == "voormalig personeelslid"
    # Shared work keeps its content, under a former staff member.
    meeting = Meeting.objects.get(pk=world.meeting.pk)
    assert meeting.minutes == MINUTES and str(meeting.minutes_by) == "voormalig personeelslid"
    assert Product.objects.get(pk=world.product.pk).title == "Lesontwerp breuken"
    # Private records are gone.
    assert not JournalEntry.objects.filter(membership=world.person).exists()
    assert not DevelopmentAgreement.objects.filter(person=world.person).exists()
    assert not Rating.objects.filter(membership=world.person).exists()
    assert not TeamMembership.objects.filter(membership=world.person).exists()
    membership = Membership.objects.get(pk=world.person.pk)
    assert not membership.is_active and membership.function == ""
    # Anonymous answers stay, counted and anonymous; the key that led to them is dropped.
    assert Response.objects.filter(round__survey=world.pulse).count() == pulse_answers
    assert Comment.objects.filter(text=ANONYMOUS_COMMENT).exists()
    assert not Response.objects.filter(pseudonym=old_key).exists()
    assert not Invitation.objects.filter(email__iexact=old_email).exists()
    # Their own self-assessment in the 360° about them is deleted.
    assert not Response.objects.filter(
        round__survey=world.survey_360, rater_group__kind="self"
    ).exists()


def test_erasure_is_logged_who_and_when_not_what(world, login):
    _erase(world, login)
    event = AuditEvent.objects.get(object_type="privacy.erasure")
    assert event.actor == world.admin.user
    assert event.organisation == world.school
    assert event.summary == ""
    assert "Lotte" not in str(event.object_id)


def test_the_erased_person_is_signed_out_and_cannot_sign_in(world, login, client, password):
    from django.test import Client

    theirs = Client()
    theirs.force_login(world.person.user)
    assert theirs.get(reverse("accounts:profile")).status_code == 200
    _erase(world, login)
    assert theirs.get(reverse("accounts:profile")).status_code == 302


@pytest.mark.parametrize("typed", ["", "Lotte", "Jan Peeters"])
def test_a_wrong_confirmation_changes_nothing(world, login, typed):
    response = _erase(world, login, confirmation=typed)
    assert response.status_code == 200
    assert response.context["form"].errors
    world.person.user.refresh_from_db()
    assert world.person.user.first_name == "Lotte"
    assert JournalEntry.objects.filter(membership=world.person).exists()
    assert not AuditEvent.objects.filter(object_type="privacy.erasure").exists()


def test_the_confirmation_ignores_case_and_spaces(world, login):
    assert _erase(world, login, confirmation="  lotte   VERBEKE ").status_code == 302


def test_a_leader_may_not_erase(world, login, leader):
    assert login(leader).post(_url(world), {"confirmation": "Lotte Verbeke"}).status_code == 403
    world.person.user.refresh_from_db()
    assert world.person.user.first_name == "Lotte"


def test_an_outsider_gets_404(world, login, outsider):
    assert login(outsider).get(_url(world)).status_code == 404


def test_a_person_in_another_organisation_too_is_refused(world, login):
    MembershipFactory(organisation=SchoolFactory(slug="elders"), user=world.person.user)
    response = _erase(world, login)
    assert response.status_code == 200
    assert "andere organisatie" in response.content.decode()
    world.person.user.refresh_from_db()
    assert world.person.user.first_name == "Lotte"


def test_an_administrator_cannot_erase_themselves(world, login):
    url = reverse("privacy:person_erase", kwargs={"slug": world.school.slug, "pk": world.admin.pk})
    response = login(world.admin).post(url, {"confirmation": str(world.admin.user)})
    assert response.status_code == 200
    world.admin.user.refresh_from_db()
    assert world.admin.user.is_active


def test_an_api_token_never_reaches_the_erasure(world, client):
    _token, key = api_token_create(user=world.admin.user, name="Script")
    response = client.post(
        _url(world), {"confirmation": "Lotte Verbeke"}, HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    world.person.user.refresh_from_db()
    assert world.person.user.first_name == "Lotte"
