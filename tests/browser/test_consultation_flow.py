"""A school leader finds the school's consultation bodies, plans a pupil care meeting by
keyboard on a date its rhythm gives, and a member writes the decision; a teacher reads the
school-year calendar on her phone."""

from urllib.parse import urlparse

from playwright.sync_api import expect

from communities.models import Decision, Meeting
from consultation.models import Body


def test_leader_plans_a_meeting_and_a_member_records_a_decision(
    page, phone_page, login_as, leader, staff_member, check_accessibility, tab_to, dutch
):
    slug = leader.organisation.slug
    login_as(page, leader)
    page.goto(f"/o/{slug}/")
    page.locator(".main-nav summary", has_text=dutch("Team work")).click()
    page.locator(f".main-nav a[href='/o/{slug}/consultation/']").click()
    expect(page.locator("h1")).to_have_text("Overlegstructuur")
    check_accessibility(page)
    page.get_by_role("link", name="Multidisciplinair overleg (MDO)").click()
    body = Body.objects.get(organisation=leader.organisation, kind="pupil_care")
    expect(page).to_have_url(f"/o/{slug}/consultation/{body.pk}/")
    check_accessibility(page)

    # Make the teacher a member, by keyboard.
    tab_to(page, page.locator(f"main a[href='/o/{slug}/consultation/{body.pk}/edit/']"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_accessibility(page)
    page.get_by_label(str(staff_member.user.get_full_name())).check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("bewaard")

    # The first date the rhythm gives: plan it.
    plan = page.locator("main a[href*='meetings/new/?date=']").first
    tab_to(page, plan)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_accessibility(page)
    page.locator("#id_place").fill("Zorgklas")
    page.locator("#id_agenda-0-time").fill("13:30")
    page.locator("#id_agenda-0-title").fill("Leerlingen eerste graad")
    page.locator("main form button[type=submit]").click()
    meeting = Meeting.objects.get(body=body)
    expect(page).to_have_url(f"/o/{slug}/consultation/{body.pk}/meetings/{meeting.pk}/")
    expect(page.locator("#meeting-agenda")).to_contain_text("Leerlingen eerste graad")
    check_accessibility(page)

    # The teacher, a member now, records a decision.
    other = login_as(phone_page, staff_member, next_url=urlparse(page.url).path)
    other.locator("#id_text").fill("Extra ondersteuning voor twee leerlingen.")
    other.get_by_role("button", name="Beslissing noteren").click()
    expect(other.locator("#meeting-decisions")).to_contain_text("Extra ondersteuning")
    assert Decision.objects.get(meeting=meeting).text.startswith("Extra ondersteuning")
    check_accessibility(other)


def test_teacher_reads_the_calendar_on_her_phone(
    phone_page, login_as, leader, staff_member, check_accessibility, client
):
    slug = leader.organisation.slug
    client.force_login(leader.user)
    client.get(f"/o/{slug}/consultation/")  # the starter bodies with their rhythm
    login_as(phone_page, staff_member)
    phone_page.goto(f"/o/{slug}/consultation/calendar/")
    expect(phone_page.locator("h1")).to_contain_text("Overlegkalender")
    expect(phone_page.locator("main")).to_contain_text("volgens het ritme")
    check_accessibility(phone_page)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1
