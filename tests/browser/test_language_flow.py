"""Someone who prefers English switches the interface to English and back to Nederlands."""

from playwright.sync_api import expect


def _switch_language(page, language):
    page.locator("#language-select").select_option(label=language)
    with page.expect_navigation():
        page.locator(".language-form button[type=submit]").click()


def test_interface_is_dutch_and_the_language_choice_sticks(
    page, login_as, staff_member, check_accessibility, dutch
):
    slug = staff_member.organisation.slug
    staff_link = page.locator(f".main-nav a[href='/o/{slug}/people/']")

    # A browser asking for a language Leerkring does not offer gets Dutch, like an nl-BE one.
    page.set_extra_http_headers({"Accept-Language": "fr-BE,fr;q=0.9"})
    page.goto("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "nl-BE")
    page.set_extra_http_headers({"Accept-Language": "nl-BE,nl;q=0.9"})
    page.goto("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "nl-BE")
    expect(page.locator("#language-select option:checked")).to_have_text("Nederlands")
    expect(page.locator("h1")).to_have_text(dutch("Log in to Leerkring"))

    # Switching before logging in keeps English after the login.
    _switch_language(page, "English")
    expect(page).to_have_url("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Log in to Leerkring")
    check_accessibility(page)

    login_as(page, staff_member)
    page.goto(f"/o/{slug}/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(staff_link).to_have_text("Staff")
    staff_link.click()
    expect(page.locator("h1")).to_have_text("Staff")
    expect(page.locator("label[for=id_q]")).to_have_text("Search by name, email or function")
    check_accessibility(page)

    _switch_language(page, "Nederlands")
    expect(page).to_have_url(f"/o/{slug}/people/")
    expect(page.locator("html")).to_have_attribute("lang", "nl-BE")
    expect(page.locator("h1")).to_have_text(dutch("Staff"))
    expect(page.locator("label[for=id_q]")).to_have_text(dutch("Search by name, email or function"))
    check_accessibility(page)

    page.locator(f".main-nav a[href='/o/{slug}/teams/']").click()
    expect(page).to_have_url(f"/o/{slug}/teams/")
    expect(page.locator("html")).to_have_attribute("lang", "nl-BE")
    # "Teams" is Dutch too, so the nav's Staff link shows that the page is in Dutch.
    expect(staff_link).to_have_text(dutch("Staff"))
    expect(page.locator("#language-select option:checked")).to_have_text("Nederlands")


def test_english_sticks_across_pages_after_the_switch(
    page, login_as, staff_member, check_accessibility
):
    login_as(page, staff_member)
    expect(page.locator("html")).to_have_attribute("lang", "nl-BE")
    _switch_language(page, "English")
    expect(page).to_have_url("/")
    expect(page.locator("#home-teams")).to_have_text("My home team")

    page.get_by_role("link", name="Kleuterbouw").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#mission")).to_have_text("Child-oriented mission")
    expect(page.locator("#language-select option:checked")).to_have_text("English")
    check_accessibility(page)
