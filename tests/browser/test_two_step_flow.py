"""A school's administrator must set up two-step login before anything else: they scan the
code, type the app's code (a wrong one first), save their recovery codes, and from then on log
in with password and code."""

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory


def totp_code(secret):
    """What the authenticator app shows now, computed as allauth checks it."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def administrator(settings, school):
    settings.TWO_STEP_REQUIRED_FOR_ADMINISTRATORS = True
    return MembershipFactory(organisation=school, role=Membership.Role.ADMIN).user


def _submit(page, button="main form button[type=submit]"):
    with page.expect_navigation():
        page.locator(button).first.click()


def test_administrator_sets_up_two_step_login_and_logs_in_with_it(
    page, administrator, login_as, check_accessibility, dutch
):
    login_as(page, administrator)
    expect(page).to_have_url("/accounts/2fa/totp/activate/")
    expect(page.get_by_role("heading", level=1)).to_have_text(dutch("Activate Authenticator App"))
    expect(page.get_by_role("img")).to_be_visible()
    check_accessibility(page)
    # Anything else waits until it is set up.
    page.goto("/accounts/profile/")
    expect(page).to_have_url("/accounts/2fa/totp/activate/")

    secret = page.locator("#authenticator_secret").input_value()
    page.locator("#id_code").fill("000000")
    _submit(page)
    expect(page.locator("main")).to_contain_text(dutch("Incorrect code."))
    check_accessibility(page)

    page.locator("#id_code").fill(totp_code(secret))
    _submit(page)
    expect(page).to_have_url("/accounts/2fa/recovery-codes/")
    expect(page.get_by_role("heading", level=1)).to_have_text(dutch("Recovery Codes"))
    check_accessibility(page)

    page.goto("/accounts/profile/")
    expect(page).to_have_url("/accounts/profile/")
    with page.expect_navigation():
        page.locator("form[action='/accounts/logout/'] button").click()

    page.goto("/accounts/login/")
    page.locator("#id_username").fill(administrator.email)
    page.locator("#id_password").fill(PASSWORD)
    _submit(page)
    expect(page).to_have_url("/accounts/2fa/authenticate/")
    check_accessibility(page)
    page.locator("#id_code").fill("123456")
    _submit(page, "main form:not(#logout-from-stage) button:not([form])")
    expect(page.locator("main")).to_contain_text(dutch("Incorrect code."))
    expect(page.locator(".header-user")).to_have_count(0)

    page.locator("#id_code").fill(totp_code(secret))
    _submit(page, "main form:not(#logout-from-stage) button:not([form])")
    expect(page).to_have_url("/")
    expect(page.locator(".header-user")).to_have_text(administrator.get_full_name())
    check_accessibility(page)
