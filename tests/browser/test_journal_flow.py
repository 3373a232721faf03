"""A teacher writes a private entry in her learning journal by keyboard; her school leader,
on his phone, can neither find nor open it."""

from playwright.sync_api import expect

from growth.models import JournalEntry


def test_a_private_entry_stays_with_its_author(
    page, phone_page, login_as, staff_member, leader, check_accessibility, tab_to, dutch
):
    slug = staff_member.organisation.slug
    journal_url = f"/o/{slug}/journal/"

    login_as(page, staff_member)
    page.goto(f"/o/{slug}/")
    page.locator(".main-nav summary", has_text=dutch("My growth")).click()
    page.locator(f".main-nav a[href='{journal_url}']").click()
    expect(page).to_have_url(journal_url)
    check_accessibility(page)
    page.locator(f"main a[href='{journal_url}new/']").click()
    check_accessibility(page)

    tab_to(page, page.locator("#id_what_happened"))
    page.keyboard.type("Mijn leesles liep uit de hand; de groepjes wachtten te lang.")
    page.keyboard.press("Tab")
    page.keyboard.type("Korte instructie werkt beter.")
    page.keyboard.press("Tab")
    page.keyboard.type("Morgen met een timer werken.")
    expect(page.locator("input[name=sharing][value=private]")).to_be_checked()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(journal_url)
    expect(page.locator(".messages")).to_contain_text(dutch("Your journal entry was saved."))
    expect(page.locator("main")).to_contain_text("groepjes wachtten te lang")
    expect(page.locator("main")).to_contain_text(dutch("Private: only you read this."))
    check_accessibility(page)

    entry = JournalEntry.objects.get()
    login_as(phone_page, leader)
    response = phone_page.goto(journal_url)
    assert response.ok
    expect(phone_page.locator("main")).not_to_contain_text("groepjes wachtten te lang")
    check_accessibility(phone_page)
    for path in (f"{journal_url}{entry.pk}/edit/", f"{journal_url}{entry.pk}/delete/"):
        response = phone_page.goto(path)
        assert response.status == 404
        expect(phone_page.locator("body")).not_to_contain_text("groepjes wachtten te lang")
    phone_page.goto(f"{journal_url}shared/")
    expect(phone_page.locator("main")).not_to_contain_text("groepjes wachtten te lang")
    assert JournalEntry.objects.filter(pk=entry.pk).exists()
