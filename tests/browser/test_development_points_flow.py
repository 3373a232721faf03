"""A school leader works through the development points: finds the inbox in the navigation,
filters it, accepts one point and declines another (after the confirmation), turns the
accepted point into a goal and finds it in the action plan with its link back; on a phone
as well."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from development.models import DevelopmentPoint, Goal
from development.services import point_propose
from organisations.tests.factories import TeamFactory


@pytest.fixture
def points(school, team, leader):
    other = TeamFactory(organisation=school, name="Lagere school")
    found = []
    for origin, source, key, text in [
        (team, "competence_missing", "taal", "Niemand in de kleuterbouw is sterk in taal."),
        (other, "competence_fragile", "zorg", "De zorg in de lagere school rust op één persoon."),
    ]:
        point, _ = point_propose(
            organisation=school,
            origin=origin,
            source=source,
            key=key,
            description=text,
            actor=leader.user,
            team=origin,
            anchor=f"/o/{school.slug}/teams/{origin.pk}/charter/",
        )
        found.append(point)
    return found


def test_leader_accepts_declines_and_plans_a_point(
    page, login_as, leader, points, check_accessibility, dutch
):
    slug = leader.organisation.slug
    language, care = points
    login_as(page, leader, f"/o/{slug}/")
    page.locator(".main-nav summary", has_text=dutch("School development")).click()
    page.locator(".main-nav").get_by_role("link", name=dutch("Development points")).click()
    expect(page).to_have_url(f"/o/{slug}/ontwikkeling/punten/")
    check_accessibility(page)

    page.locator("#id_source").select_option("competence_fragile")
    page.get_by_role("button", name=dutch("Filter")).click()
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody")).to_contain_text(care.description)
    page.get_by_role("link", name=dutch("Show all")).click()
    expect(page.locator("tbody tr")).to_have_count(2)

    # Accepting swaps the row by HTMX: the status in words with its symbol.
    row = page.locator(f"#point-{language.pk}")
    row.get_by_role("button", name=dutch("Accept")).click()
    expect(page.locator(f"#point-{language.pk} .point-status")).to_contain_text(
        "✓ " + dutch("accepted")
    )
    check_accessibility(page)

    # Declining asks first; the question opens by keyboard.
    care_row = page.locator(f"#point-{care.pk}")
    care_row.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(care_row.get_by_role("button", name=dutch("Yes, decline it"))).to_be_visible()
    care_row.get_by_role("button", name=dutch("Yes, decline it")).click()
    expect(page.locator(f"#point-{care.pk} .point-status")).to_contain_text(
        "✗ " + dutch("declined")
    )
    assert DevelopmentPoint.objects.get(pk=care.pk).status == "declined"

    page.locator(f"#point-{language.pk}").get_by_role(
        "link", name=dutch("Turn into a goal")
    ).click()
    expect(page.locator("#id_title")).to_have_value(language.description)
    page.locator("#id_description").fill("In juni gebruikt elke kleuterleerkracht twee werkvormen.")
    deadline = timezone.localdate() + datetime.timedelta(days=150)
    page.locator("#id_deadline").fill(deadline.isoformat())
    check_accessibility(page)
    page.get_by_role("button", name=dutch("Add to the plan")).click()

    goal = Goal.objects.get()
    expect(page).to_have_url(f"/o/{slug}/ontwikkeling/plan/#goal-{goal.pk}")
    expect(page.locator(f"#goal-{goal.pk}")).to_contain_text(language.description)
    expect(page.locator(f"#goal-{goal.pk} a[href='{language.anchor}']")).to_be_visible()
    check_accessibility(page)
    assert DevelopmentPoint.objects.get(pk=language.pk).status == "planned"


def test_the_inbox_works_at_phone_width(phone_page, login_as, leader, points, check_accessibility):
    slug = leader.organisation.slug
    login_as(phone_page, leader, f"/o/{slug}/ontwikkeling/punten/")
    expect(phone_page.locator("tbody tr")).to_have_count(2)
    overflow = phone_page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    check_accessibility(phone_page)
