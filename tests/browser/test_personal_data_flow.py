"""A school leader downloads her own data from her profile and finds every kind of record in
the ZIP, without anyone's anonymous answer; an administrator then erases her and sees the
minutes she wrote kept under "voormalig personeelslid". Every page passes axe."""

import json
import zipfile

from playwright.sync_api import expect

from privacy.tests.world import ANONYMOUS_COMMENT, MINUTES, PRODUCT_BYTES, build_person_world


def test_a_leader_downloads_her_data(page, login_as, school, team, check_accessibility, dutch):
    world = build_person_world(school=school, team=team)
    login_as(page, world.person, next_url="/accounts/profile/")
    check_accessibility(page)
    with page.expect_navigation():
        page.get_by_role("link", name=dutch("Download your data")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(dutch("Download your data"))
    check_accessibility(page)

    with page.expect_download() as download:
        page.get_by_role("button", name=dutch("Download my data (ZIP)")).click()
    with zipfile.ZipFile(download.value.path()) as archive:
        names = set(archive.namelist())
        assert {"profile.json", "journal_entries.json", "development_agreements.json"} <= names
        profile = json.loads(archive.read("profile.json"))[0]
        assert profile["first_name"] == "Lotte"
        journal = json.loads(archive.read("journal_entries.json"))
        assert journal[0]["what_happened"] == "Eerste intervisie geleid"
        minutes = json.loads(archive.read("minutes_written.json"))
        assert minutes[0]["minutes"] == MINUTES
        product = next(name for name in names if name.startswith("files/products/"))
        assert archive.read(product) == PRODUCT_BYTES
        everything = b"".join(archive.read(name) for name in names)
    assert ANONYMOUS_COMMENT.encode() not in everything

    with page.expect_navigation():
        page.goto("/accounts/profile/")
        page.get_by_role("link", name=dutch("Where you are signed in")).click()
    expect(page.locator("main table tbody tr")).to_have_count(1)
    check_accessibility(page)


def test_an_administrator_erases_a_person_and_her_minutes_stay(
    page, login_as, school, team, check_accessibility, dutch
):
    world = build_person_world(school=school, team=team)
    login_as(page, world.admin, next_url=f"/o/{school.slug}/people/{world.person.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name=dutch("Erase this person's data")).click()
    expect(page.get_by_text(dutch("This cannot be undone."))).to_be_visible()
    check_accessibility(page)

    # A wrong name changes nothing and says why.
    page.get_by_label(dutch("Type the person's name")).fill("Lotte")
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Erase for good")).click()
    expect(page.locator(".errorlist")).to_contain_text(
        dutch("Type the person's name exactly as shown to confirm.")
    )
    check_accessibility(page)

    page.get_by_label(dutch("Type the person's name")).fill("Lotte Verbeke")
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Erase for good")).click()
    expect(page.get_by_text(dutch("The person was erased."))).to_be_visible()
    check_accessibility(page)

    page.goto(f"/o/{school.slug}/plg/{world.plg.pk}/meetings/{world.meeting.pk}/")
    expect(page.get_by_text(MINUTES)).to_be_visible()
    expect(page.locator("main")).to_contain_text("voormalig personeelslid")
    expect(page.locator("main")).not_to_contain_text("Lotte")
    check_accessibility(page)
