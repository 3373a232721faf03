"""Personal API tokens: the page that lists, creates and revokes them, and their use."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import ApiToken, AuditEvent
from accounts.services import api_token_create
from accounts.tests.factories import UserFactory

TOKENS_URL = reverse("accounts:tokens")
ME_URL = "/api/v1/me"


def _revoke_url(token):
    return reverse("accounts:token_revoke", kwargs={"pk": token.pk})


def _bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def user(db):
    return UserFactory(email="an.peeters@school.test", first_name="An", last_name="Peeters")


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(TOKENS_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_profile_links_to_the_tokens_page(login, user):
    response = login(user).get(reverse("accounts:profile"))
    assert response.status_code == 200
    assert f'href="{TOKENS_URL}"' in response.content.decode()


def test_creating_a_token_shows_the_key_once(login, user):
    client = login(user)
    response = client.post(TOKENS_URL, {"name": "Rapportage"})

    assert response.status_code == 200
    token = ApiToken.objects.get(user=user)
    page = response.content.decode()
    key = response.context["new_key"]
    assert key.startswith("lk_") and key[3:11] == token.prefix
    assert f'value="{key}"' in page
    assert "Kopieer" in page  # the Dutch "copy it now" note
    assert response["Cache-Control"].startswith("max-age=0")
    assert "no-store" in response["Cache-Control"]

    again = client.get(TOKENS_URL).content.decode()
    assert key not in again
    assert "Rapportage" in again and f"lk_{token.prefix}…" in again


def test_only_a_hash_of_the_key_is_stored(login, user):
    response = login(user).post(TOKENS_URL, {"name": "Script"})
    key = response.context["new_key"]

    token = ApiToken.objects.get(user=user)
    assert token.key_hash == ApiToken.hash_key(key)
    assert key not in (token.key_hash, token.prefix, token.name)
    assert AuditEvent.objects.filter(
        actor=user, action=AuditEvent.Action.CREATE, object_id=str(token.pk)
    ).exists()


def test_a_token_needs_a_name(login, user):
    response = login(user).post(TOKENS_URL, {"name": "  "})
    assert response.status_code == 200
    assert response.context["new_key"] is None
    assert response.context["form"].errors["name"]
    assert not ApiToken.objects.filter(user=user).exists()


def test_the_list_shows_only_your_own_tokens(login, user):
    api_token_create(user=user, name="Mijn token")
    api_token_create(user=UserFactory(), name="Token van iemand anders")

    page = login(user).get(TOKENS_URL).content.decode()
    assert "Mijn token" in page
    assert "Token van iemand anders" not in page


def test_revoking_a_token_deletes_it_and_the_api_refuses_it(login, user):
    token, key = api_token_create(user=user, name="Oud script")
    assert Client().get(ME_URL, **_bearer(key)).status_code == 200

    response = login(user).post(_revoke_url(token))

    assert response.status_code == 302
    assert response["Location"] == TOKENS_URL
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    assert AuditEvent.objects.filter(
        actor=user, action=AuditEvent.Action.DELETE, object_id=str(token.pk)
    ).exists()
    refused = Client().get(ME_URL, **_bearer(key))
    assert refused.status_code == 401
    assert "ingetrokken" in refused.json()["detail"]


def test_revoking_another_users_token_is_a_404(login, user):
    token, key = api_token_create(user=UserFactory(), name="Niet van jou")

    response = login(user).post(_revoke_url(token))

    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()
    assert Client().get(ME_URL, **_bearer(key)).status_code == 200


def test_revoking_needs_a_post(login, user):
    token, _key = api_token_create(user=user, name="Blijft")
    assert login(user).get(_revoke_url(token)).status_code == 405
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_using_a_token_records_when_it_was_last_used(login, user):
    token, key = api_token_create(user=user, name="Planning")
    assert token.last_used_at is None

    assert Client().get(ME_URL, **_bearer(key)).status_code == 200

    token.refresh_from_db()
    assert token.last_used_at is not None
    page = login(user).get(TOKENS_URL).content.decode()
    assert "nooit" not in page  # "never used" is gone


def test_a_token_of_a_deactivated_user_is_refused(user):
    _token, key = api_token_create(user=user, name="Vroeger")
    user.is_active = False
    user.save(update_fields=["is_active"])

    assert Client().get(ME_URL, **_bearer(key)).status_code == 401


def test_the_token_page_is_in_english_for_english_users(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    response = client.post(TOKENS_URL, {"name": "Report"})
    assert "Copy it now" in response.content.decode()
