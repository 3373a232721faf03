"""A teacher signs in with the school's account at a local OpenID Connect provider; a person
the school did not add is turned away with a clear message."""

import pytest
from playwright.sync_api import expect

from accounts.tests.oidc_provider import local_oidc_provider


@pytest.fixture
def oidc_provider(settings):
    with local_oidc_provider() as provider:
        settings.SOCIALACCOUNT_PROVIDERS = provider.app_settings(name="Schoolaccount")
        yield provider


def _sign_in_with_school_account(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmelden met Schoolaccount").click()


def test_teacher_signs_in_with_the_school_account(
    page, oidc_provider, staff_member, check_accessibility, dutch
):
    user = staff_member.user
    oidc_provider.person = {"sub": "t-1", "email": user.email.upper(), "email_verified": True}

    page.goto("/accounts/profile/")
    expect(page).to_have_url("/accounts/login/?next=/accounts/profile/")
    expect(page.get_by_role("heading", name=dutch("With your school account"))).to_be_visible()
    check_accessibility(page)

    _sign_in_with_school_account(page)

    expect(page).to_have_url("/accounts/profile/")
    expect(page.locator(".header-user")).to_have_text(user.get_full_name())
    check_accessibility(page)


def test_a_stranger_is_turned_away_without_an_account(
    page, oidc_provider, db, check_accessibility, django_user_model
):
    oidc_provider.person = {"sub": "x-9", "email": "vreemde@elders.be", "email_verified": True}

    page.goto("/accounts/login/")
    _sign_in_with_school_account(page)

    expect(page).to_have_url("/accounts/login/")
    expect(page.locator(".messages")).to_contain_text(
        "Er hoort geen Leerkring-account bij dit schoolaccount"
    )
    expect(page.locator(".header-user")).to_have_count(0)
    assert not django_user_model.objects.filter(email="vreemde@elders.be").exists()
    check_accessibility(page)
