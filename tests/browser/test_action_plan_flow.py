"""A school leader accepts a development point, turns it into a goal, adds two actions under
it and moves one on the action board by keyboard; every page passes axe."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from development.models import Action, Goal
from development.services import point_propose


def test_leader_plans_a_point_with_two_actions_and_moves_one_by_keyboard(
    page, login_as, leader, team, check_accessibility, dutch, add_plan_action
):
    school = leader.organisation
    point, _ = point_propose(
        organisation=school,
        origin=team,
        source="competence_missing",
        key="taal",
        description="Niemand in de kleuterbouw is sterk in taal.",
        actor=leader.user,
        team=team,
        anchor=f"/o/{school.slug}/teams/{team.pk}/charter/",
    )
    login_as(page, leader, f"/o/{school.slug}/ontwikkeling/punten/")
    page.locator(f"#point-{point.pk}").get_by_role("button", name=dutch("Accept")).click()
    expect(page.locator(f"#point-{point.pk} .point-status")).to_contain_text(dutch("accepted"))
    page.locator(f"#point-{point.pk}").get_by_role("link", name=dutch("Turn into a goal")).click()
    page.locator("#id_description").fill("In juni gebruikt elke kleuterleerkracht twee werkvormen.")
    deadline = timezone.localdate() + datetime.timedelta(days=150)
    page.locator("#id_deadline").fill(deadline.isoformat())
    check_accessibility(page)
    page.get_by_role("button", name=dutch("Add to the plan")).click()
    goal = Goal.objects.get()
    check_accessibility(page)

    page.locator(f"#goal-{goal.pk}").get_by_role("link", name=dutch("Add an action")).click()
    check_accessibility(page)
    page.go_back()
    for index, title in enumerate(["Werkvormen kiezen", "Werkvormen uitproberen"]):
        day = timezone.localdate() + datetime.timedelta(days=30 + 30 * index)
        add_plan_action(page, goal, title, leader, day)
    assert Action.objects.filter(goal=goal).count() == 2

    page.get_by_role("link", name=dutch("Action board")).first.click()
    check_accessibility(page)
    first = Action.objects.get(title="Werkvormen kiezen")
    card = page.locator(f"#action-{first.pk}")
    card.locator("button[value=do]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(f".board-column[data-status=do] #action-{first.pk}")).to_be_visible()
    expect(page.locator(f"#action-{first.pk} .action-status")).to_contain_text(dutch("do"))
    check_accessibility(page)
    first.refresh_from_db()
    assert first.status == "do" and first.version == 2

    page.get_by_role("link", name=dutch("Timeline")).click()
    expect(page.locator(".action-timeline")).to_contain_text("Werkvormen uitproberen")
    check_accessibility(page)


def test_the_board_works_at_phone_width(phone_page, login_as, leader, check_accessibility):
    school = leader.organisation
    goal = Goal.objects.create(
        organisation=school,
        title="Taal",
        description="Meetbaar",
        deadline=timezone.localdate() + datetime.timedelta(days=90),
    )
    action = Action.objects.create(
        organisation=school,
        goal=goal,
        title="Werkvormen kiezen",
        owner=leader,
        deadline=timezone.localdate() - datetime.timedelta(days=2),
    )
    login_as(phone_page, leader, f"/o/{school.slug}/ontwikkeling/plan/acties/bord/")
    expect(phone_page.locator(f"#action-{action.pk} .overdue")).to_be_visible()
    overflow = phone_page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    check_accessibility(phone_page)
