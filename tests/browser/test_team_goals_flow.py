"""A teacher sets a goal for her team, records measurements in the goal's card (HTMX) and sees
the target reached; a colleague thanks her; the charter passes axe, also on a phone."""

import datetime

import pytest
from playwright.sync_api import expect

from organisations.tests.factories import TeamFactory, TeamMembershipFactory
from teams.models import Appreciation, GoalMeasurement, TeamGoal


@pytest.fixture
def colleague(school):
    return TeamMembershipFactory(
        team=TeamFactory(organisation=school, name="Lagere school"), is_home=True
    ).membership


def test_a_teacher_sets_a_goal_and_records_measurements(
    page, login_as, staff_member, team, check_accessibility, dutch
):
    slug = staff_member.organisation.slug
    charter = f"/o/{slug}/teams/{team.pk}/charter/"
    login_as(page, staff_member, charter)
    check_accessibility(page)
    page.locator(f"main a[href='/o/{slug}/teams/{team.pk}/goals/new/']").click()
    check_accessibility(page)
    page.locator("#id_title").fill("Meer kinderen lezen graag")
    page.locator("input[name=kind][value=percentage]").check()
    page.locator("#id_baseline").fill("40")
    page.locator("#id_target").fill("120")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator(".errorlist")).to_contain_text(
        dutch("A percentage lies between 0 and 100.")
    )
    assert not TeamGoal.objects.exists()
    page.locator("#id_target").fill("70")
    page.locator("main form button[type=submit]").first.click()
    goal = TeamGoal.objects.get()
    card = page.locator(f"#goal-{goal.pk}")
    expect(card).to_contain_text(dutch("Not measured yet"))

    # The measurement form opens inside the card and the card refreshes in place.
    card.get_by_role("link", name=dutch("Record a measurement")).click()
    form = card.locator("form.measurement-form")
    expect(form).to_be_visible()
    value = form.locator(f"#id_m{goal.pk}-value")
    value.fill("101")
    form.locator("button[type=submit]").click()
    expect(form.locator(".errorlist")).to_contain_text(
        dutch("A percentage lies between 0 and 100.")
    )
    form.locator(f"#id_m{goal.pk}-date").fill(
        (datetime.date.today() - datetime.timedelta(days=20)).isoformat()
    )
    value.fill("55")
    form.locator("button[type=submit]").click()
    expect(card.locator("svg.goal-chart")).to_be_visible()
    expect(card.locator("form.measurement-form")).to_have_count(0)
    card.get_by_role("link", name=dutch("Record a measurement")).click()
    card.locator(f"#id_m{goal.pk}-value").fill("72,5")
    card.locator("form.measurement-form button[type=submit]").click()
    expect(card).to_contain_text(dutch("Target reached"))
    expect(card).to_contain_text("72,5%")
    assert GoalMeasurement.objects.count() == 2
    check_accessibility(page)
    card.locator("summary").click()
    expect(card.locator("table")).to_contain_text("55%")
    check_accessibility(page)

    # Every team's goals, as the leader's overview links to them.
    page.goto(f"/o/{slug}/goals/")
    expect(page.locator("main table")).to_contain_text("Meer kinderen lezen graag")
    expect(page.locator("main table")).to_contain_text(dutch("Target reached"))
    check_accessibility(page)


def test_a_colleague_thanks_a_teacher_only_for_her(
    page, phone_page, login_as, staff_member, colleague, team, check_accessibility, dutch
):
    slug = staff_member.organisation.slug
    charter = f"/o/{slug}/teams/{team.pk}/charter/"
    login_as(phone_page, colleague, charter)
    phone_page.locator("#id_appreciation-recipient").select_option(f"m{staff_member.pk}")
    phone_page.locator("#id_appreciation-text").fill("Dank je voor je hulp bij het leesproject!")
    phone_page.locator("input[name=appreciation-visibility][value=recipient]").check()
    phone_page.get_by_role("button", name=dutch("Leave the note")).click()
    expect(phone_page.locator(".appreciations")).to_contain_text("Dank je voor je hulp")
    check_accessibility(phone_page)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the charter scrolls sideways on a phone ({width}px)"
    assert Appreciation.objects.get().membership == staff_member

    login_as(page, staff_member, charter)
    expect(page.locator(".appreciations")).to_contain_text("Dank je voor je hulp")
    expect(page.locator(".appreciations")).to_contain_text(dutch("only for this person"))
