"""Invitations: a one-time link to choose a first password, mailed in the user's language."""

import re
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from accounts.services import invitations_send
from accounts.tests.factories import UserFactory
from accounts.tokens import invitation_token_generator

SITE = "http://testserver"


@pytest.fixture
def imported(db):
    """A person as the staff import creates them: no usable password, never logged in."""
    return UserFactory(first_name="Griet", email="griet@school.test", password=make_password(None))


def _invite(user):
    invitations_send(users=[user], site_url=SITE, school="Basisschool De Linde")


def _link(mail):
    return re.search(r"http://testserver(/accounts/invitation/\S+)", mail.body).group(1)


def _set_password(client, link, password="een-nieuw-wachtwoord-42"):
    response = client.get(link)  # redirects to the form, the token kept in the session
    return client.post(
        response.url, {"new_password1": password, "new_password2": password}, follow=True
    )


def test_the_invitation_mails_a_link_that_sets_a_password(client, imported, mailoutbox):
    _invite(imported)
    assert [mail.to for mail in mailoutbox] == [["griet@school.test"]]
    assert "Basisschool De Linde" in mailoutbox[0].subject
    imported.refresh_from_db()
    assert imported.invited_at is not None
    response = _set_password(client, _link(mailoutbox[0]))
    assert response.redirect_chain[-1][0] == reverse("accounts:login")
    imported.refresh_from_db()
    assert imported.check_password("een-nieuw-wachtwoord-42")


def test_the_link_works_once(client, imported, mailoutbox):
    _invite(imported)
    link = _link(mailoutbox[0])
    _set_password(client, link)
    response = client.get(link, follow=True)
    assert response.context["validlink"] is False


def test_a_resend_retires_the_earlier_link(client, imported, mailoutbox):
    _invite(imported)
    _invite(imported)
    first, second = (_link(mail) for mail in mailoutbox)
    assert client.get(first, follow=True).context["validlink"] is False
    assert client.get(second, follow=True).context["validlink"] is True


def test_the_link_expires_after_the_invitation_timeout(imported, settings, monkeypatch):
    settings.INVITATION_TIMEOUT = 60 * 60 * 24 * 14
    imported.invited_at = datetime(2026, 1, 1).astimezone()
    token = invitation_token_generator.make_token(imported)
    later = datetime.now() + timedelta(days=13)
    monkeypatch.setattr(invitation_token_generator, "_now", lambda: later)
    assert invitation_token_generator.check_token(imported, token)
    # Longer than a password reset link lives, but not forever.
    monkeypatch.setattr(
        invitation_token_generator, "_now", lambda: datetime.now() + timedelta(days=15)
    )
    assert not invitation_token_generator.check_token(imported, token)


def test_an_invitation_token_is_no_password_reset_token(imported):
    from django.contrib.auth.tokens import default_token_generator

    imported.invited_at = datetime(2026, 1, 1).astimezone()
    token = invitation_token_generator.make_token(imported)
    assert not default_token_generator.check_token(imported, token)


def test_the_mail_is_in_the_users_own_language(imported, mailoutbox):
    english = UserFactory(first_name="John", email="john@school.test", language="en")
    invitations_send(users=[imported, english], site_url=SITE, school="De Linde")
    dutch_mail, english_mail = mailoutbox
    assert "De Linde nodigt je uit" in dutch_mail.subject
    assert "Hallo Griet" in dutch_mail.body
    assert "De Linde invites you to Leerkring" in english_mail.subject
    assert "Hello John" in english_mail.body


def test_the_invitation_pages_make_few_queries(
    client, imported, mailoutbox, django_assert_max_num_queries
):
    _invite(imported)
    with django_assert_max_num_queries(12):
        form = client.get(_link(mailoutbox[0]), follow=True)
    assert form.context["validlink"] is True
    with django_assert_max_num_queries(12):
        client.get(reverse("accounts:password_reset"))
