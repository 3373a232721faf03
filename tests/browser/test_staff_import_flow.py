"""A school leader imports the staff list: a file with mistakes first, then the corrected one."""

from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import expect

from accounts.models import User
from organisations.imports.tasks import staff_import_apply_task
from organisations.models import Membership, StaffImport
from organisations.tests.factories import TeamFactory

DATA = Path(__file__).resolve().parents[2] / "organisations" / "tests" / "data"
TEAM_NAMES = ["Eerste graad", "Tweede graad", "Derde graad", "Zorgteam", "Werkgroep lezen"]


@pytest.fixture
def teams(school, team):
    return [team, *(TeamFactory(organisation=school, name=name) for name in TEAM_NAMES)]


def test_leader_imports_staff_after_fixing_the_file(
    page, login_as, leader, teams, check_accessibility, dutch
):
    slug = leader.organisation.slug
    login_as(page, leader)
    page.locator(f"main a[href='/o/{slug}/']").click()
    page.locator(f".main-nav a[href='/o/{slug}/people/']").click()
    page.locator(f"main a[href='/o/{slug}/import/']").click()
    expect(page.locator("h1")).to_have_text(dutch("Import staff"))
    expect(page.locator("main a[download]")).to_have_attribute(
        "href", "/static/examples/personeel-voorbeeld.csv"
    )
    check_accessibility(page)

    # The file with mistakes: every problem is shown in Dutch and nothing can be confirmed.
    page.locator("#id_file").set_input_files(DATA / "staff_errors.csv")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text(dutch("The email address is missing."))
    expect(summary).to_contain_text(
        dutch("This email address is also on line %(lines)s of the file.", lines="5")
    )
    expect(summary).to_contain_text(dutch("The first name is missing."))
    expect(summary).to_contain_text(
        dutch(
            "This school has no team called “%(name)s”. Check the spelling or create the team.",
            name="Vierde graad",
        )
    )
    expect(page.locator("#line-10")).to_contain_text(
        dutch(
            "“%(name)s” is the home team and is also listed under other teams; "
            "it stays the home team.",
            name="Tweede graad",
        )
    )
    expect(page.get_by_role("button", name=dutch("Confirm the import"))).to_have_count(0)
    check_accessibility(page)
    # The summary links to the row it is about.
    summary.locator("a[href='#line-8']").click()
    expect(page.locator("#line-8")).to_be_in_viewport()

    # The corrected file: a preview first, then the import on confirmation.
    page.get_by_role("link", name=dutch("Upload a corrected file")).click()
    page.locator("#id_file").set_input_files(DATA / "staff_good.csv")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_have_count(0)
    with translation.override("nl-be"):
        new_person = translation.pgettext("staff import", "new person")
    expect(page.locator("#line-4")).to_contain_text(new_person)
    assert not User.objects.filter(email="fien.maes@delinde.be").exists()
    check_accessibility(page)
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Confirm the import")).click()
    expect(page.locator(".messages")).to_have_text(dutch("The staff list was imported."))
    expect(page.locator("#import-status")).to_contain_text(
        dutch(
            "%(created)s new, %(updated)s updated, %(unchanged)s unchanged.",
            created=8,
            updated=0,
            unchanged=0,
        )
    )
    check_accessibility(page)

    # The new colleague is in the staff list, with her home team.
    page.get_by_role("link", name=dutch("Go to the staff list")).click()
    page.locator("#id_q").fill("Maes")
    row = page.locator("#people-results tbody tr").filter(has_text="Fien Maes")
    expect(row).to_contain_text("fien.maes@delinde.be")
    expect(row).to_contain_text("Zorgteam")
    check_accessibility(page)
    fien = Membership.objects.get(
        user__email="fien.maes@delinde.be", organisation=leader.organisation
    )
    assert fien.role == Membership.Role.STAFF


def test_a_large_import_shows_that_it_is_busy_until_the_task_is_done(
    page, login_as, leader, teams, settings, check_accessibility, dutch
):
    # Over the threshold, and a task backend that only queues: the worker runs below.
    settings.STAFF_IMPORT_BACKGROUND_ROWS = 3
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    slug = leader.organisation.slug
    login_as(page, leader, next_url=f"/o/{slug}/import/")
    page.locator("#id_file").set_input_files(DATA / "staff_good.csv")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Confirm the import")).click()

    status = page.locator("#import-status")
    expect(status).to_contain_text(dutch("Busy importing…"))
    expect(status).to_have_attribute("hx-trigger", "every 2s")
    check_accessibility(page)
    assert not User.objects.filter(email="fien.maes@delinde.be").exists()

    staff_import = StaffImport.objects.get(organisation=leader.organisation)
    staff_import_apply_task.call(staff_import_id=staff_import.pk, actor_id=leader.user.pk)

    # The page polls and shows the result without a reload, then stops polling.
    expect(status).to_contain_text(
        dutch(
            "%(created)s new, %(updated)s updated, %(unchanged)s unchanged.",
            created=8,
            updated=0,
            unchanged=0,
        )
    )
    expect(page.locator("[hx-trigger]")).to_have_count(0)
    check_accessibility(page)
