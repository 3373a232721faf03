"""A school leader invites an imported colleague, who follows the mail's link, chooses a
password and logs in."""

import re
from urllib.parse import urlparse

from django.contrib.auth.hashers import make_password
from playwright.sync_api import expect

from organisations.tests.factories import MembershipFactory, UserFactory

PASSWORD = "mijn-eigen-wachtwoord-73"


def test_an_invited_colleague_sets_a_password_and_logs_in(
    page, login_as, leader, school, mailoutbox, check_accessibility, dutch
):
    user = UserFactory(
        first_name="Nele", last_name="Nieuw", email="nele@school.test", password=make_password(None)
    )
    colleague = MembershipFactory(organisation=school, user=user)

    login_as(page, leader)
    page.goto(f"/o/{school.slug}/people/{colleague.pk}/")
    expect(page.locator("main dl")).to_contain_text(dutch("not activated"))
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Send an invitation")).click()
    expect(page.locator(".messages")).to_contain_text("1 uitnodiging werd verstuurd.")
    check_accessibility(page)
    with page.expect_navigation():
        page.locator("form[action='/accounts/logout/'] button").click()

    (mail,) = mailoutbox
    assert mail.to == ["nele@school.test"]
    link = re.search(r"https?://\S+/accounts/invitation/\S+", mail.body).group(0)
    page.goto(urlparse(link).path)
    expect(page.locator("h1")).to_have_text(dutch("Choose your password"))
    check_accessibility(page)
    page.locator("#id_new_password1").fill(PASSWORD)
    page.locator("#id_new_password2").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url("/accounts/login/")
    expect(page.locator(".messages")).to_contain_text(
        dutch("Your password is set. You can log in now.")
    )

    page.locator("#id_username").fill("nele@school.test")
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url("/")
    expect(page.locator(".header-user")).to_have_text("Nele Nieuw")

    # The link worked once.
    page.goto(urlparse(link).path)
    expect(page.locator("main")).to_contain_text(dutch("Ask for a new link"))
