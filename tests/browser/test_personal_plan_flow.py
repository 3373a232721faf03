"""A school leader in a two-day course builds their own action plan on the first day, extends
it on the second, and compares the two versions."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from development.models import Action, Goal
from networks.models import Application, Participant
from networks.tests.factories import EditionFactory


def _course_participant(leader):
    edition = EditionFactory(programme__title="Onderwijskundig leiderschap met impact")
    application = Application.objects.create(
        edition=edition,
        applicant=leader.user,
        school=leader.organisation,
        size=1,
        status=Application.Status.ACCEPTED,
    )
    return Participant.objects.create(
        edition=edition, application=application, user=leader.user, school=leader.organisation
    )


def _a_night_passes(participant):
    """What was saved today moves to yesterday, as if the first course day was yesterday."""
    yesterday = timezone.now() - datetime.timedelta(days=1)
    goals = Goal.history.filter(participant_id=participant.pk)
    goals.update(history_date=yesterday)
    Action.history.filter(goal_id__in=goals.values("id")).update(history_date=yesterday)


def test_a_participant_builds_extends_and_compares_their_plan(
    page, login_as, leader, check_accessibility, tab_to, dutch
):
    participant = _course_participant(leader)
    deadline = (timezone.localdate() + datetime.timedelta(days=120)).isoformat()
    plan_url = f"/mijn-leernetwerken/{participant.pk}/actieplan/"

    # Day one: from the course page to a first goal with an action.
    login_as(page, leader)
    page.goto(f"/mijn-leernetwerken/{participant.pk}/")
    check_accessibility(page)
    page.locator(f"main a[href='{plan_url}']").click()
    expect(page).to_have_url(plan_url)
    check_accessibility(page)
    page.locator(f"main a[href='{plan_url}doelen/nieuw/']").click()
    check_accessibility(page)
    tab_to(page, page.locator("#id_title"))
    page.keyboard.type("Een PLG over begrijpend lezen starten")
    page.keyboard.press("Tab")
    page.keyboard.type("Tegen april komen vier leerkrachten maandelijks samen.")
    page.locator("#id_deadline").fill(deadline)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text(dutch("The goal was added to your plan."))
    goal = Goal.objects.get(participant=participant)
    page.locator(f"main a[href='{plan_url}doelen/{goal.pk}/acties/nieuw/']").click()
    page.locator("#id_title").fill("Collega's bevragen over hun leesles")
    page.locator("#id_deadline").fill(deadline)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    expect(page.locator(f"#goal-{goal.pk}")).to_contain_text("Collega's bevragen")
    check_accessibility(page)

    _a_night_passes(participant)

    # Day two: sharpen the goal and add a second one.
    page.locator(f"main a[href='{plan_url}doelen/{goal.pk}/']").click()
    check_accessibility(page)
    page.locator("#id_description").fill("Tegen april komen zes leerkrachten maandelijks samen.")
    page.locator("#id_status").select_option("in_progress")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.locator(f"main a[href='{plan_url}doelen/nieuw/']").click()
    page.locator("#id_title").fill("Een procescoach aanstellen")
    page.locator("#id_description").fill("Tegen februari begeleidt een collega de PLG.")
    page.locator("#id_deadline").fill(deadline)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    # Compare the end of day one with the end of day two.
    page.locator(f"main a[href='{plan_url}geschiedenis/']").click()
    check_accessibility(page)
    rows = page.locator(".version-table tbody tr")
    expect(rows).to_have_count(4)
    day_one_last = rows.nth(2)  # the action, the last save of day one
    day_one_last.locator("input[name=van]").check()
    rows.nth(0).locator("input[name=tot]").check()
    with page.expect_navigation():
        page.locator("main form.version-compare button[type=submit]").click()
    main = page.locator("main")
    expect(main).to_contain_text(dutch("Goal added") + ": Een procescoach aanstellen")
    expect(main).to_contain_text(dutch("Goal changed") + ": Een PLG over begrijpend lezen starten")
    expect(main.locator("del")).to_contain_text(["vier leerkrachten", dutch("planned")])
    expect(main.locator("ins")).to_contain_text(["zes leerkrachten", dutch("in progress")])
    check_accessibility(page)

    # The plan as it was after day one.
    page.goto(f"{plan_url}geschiedenis/")
    page.locator(".version-table tbody tr").nth(2).get_by_role("link").first.click()
    expect(main).not_to_contain_text("Een procescoach aanstellen")
    expect(main).to_contain_text("vier leerkrachten")
    check_accessibility(page)
