"""A staff member logs in (first with a typo in the password), sees their home team, logs out."""

from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD


def _submit_login(page, email, password):
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def test_staff_member_logs_in_sees_home_team_and_logs_out(
    page, staff_member, check_accessibility, dutch
):
    page.goto("/")
    expect(page).to_have_url("/accounts/login/?next=/")
    # The stylesheet and htmx are served to the browser (and not blocked by the CSP).
    header_colour = page.evaluate(
        "() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header_colour == "rgb(7, 63, 74)"
    assert page.evaluate("() => typeof window.htmx") == "object"
    check_accessibility(page)

    email = staff_member.user.email
    _submit_login(page, email, PASSWORD + "x")
    error = page.locator(".error-summary")
    expect(error).to_have_attribute("role", "alert")
    expect(error).to_have_text(
        dutch("This email address and password do not match. Please try again.")
    )
    expect(page.locator("#id_username")).to_have_value(email)
    check_accessibility(page)

    _submit_login(page, email, PASSWORD)
    expect(page).to_have_url("/")
    home_teams = page.locator("section[aria-labelledby=home-teams]")
    expect(home_teams.get_by_role("link", name="Kleuterbouw")).to_be_visible()
    expect(page.locator(".header-user")).to_have_text(staff_member.user.get_full_name())
    check_accessibility(page)

    with page.expect_navigation():
        page.locator("form[action='/accounts/logout/'] button").click()
    expect(page).to_have_url("/accounts/login/")
    expect(page.locator(".header-user")).to_have_count(0)
    page.goto("/")
    expect(page).to_have_url("/accounts/login/?next=/")


def test_unknown_email_gets_the_same_error_as_a_wrong_password(page, db, dutch):
    page.goto("/accounts/login/")
    _submit_login(page, "niemand@school.test", PASSWORD)
    expect(page.locator(".error-summary")).to_have_text(
        dutch("This email address and password do not match. Please try again.")
    )
