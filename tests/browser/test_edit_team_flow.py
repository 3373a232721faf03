"""A school leader reworks a team by keyboard: name and child-oriented mission, a new member who
makes it their home team, and a member who leaves."""

import pytest
from playwright.sync_api import expect

from organisations.models import TeamMembership
from organisations.tests.factories import (
    MembershipFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
)


def _person(school, first_name, last_name, **kwargs):
    user = UserFactory(first_name=first_name, last_name=last_name)
    return MembershipFactory(organisation=school, user=user, **kwargs)


@pytest.fixture
def people(school, team, leader, staff_member):
    other_team = TeamFactory(organisation=school, name="Lagere school")
    jonas = _person(school, "Jonas", "Peeters")
    TeamMembershipFactory(team=other_team, membership=jonas, is_home=True)
    lotte = _person(school, "Lotte", "Maes", function="zorgleerkracht")
    TeamMembershipFactory(team=team, membership=lotte, is_home=False)
    return {"jonas": jonas, "lotte": lotte, "other_team": other_team}


def test_leader_edits_a_team_with_the_keyboard(
    page, login_as, leader, team, people, check_accessibility, tab_to, dutch
):
    slug, jonas, lotte = leader.organisation.slug, people["jonas"], people["lotte"]
    team_url = f"/o/{slug}/teams/{team.pk}/"
    messages = page.locator(".messages")

    login_as(page, leader)
    page.locator(f"main a[href='/o/{slug}/']").click()
    page.locator(f".main-nav a[href='/o/{slug}/teams/']").click()
    check_accessibility(page)
    page.get_by_role("link", name="Kleuterbouw").click()
    expect(page).to_have_url(team_url)

    # The first Tab lands on the skip link, which then shows on screen.
    skip_link = tab_to(page, page.locator(".skip-link"), max_tabs=1)
    box = skip_link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0
    check_accessibility(page)

    tab_to(page, page.locator(f"main a[href='{team_url}edit/']"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_accessibility(page)
    tab_to(page, page.locator("#id_name"))
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Kleuterbouw De Egeltjes")
    page.keyboard.press("Tab")
    expect(page.locator("#id_mission")).to_be_focused()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Elke kleuter voelt zich hier thuis en leert spelend samen met anderen.")
    tab_to(page, page.locator("main form button[type=submit]"))
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page).to_have_url(team_url)
    expect(messages).to_have_text(dutch("The team was saved."))
    expect(page.locator("h1")).to_have_text("Kleuterbouw De Egeltjes")
    expect(page.locator("section[aria-labelledby=mission]")).to_contain_text(
        "Elke kleuter voelt zich hier thuis"
    )
    team.refresh_from_db()
    assert team.name == "Kleuterbouw De Egeltjes"
    assert team.mission.startswith("Elke kleuter voelt zich hier thuis")

    # Add Jonas, who still has his home team elsewhere.
    # She types part of his name; the matches follow the typing.
    tab_to(page, page.get_by_label(dutch("Find a colleague by name, email or function")))
    page.keyboard.type("jonas")
    jonas_choice = page.get_by_role("radio", name="Jonas Peeters")
    expect(jonas_choice).to_be_visible()
    tab_to(page, jonas_choice)
    page.keyboard.press("Space")
    expect(jonas_choice).to_be_checked()
    tab_to(page, page.get_by_role("button", name=dutch("Add to team")))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(messages).to_have_text(
        dutch("%(person)s was added to the team.", person="Jonas Peeters")
    )
    jonas_row = page.locator("tbody tr").filter(has_text="Jonas Peeters")
    expect(jonas_row.locator("td").nth(2)).to_have_text(dutch("no"))
    check_accessibility(page)

    # Make this Jonas's home team: his old team stays one of his teams.
    tab_to(page, jonas_row.locator(f"form[action$='/members/{jonas.pk}/home/'] button"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(messages).to_have_text(
        dutch("This is now the home team of %(person)s.", person="Jonas Peeters")
    )
    expect(jonas_row.locator("td").nth(2)).to_have_text(dutch("yes"))
    assert TeamMembership.objects.get(membership=jonas, is_home=True).team_id == team.pk
    assert TeamMembership.objects.filter(membership=jonas, team=people["other_team"]).exists()

    # Lotte leaves the team.
    tab_to(page, page.locator(f"form[action$='/members/{lotte.pk}/remove/'] button"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(messages).to_have_text(
        dutch("%(person)s was removed from the team.", person="Lotte Maes")
    )
    expect(page.locator("tbody tr").filter(has_text="Lotte Maes")).to_have_count(0)
    assert not TeamMembership.objects.filter(membership=lotte, team=team).exists()
    check_accessibility(page)


def test_staff_member_sees_the_team_but_no_edit_controls(
    page, login_as, staff_member, team, check_accessibility, dutch
):
    login_as(page, staff_member)
    page.goto(f"/o/{staff_member.organisation.slug}/teams/{team.pk}/")
    expect(page.locator("h1")).to_have_text("Kleuterbouw")
    expect(page.locator("main form")).to_have_count(0)
    expect(page.locator("main a[href$='/edit/']")).to_have_count(0)

    response = page.goto(f"/o/{staff_member.organisation.slug}/teams/{team.pk}/edit/")
    assert response.status == 403
    expect(page.locator("h1")).to_have_text(dutch("No access"))
    expect(page.locator("main form")).to_have_count(0)
    check_accessibility(page)
