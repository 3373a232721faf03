"""An administrator opens the audit trail from the school's overview, narrows it to one
person, and downloads those events as CSV; the page passes axe, also at phone width."""

from playwright.sync_api import expect

from accounts.models import AuditEvent
from accounts.services import audit_log
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, UserFactory


def _events(school, leader, staff_member):
    audit_log(
        actor=leader.user,
        action=AuditEvent.Action.VIEW,
        object_type="surveys.survey",
        object_id="1",
        organisation=school,
        summary="report of 360° september",
    )
    audit_log(
        actor=staff_member.user,
        action=AuditEvent.Action.EXPORT,
        object_type="organisations.staff",
        object_id=str(school.pk),
        organisation=school,
        summary="csv q=",
    )


def test_an_administrator_filters_and_downloads_the_audit_trail(
    page, login_as, school, leader, staff_member, check_accessibility, dutch
):
    admin = MembershipFactory(
        organisation=school,
        role=Membership.Role.ADMIN,
        user=UserFactory(first_name="Ann", last_name="Beheer"),
    )
    _events(school, leader, staff_member)
    login_as(page, admin, next_url=f"/o/{school.slug}/")
    with page.expect_navigation():
        page.get_by_role(
            "link", name=dutch("Audit trail: who viewed or exported sensitive data")
        ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(dutch("Audit trail"))
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(2)
    check_accessibility(page)

    page.get_by_label(dutch("Person (name or e-mail address)")).fill(leader.user.last_name)
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Show")).click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("report of 360° september")
    check_accessibility(page)

    with page.expect_download() as download:
        page.get_by_role("link", name=dutch("Download these events (CSV)")).click()
    with open(download.value.path(), encoding="utf-8-sig") as handle:
        text = handle.read()
    assert "report of 360° september" in text
    assert "csv q=" not in text


def test_the_audit_trail_at_phone_width(
    phone_page, login_as, school, leader, staff_member, check_accessibility
):
    admin = MembershipFactory(organisation=school, role=Membership.Role.ADMIN)
    _events(school, leader, staff_member)
    login_as(phone_page, admin, next_url=f"/o/{school.slug}/audit/")
    expect(phone_page.locator("main table tbody tr")).to_have_count(2)
    check_accessibility(phone_page)
