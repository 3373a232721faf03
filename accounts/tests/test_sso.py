"""Single sign-on through a local OpenID Connect provider: the imported person is matched by
verified e-mail address; anyone else, or a forged answer, gets a clear message and changes
nothing."""

from urllib.parse import urlparse

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.core import context
from allauth.socialaccount.adapter import get_adapter as get_social_adapter
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from accounts.tests.factories import PASSWORD, UserFactory
from accounts.tests.oidc_provider import local_oidc_provider

LOGIN_URL = "/accounts/login/"
SSO_LOGIN_URL = "/accounts/sso/oidc/school/login/"


@pytest.fixture
def oidc_provider(settings):
    with local_oidc_provider() as provider:
        settings.SOCIALACCOUNT_PROVIDERS = provider.app_settings()
        yield provider


@pytest.fixture
def person(db):
    return UserFactory(email="an.peeters@de-linde.be", first_name="An", last_name="Peeters")


def sign_in_at_provider(client, claims, provider, next_url=None):
    """Follow the round trip a browser makes: Leerkring → provider → Leerkring's callback."""
    provider.person = claims
    data = {"next": next_url} if next_url else {}
    start = client.post(SSO_LOGIN_URL, data)
    assert start.status_code == 302
    assert start["Location"].startswith(f"{provider.issuer}/authorize?")
    back = requests.get(start["Location"], allow_redirects=False, timeout=5)
    callback = urlparse(back.headers["Location"])
    return callback, client.get(f"{callback.path}?{callback.query}", follow=True)


def verified(email, sub="person-1"):
    return {"sub": sub, "email": email, "email_verified": True, "name": "An Peeters"}


def test_it_shows_no_school_account_button_without_a_provider(client, db):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    assert "Aanmelden met" not in response.text
    assert "schoolaccount" not in response.text.lower()


def test_it_shows_the_configured_provider_on_the_login_page(client, db, oidc_provider):
    response = client.get(LOGIN_URL)
    assert "Aanmelden met Schoolaccount" in response.text
    assert f'action="{SSO_LOGIN_URL}' in response.text


def test_it_signs_in_the_imported_person_by_verified_email(client, person, oidc_provider):
    _, response = sign_in_at_provider(client, verified("An.Peeters@de-linde.be"), oidc_provider)

    assert response.wsgi_request.user == person
    assert response.redirect_chain[-1][0] == "/"
    account = SocialAccount.objects.get(user=person)
    assert (account.provider, account.uid) == ("school", "person-1")
    person.refresh_from_db()
    # A person who also has a password keeps it.
    assert person.check_password(PASSWORD)
    assert EmailAddress.objects.get(user=person).verified


def test_it_signs_in_again_through_the_connected_account(client, person, oidc_provider):
    sign_in_at_provider(client, verified(person.email), oidc_provider)
    client.logout()
    # The provider now reports another address; the connected account still finds the person.
    _, response = sign_in_at_provider(client, verified("an@elders.be"), oidc_provider)
    assert response.wsgi_request.user == person


def test_it_follows_next_after_signing_in(client, person, oidc_provider):
    _, response = sign_in_at_provider(
        client, verified(person.email), oidc_provider, next_url="/accounts/profile/"
    )
    assert response.redirect_chain[-1][0] == "/accounts/profile/"


def test_an_unknown_email_creates_no_account(client, person, oidc_provider):
    users = get_user_model().objects.count()
    _, response = sign_in_at_provider(client, verified("vreemde@elders.be"), oidc_provider)

    assert not response.wsgi_request.user.is_authenticated
    assert response.redirect_chain[-1][0] == LOGIN_URL
    assert "Er hoort geen Leerkring-account bij dit schoolaccount" in response.text
    assert get_user_model().objects.count() == users
    assert not SocialAccount.objects.exists()


def test_an_unverified_email_is_not_matched(client, person, oidc_provider):
    claims = {**verified(person.email), "email_verified": False}
    _, response = sign_in_at_provider(client, claims, oidc_provider)

    assert not response.wsgi_request.user.is_authenticated
    assert "Er hoort geen Leerkring-account bij dit schoolaccount" in response.text
    assert not SocialAccount.objects.exists()
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_an_inactive_person_is_not_signed_in(client, person, oidc_provider):
    person.is_active = False
    person.save()
    _, response = sign_in_at_provider(client, verified(person.email), oidc_provider)
    assert not response.wsgi_request.user.is_authenticated
    assert not SocialAccount.objects.exists()


def test_a_forged_state_changes_nothing_and_says_so(client, person, oidc_provider):
    oidc_provider.person = verified(person.email)
    start = client.post(SSO_LOGIN_URL)
    back = requests.get(start["Location"], allow_redirects=False, timeout=5)
    callback = urlparse(back.headers["Location"])
    forged = callback.query.split("&state=")[0] + "&state=forged-state"

    response = client.get(f"{callback.path}?{forged}", follow=True)

    assert not response.wsgi_request.user.is_authenticated
    assert response.redirect_chain[-1][0] == LOGIN_URL
    assert "Aanmelden met je schoolaccount is niet gelukt" in response.text
    assert not SocialAccount.objects.exists()
    assert not EmailAddress.objects.exists()


def test_a_callback_without_a_started_login_changes_nothing(client, person, oidc_provider):
    response = client.get(
        "/accounts/sso/oidc/school/login/callback/?code=made-up&state=made-up", follow=True
    )
    assert not response.wsgi_request.user.is_authenticated
    assert "Aanmelden met je schoolaccount is niet gelukt" in response.text


def test_an_unconfigured_provider_is_not_found(client, db):
    assert client.post(SSO_LOGIN_URL).status_code == 404


def test_the_login_page_lets_its_forms_reach_the_provider(client, db, oidc_provider):
    policy = client.get(LOGIN_URL)["Content-Security-Policy"]
    form_action = next(d for d in policy.split(";") if "form-action" in d)
    assert oidc_provider.issuer in form_action


def test_without_a_provider_forms_stay_on_leerkring(client, db):
    policy = client.get(LOGIN_URL)["Content-Security-Policy"]
    assert "form-action 'self'" in policy
    assert "http" not in next(d for d in policy.split(";") if "form-action" in d)


@pytest.mark.parametrize("tenant,matched", [("3f2c1e7a-school", True), ("organizations", False)])
def test_microsoft_addresses_count_as_verified_only_in_the_schools_own_tenant(
    rf, settings, person, tenant, matched
):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "microsoft": {"APPS": [{"client_id": "id", "secret": "s", "settings": {"tenant": tenant}}]}
    }
    request = rf.get("/")
    with context.request_context(request):
        adapter = get_social_adapter(request)
        provider = adapter.get_provider(request, "microsoft")
        sociallogin = provider.sociallogin_from_response(
            request, {"id": "ms-1", "mail": person.email, "givenName": "An"}
        )
        found = adapter.authenticate_by_email(sociallogin)
    assert (found == (person, person.email)) is matched


def test_single_sign_on_still_asks_for_the_second_step(client, person, oidc_provider):
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(person, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    _, response = sign_in_at_provider(client, verified(person.email), oidc_provider)

    assert response.redirect_chain[-1][0] == "/accounts/2fa/authenticate/"
    assert not response.wsgi_request.user.is_authenticated
