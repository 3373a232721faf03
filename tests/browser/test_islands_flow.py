"""A school leader opens the collaboration between teams from the navigation and finds the team
that works on its own, named in the list, marked in the drawing and linked to its charter."""

from playwright.sync_api import expect

from communities.tests.factories import PLGFactory, PLGMemberFactory
from organisations.tests.factories import (
    MembershipFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
)


def test_a_leader_finds_the_island_team(
    page, phone_page, login_as, check_accessibility, school, team, leader, staff_member, dutch
):
    slug = school.slug
    lower = TeamFactory(organisation=school, name="Lagere school")
    care = TeamFactory(organisation=school, name="Zorgteam")
    colleague = TeamMembershipFactory(team=lower, is_home=True).membership
    plg = PLGFactory(organisation=school, name="Rekenen met begrip")
    PLGMemberFactory(plg=plg, person=staff_member)
    PLGMemberFactory(plg=plg, person=colleague)
    alone = MembershipFactory(
        organisation=school, user=UserFactory(first_name="Ilse", last_name="Wouters")
    )
    TeamMembershipFactory(team=care, membership=alone, is_home=True)
    url = f"/o/{slug}/teams/samenwerking/"

    login_as(page, leader)
    page.goto(f"/o/{slug}/")
    page.locator(".main-nav summary", has_text=dutch("Team work")).click()
    page.locator(f".main-nav a[href='{url}']").click()
    expect(page).to_have_url(url)
    expect(page.locator("h1")).to_have_text("Samenwerking tussen teams")
    islands = page.locator("#island-teams + p + ul")
    expect(islands).to_contain_text("Zorgteam")
    expect(islands).to_contain_text("eiland")
    expect(page.locator("svg.collaboration-graph")).to_contain_text("⚠ eiland")
    expect(page.locator("main")).to_contain_text("Ilse Wouters")
    check_accessibility(page)

    islands.get_by_role("link", name="Zorgteam").click()
    expect(page).to_have_url(f"/o/{slug}/teams/{care.pk}/charter/")

    login_as(phone_page, leader, next_url=url)
    expect(phone_page.locator("#island-teams")).to_be_visible()
    check_accessibility(phone_page)
