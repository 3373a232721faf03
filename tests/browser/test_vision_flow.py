"""A school leader starts a vision process; a parent contributes on a phone through the
parents' link, without an account; the leader clusters the contributions by keyboard, the
parent spreads points with a live total, and the leader publishes the vision, which a
teacher then reads with its chart. Runs with the harness of tests/browser/conftest.py."""

from playwright.sync_api import expect

from organisations.access import get_access
from vision import services
from vision.models import Contribution, PointAllocation, VisionProcess


def _others_contribute(process):
    groups = {group.kind: group for group in process.groups.all()}
    for text in ["Samen leren als team", "Tijd voor elk kind", "Meer projectwerk"]:
        services.contribution_add(group=groups["staff"], text=text)
    for text in ["Meer buiten spelen", "Dat niemand uitgelachen wordt"]:
        services.contribution_add(group=groups["pupils"], text=text)


def test_a_parent_contributes_on_a_phone_and_the_leader_clusters_and_publishes(
    page, phone_page, login_as, leader, staff_member, check_accessibility, dutch, tab_to
):
    slug = leader.organisation.slug
    login_as(page, leader)
    page.goto(f"/o/{slug}/")
    page.locator(".main-nav summary", has_text=dutch("School development")).click()
    page.locator(f".main-nav a[href='/o/{slug}/vision/']").click()
    check_accessibility(page)
    page.get_by_role("link", name=dutch("New vision process")).click()
    page.locator("#id_title").fill("Onze visie 2030")
    page.locator("#id_question").fill("Wat moet elk kind meenemen als het onze school verlaat?")
    page.locator("#id_threshold").fill("3")
    check_accessibility(page)
    page.get_by_role("button", name=dutch("Create the process")).click()
    process = VisionProcess.objects.get()
    expect(page).to_have_url(f"/o/{slug}/vision/{process.pk}/")
    check_accessibility(page)
    parents = process.groups.get(kind="parents")
    link = page.locator(f"a[href$='/v/{parents.token}/']")
    expect(link).to_be_visible()

    # The parent opens the link on a phone: no account, one text, a thank-you page.
    phone_page.goto(link.get_attribute("href"))
    expect(phone_page.locator("h1")).to_have_text("Onze visie 2030")
    expect(phone_page.locator("main")).to_contain_text("meenemen")
    check_accessibility(phone_page)
    phone_page.get_by_role("button", name=dutch("Send my contribution")).click()
    expect(phone_page.locator(".error-summary")).to_be_visible()
    assert not Contribution.objects.exists()
    phone_page.locator("textarea[name=text]").fill("Veel buiten leren, in de tuin en in de buurt")
    phone_page.get_by_role("button", name=dutch("Send my contribution")).click()
    expect(phone_page.get_by_role("heading", name=dutch("Thank you!"))).to_be_visible()
    check_accessibility(phone_page)
    contribution = Contribution.objects.get()
    assert contribution.group == parents
    _others_contribute(process)

    # The leader sees the counts: staff (3) alone, pupils (2) and parents (1) merged.
    page.reload()
    counts = page.locator("section[aria-labelledby=carried]")
    expect(counts.locator("tr").filter(has_text=dutch("Other groups"))).to_contain_text("3")
    expect(counts.locator("tr").filter(has_text="Personeel")).to_contain_text("3")
    page.locator("form[action$='/advance/'] button").click()
    expect(page.locator(".message--success")).to_be_visible()
    page.get_by_role("link", name=dutch("Cluster the contributions")).click()
    for name in ["Leren met hoofd, hart en handen", "Samen school maken"]:
        page.locator("#id_name").fill(name)
        page.get_by_role("button", name=dutch("Add the theme")).click()
        expect(page.locator(".message--success")).to_be_visible()
    check_accessibility(page)
    outdoors, together = process.themes.order_by("pk")

    # By keyboard: the parent's text goes to the first theme, the rest to the second.
    select = tab_to(page, page.locator(f"#c-{contribution.pk}"))
    select.press("ArrowDown")
    expect(select).to_have_value(str(outdoors.pk))
    for other in process.contributions.exclude(pk=contribution.pk):
        page.locator(f"#c-{other.pk}").select_option(str(together.pk))
    page.get_by_role("button", name=dutch("Save the themes")).click()
    expect(page.locator(".message--success")).to_be_visible()
    contribution.refresh_from_db()
    assert contribution.theme == outdoors
    assert not process.contributions.filter(theme__isnull=True).exists()

    page.goto(f"/o/{slug}/vision/{process.pk}/")
    page.locator("form[action$='/advance/'] button").click()
    expect(page.locator(".message--success")).to_be_visible()

    # The parent spreads the ten points; the total follows while typing.
    phone_page.goto(f"/v/{parents.token}/points/")
    check_accessibility(phone_page)
    phone_page.locator(f"#t-{outdoors.pk}").fill("7")
    phone_page.locator(f"#t-{together.pk}").fill("5")
    expect(phone_page.locator("#points-total")).to_contain_text("12")
    with phone_page.expect_navigation():
        phone_page.get_by_role("button", name=dutch("Send my points")).click()
    expect(phone_page.locator(".error-summary")).to_contain_text("12")
    assert not PointAllocation.objects.exists()
    phone_page.locator(f"#t-{together.pk}").fill("3")
    expect(phone_page.locator("#points-total")).to_contain_text(dutch("Exactly right."))
    phone_page.get_by_role("button", name=dutch("Send my points")).click()
    expect(phone_page.get_by_role("heading", name=dutch("Thank you!"))).to_be_visible()
    process.refresh_from_db()
    staff = process.groups.get(kind="staff")
    for _participant in range(2):
        services.points_submit(group=staff, spread={outdoors.pk: 4, together.pk: 6})

    # The leader publishes; a teacher reads the vision with the themes that carried it.
    page.goto(f"/o/{slug}/vision/{process.pk}/")
    page.get_by_role("link", name=dutch("Write and publish the vision")).click()
    page.locator("#id_text").fill("Bij ons leert elk kind met hoofd, hart en handen.")
    check_accessibility(page)
    page.get_by_role("button", name=dutch("Publish the vision")).click()
    expect(page.locator(".message--success")).to_be_visible()
    process.refresh_from_db()
    assert process.is_published
    assert get_access(staff_member.user, slug)

    teacher = phone_page.context.browser.new_context(base_url=page.url.split("/o/")[0])
    reader = teacher.new_page()
    try:
        login_as(reader, staff_member, f"/o/{slug}/vision/{process.pk}/results/")
        expect(reader.locator("main")).to_contain_text("hoofd, hart en handen")
        expect(reader.locator("svg.chart")).to_be_visible()
        table = reader.locator("section[aria-labelledby=themes] table")
        expect(table.locator("tr").filter(has_text="Leren met hoofd")).to_contain_text("15")
        check_accessibility(reader)
    finally:
        teacher.close()
