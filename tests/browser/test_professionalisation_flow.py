"""A school leader records an agreement from an appraisal conversation and puts a team need
with a response in the professionalisation plan; the teacher adds a progress note and reads
the plan's team part."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from growth.models import DevelopmentAgreement, Need, ProfessionalisationPlan


def test_leader_plans_and_teacher_follows_up(
    page, phone_page, login_as, leader, staff_member, team, check_accessibility, dutch
):
    slug = leader.organisation.slug
    due = timezone.localdate() + datetime.timedelta(days=60)

    login_as(page, leader)
    page.goto(f"/o/{slug}/agreements/")
    check_accessibility(page)
    page.locator(f"main a[href='/o/{slug}/agreements/new/']").click()
    check_accessibility(page)
    page.locator("#id_person").select_option(str(staff_member.pk))
    page.locator("#id_goal").fill("Ik leer werken met hoekenwerk.")
    page.locator("#id_due_on").fill(due.isoformat())
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    agreement = DevelopmentAgreement.objects.get()
    expect(page).to_have_url(f"/o/{slug}/agreements/{agreement.pk}/")
    check_accessibility(page)

    page.goto(f"/o/{slug}/professionalisation/")
    page.locator("#id_school_year").fill("2026-2027")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    plan = ProfessionalisationPlan.objects.get()
    check_accessibility(page)
    page.locator(f"main a[href='/o/{slug}/professionalisation/{plan.pk}/needs/new/']").click()
    check_accessibility(page)
    page.locator("#id_dimension").select_option("team")
    page.locator("#id_team").select_option(str(team.pk))
    page.locator("#id_description").fill("Co-teaching in de kleuterbouw")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    need = Need.objects.get()
    page.locator(
        f"main a[href='/o/{slug}/professionalisation/needs/{need.pk}/responses/new/']"
    ).click()
    check_accessibility(page)
    page.locator("#id_kind").select_option("coaching")
    page.locator("#id_hours").fill("7,5")
    page.locator("#id_budget").fill("300")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.locator("main tfoot")).to_contain_text("7,5")
    check_accessibility(page)

    login_as(phone_page, staff_member)
    phone_page.goto(f"/o/{slug}/agreements/{agreement.pk}/")
    phone_page.locator("#id_text").fill("Eerste hoekenwerk gedaan.")
    with phone_page.expect_navigation():
        phone_page.locator("main form button[type=submit]").click()
    expect(phone_page.locator(".messages")).to_contain_text(dutch("Your progress note was added."))
    check_accessibility(phone_page)
    phone_page.goto(f"/o/{slug}/professionalisation/{plan.pk}/")
    expect(phone_page.locator("main")).to_contain_text("Co-teaching in de kleuterbouw")
    check_accessibility(phone_page)
