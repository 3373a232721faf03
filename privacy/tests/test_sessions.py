"""Sessions: the idle timeout, the list of one's signed-in browsers and "sign out everywhere
else", with the database and the cache session backends alike."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import AuditEvent
from accounts.services import api_token_create
from privacy.models import UserSession
from privacy.sessions import ACTIVITY_KEY

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


@pytest.fixture(
    params=["django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cache"]
)
def engine(request, settings):
    settings.SESSION_ENGINE = request.param
    return request.param


def _signed_in(user, password, agent):
    client = Client(HTTP_USER_AGENT=agent)
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": password}
    )
    assert response.status_code == 302
    return client


def test_the_list_shows_each_browser_and_marks_this_one(engine, leader, password):
    laptop = _signed_in(leader.user, password, FIREFOX)
    _signed_in(leader.user, password, IPHONE)
    api_token_create(user=leader.user, name="Rapportage")
    html = laptop.get(reverse("privacy:sessions")).content.decode()
    assert "Firefox" in html and "Linux" in html
    assert "Mobile Safari" in html and "iOS" in html
    assert html.count("<tr>") == 3  # a header and two sessions
    assert "deze browser" in html
    assert "Rapportage" in html


def test_sign_out_everywhere_else_ends_the_other_sessions_only(engine, leader, password):
    laptop = _signed_in(leader.user, password, FIREFOX)
    phone = _signed_in(leader.user, password, IPHONE)
    assert phone.get(reverse("accounts:profile")).status_code == 200

    response = laptop.post(reverse("privacy:sessions_sign_out_others"))
    assert response.status_code == 302

    assert phone.get(reverse("accounts:profile")).status_code == 302  # back to the login
    assert laptop.get(reverse("accounts:profile")).status_code == 200
    assert UserSession.objects.filter(user=leader.user).count() == 1
    event = AuditEvent.objects.get(object_type="privacy.session")
    assert event.actor == leader.user and "1 sessions" in event.summary


def test_another_persons_sessions_are_untouched(engine, leader, staff_member, password):
    laptop = _signed_in(leader.user, password, FIREFOX)
    colleague = _signed_in(staff_member.user, password, FIREFOX)
    laptop.post(reverse("privacy:sessions_sign_out_others"))
    assert colleague.get(reverse("accounts:profile")).status_code == 200
    html = laptop.get(reverse("privacy:sessions")).content.decode()
    assert html.count("<tr>") == 2


def test_an_idle_session_ends(leader, password, settings):
    settings.SESSION_IDLE_TIMEOUT = 600
    client = _signed_in(leader.user, password, FIREFOX)
    session = client.session
    session[ACTIVITY_KEY] = time.time() - 601
    session.save()
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert not UserSession.objects.filter(user=leader.user).exists()


def test_an_active_session_stays(leader, password, settings):
    settings.SESSION_IDLE_TIMEOUT = 600
    client = _signed_in(leader.user, password, FIREFOX)
    session = client.session
    session[ACTIVITY_KEY] = time.time() - 599
    session.save()
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert client.session[ACTIVITY_KEY] > time.time() - 5  # noted again


def test_signing_out_forgets_the_session(leader, password):
    client = _signed_in(leader.user, password, FIREFOX)
    client.post(reverse("accounts:logout"))
    assert not UserSession.objects.filter(user=leader.user).exists()


def test_get_cannot_sign_out_everywhere(leader, password):
    client = _signed_in(leader.user, password, FIREFOX)
    assert client.get(reverse("privacy:sessions_sign_out_others")).status_code == 405


def test_an_api_token_never_reaches_the_sessions(leader):
    _token, key = api_token_create(user=leader.user, name="Script")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert client.get(reverse("privacy:sessions")).status_code == 302
    assert client.post(reverse("privacy:sessions_sign_out_others")).status_code == 302
    assert not AuditEvent.objects.filter(object_type="privacy.session").exists()
