"""A staff member looks up a colleague with the live search, on a desktop and on a phone; and
another school's people stay invisible."""

import re

import pytest
from playwright.sync_api import expect

from organisations.models import Membership
from organisations.tests.factories import (
    MembershipFactory,
    SchoolFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
)


def _colleague(school, first_name, last_name, function="leerkracht"):
    user = UserFactory(
        first_name=first_name,
        last_name=last_name,
        email=f"{first_name}.{last_name}@linde.test".lower(),
    )
    return MembershipFactory(organisation=school, user=user, function=function)


@pytest.fixture
def colleagues(staff_member, team):
    school = staff_member.organisation
    griet = _colleague(school, "Griet", "Vermeulen", function="zorgcoördinator")
    TeamMembershipFactory(team=team, membership=griet, is_home=True)
    for first, last in [("Pieter", "Claes"), ("Sofie", "Janssens"), ("Wout", "Verbeke")]:
        _colleague(school, first, last)
    return {"griet": griet}


@pytest.mark.parametrize("screen", ["page", "phone_page"])
def test_staff_member_finds_a_colleague_with_the_live_search(
    request, screen, login_as, staff_member, colleagues, check_accessibility, dutch
):
    page = request.getfixturevalue(screen)
    slug = staff_member.organisation.slug
    griet = colleagues["griet"]

    login_as(page, staff_member)
    page.locator(f"main a[href='/o/{slug}/']").click()
    page.locator(f"main a[href='/o/{slug}/people/']").click()
    expect(page).to_have_url(f"/o/{slug}/people/")
    results = page.locator("#people-results")
    expect(results.locator("tbody tr")).to_have_count(5)
    check_accessibility(page)

    # A marker on the window survives an HTMX swap but not a page load.
    page.evaluate("() => { window.leerkringNoReload = true; }")
    page.locator("#id_q").press_sequentially("verm", delay=40)
    expect(results.locator("tbody tr")).to_have_count(1)
    expect(results.get_by_role("link", name="Griet Vermeulen")).to_be_visible()
    assert page.evaluate("() => window.leerkringNoReload") is True
    expect(page).to_have_url(f"/o/{slug}/people/?q=verm")
    check_accessibility(page)
    _assert_no_sideways_scrolling(page)

    results.get_by_role("link", name="Griet Vermeulen").click()
    expect(page).to_have_url(f"/o/{slug}/people/{griet.pk}/")
    expect(page.locator("h1")).to_have_text("Griet Vermeulen")
    expect(page.locator("main")).to_contain_text("zorgcoördinator")
    expect(page.get_by_role("link", name="griet.vermeulen@linde.test")).to_be_visible()
    expect(page.locator("main li").filter(has_text="Kleuterbouw")).to_contain_text(
        dutch("home team")
    )
    check_accessibility(page)
    _assert_no_sideways_scrolling(page)


def test_a_search_without_matches_says_so(page, login_as, staff_member, colleagues, dutch):
    slug = staff_member.organisation.slug
    login_as(page, staff_member)
    page.goto(f"/o/{slug}/people/")
    page.locator("#id_q").press_sequentially("xyzzy", delay=20)
    expect(page.locator("#people-results tbody")).to_have_text(dutch("Nobody matches your search."))


def _assert_no_sideways_scrolling(page):
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"The page scrolls sideways by {overflow}px at {page.url}"


@pytest.fixture
def other_school():
    school = SchoolFactory(name="Sint-Jozefschool", slug="sint-jozef")
    team = TeamFactory(organisation=school, name="Derde graad")
    bram = MembershipFactory(
        organisation=school,
        role=Membership.Role.STAFF,
        user=UserFactory(first_name="Bram", last_name="Bogaert", email="bram@sintjozef.test"),
    )
    TeamMembershipFactory(team=team, membership=bram, is_home=True)
    return {"school": school, "team": team, "bram": bram}


def test_staff_member_sees_nothing_of_another_school(
    page, login_as, staff_member, other_school, check_accessibility, dutch
):
    bram, team = other_school["bram"], other_school["team"]
    own_slug = staff_member.organisation.slug
    login_as(page, staff_member)

    page.goto(f"/o/{own_slug}/people/")
    page.locator("#id_q").press_sequentially("Bogaert", delay=20)
    expect(page.locator("#people-results tbody")).to_have_text(dutch("Nobody matches your search."))

    foreign_urls = [
        "/o/sint-jozef/",
        "/o/sint-jozef/people/",
        f"/o/sint-jozef/people/{bram.pk}/",
        f"/o/sint-jozef/teams/{team.pk}/",
        # Another school's ids under one's own school are just as unknown.
        f"/o/{own_slug}/people/{bram.pk}/",
        f"/o/{own_slug}/teams/{team.pk}/",
    ]
    for url in foreign_urls:
        response = page.goto(url)
        assert response.status == 404, url
        expect(page.locator("h1")).to_have_text(dutch("Page not found"))
        main = page.locator("main")
        for secret in ["Sint-Jozefschool", "Bram", "Bogaert", "Derde graad"]:
            expect(main).not_to_contain_text(secret)
        expect(page).not_to_have_title(re.compile("Sint-Jozef|Bram|Derde graad"))
    check_accessibility(page)
    # The way back works from the 404 page.
    page.locator("main a[href='/']").click()
    expect(page).to_have_url("/")
