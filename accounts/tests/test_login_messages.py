"""Which of allauth's messages Leerkring shows around signing in."""

from django.contrib import messages
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.urls import reverse

from accounts.sso import AccountAdapter
from accounts.tests.factories import PASSWORD, UserFactory


def test_signing_in_lands_on_the_page_without_a_signed_in_message(client, db):
    user = UserFactory(email="juf@school.test")
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}, follow=True
    )
    assert response.wsgi_request.user == user
    assert [str(m) for m in get_messages(response.wsgi_request)] == []


def test_other_messages_of_allauth_are_still_shown(db):
    request = RequestFactory().get("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    adapter = AccountAdapter(request)
    adapter.add_message(request, messages.INFO, "account/messages/logged_in.txt", {"user": "x"})
    adapter.add_message(request, messages.INFO, "account/messages/logged_out.txt")
    assert len(list(get_messages(request))) == 1
