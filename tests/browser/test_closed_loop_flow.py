"""The closed loop, as a school leader goes round it: a pain point found in a value stream map
becomes a goal with actions, the new lead time is recorded in the future map and the plan shows
the lead time before and after; a weak dimension of a 360° reaches the plan from the inbox and
the plan shows the score before and after the post-measurement. Every page passes axe."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from development.models import Action, DevelopmentPoint, Goal
from surveys import services as surveys
from surveys.loader import load_all
from surveys.models import InstrumentVersion
from surveys.tests.helpers import add_responses, close, scored
from valuestreams.models import PainPoint, ValueStreamMap

STEPS = [
    ("Aanmelding door de ouders", "secretariaat", "20", "minutes", "2", "days"),
    ("Intakegesprek", "directeur", "1", "hours", "7", "days"),
    ("Eerste schooldag", "klasleerkracht", "3", "hours", "1", "days"),
]


def _outcome(dutch, msgid):
    """An outcome as the plan shows it, with a capital."""
    text = dutch(msgid)
    return text[:1].upper() + text[1:]


def _to_goal(page, point, description, check_accessibility, dutch):
    """Accept the point in the inbox and turn it into a goal; back on the plan page."""
    slug = point.organisation.slug
    page.goto(f"/o/{slug}/ontwikkeling/punten/")
    check_accessibility(page)
    row = page.locator(f"#point-{point.pk}")
    row.get_by_role("button", name=dutch("Accept")).click()
    expect(page.locator(f"#point-{point.pk} .point-status")).to_contain_text(dutch("accepted"))
    page.locator(f"#point-{point.pk}").get_by_role("link", name=dutch("Turn into a goal")).click()
    page.locator("#id_description").fill(description)
    deadline = timezone.localdate() + datetime.timedelta(days=150)
    page.locator("#id_deadline").fill(deadline.isoformat())
    check_accessibility(page)
    page.get_by_role("button", name=dutch("Add to the plan")).click()
    expect(page).to_have_url(f"/o/{slug}/ontwikkeling/plan/#goal-{Goal.objects.get().pk}")
    check_accessibility(page)
    return Goal.objects.get()


def test_a_pain_point_goes_round_the_loop_to_a_shorter_lead_time(
    page, login_as, leader, school, check_accessibility, dutch, add_map_step, add_plan_action
):
    slug = school.slug
    login_as(page, leader, f"/o/{slug}/value-streams/")
    page.locator("#id_process").fill("Inschrijving van een nieuwe leerling")
    page.locator("#id_kind").select_option("core")
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Make the map")).click()
    for step in STEPS:
        add_map_step(page, *step)
    current = ValueStreamMap.objects.get()
    talk = current.steps.get(name="Intakegesprek")
    row = page.locator(f"#step-{talk.pk}")
    row.locator("summary", has_text=dutch("Note a pain point")).click()
    row.locator(f"#pain-new-{talk.pk}").fill("Ouders wachten een week op een gesprek.")
    row.get_by_role("button", name=dutch("Note it")).click()
    pain_point = page.locator("#map-body .vsm-pains li").first
    expect(pain_point).to_contain_text("Ouders wachten een week")
    pain = PainPoint.objects.get()
    page.locator(f"#pain-{pain.pk} form.vsm-inline button").click()
    expect(page.locator(f"#sent-{pain.pk}")).to_have_text(dutch("sent ✓"))
    check_accessibility(page)

    point = DevelopmentPoint.objects.get()
    goal = _to_goal(
        page, point, "Ouders krijgen binnen drie dagen een gesprek.", check_accessibility, dutch
    )
    # Before anything changed, the plan asks for the new lead time.
    measures = page.locator(f"#goal-{goal.pk} .goal-measures")
    expect(measures).to_contain_text(_outcome(dutch, "no new measurement"))
    expect(measures).to_contain_text("Inschrijving van een nieuwe leerling")

    today = timezone.localdate()
    add_plan_action(page, goal, "Gespreksmomenten vastleggen", leader, today)
    add_plan_action(
        page, goal, "Ouders meteen een afspraak geven", leader, today + datetime.timedelta(30)
    )
    assert Action.objects.filter(goal=goal).count() == 2

    page.get_by_role("link", name=dutch("Action board")).first.click()
    check_accessibility(page)
    first = Action.objects.get(title="Gespreksmomenten vastleggen")
    page.locator(f"#action-{first.pk} button[value=do]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(f".board-column[data-status=do] #action-{first.pk}")).to_be_visible()
    check_accessibility(page)
    first.refresh_from_db()
    assert first.status == "do"

    # The new way of working: the future map, where the intake talk now waits two days.
    page.goto(f"/o/{slug}/value-streams/{current.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Make a future map")).click()
    future = ValueStreamMap.objects.get(version="future")
    future_talk = future.steps.get(name="Intakegesprek")
    check_accessibility(page)
    page.locator(f"#step-{future_talk.pk}").get_by_role("link", name=dutch("Edit")).click()
    check_accessibility(page)
    page.locator("#id_waiting_time").fill("2")
    page.get_by_role("button", name=dutch("Save")).click()
    expect(page.locator(f"#step-{future_talk.pk}")).to_contain_text("2 dagen")
    assert future.steps.get(pk=future_talk.pk).waiting_minutes == 2 * 1440

    page.goto(f"/o/{slug}/ontwikkeling/plan/")
    measures = page.locator(f"#goal-{goal.pk} .goal-measures")
    expect(measures).to_contain_text(_outcome(dutch, "improved"))
    expect(measures).to_contain_text("10,2 dagen in de huidige situatie")
    expect(measures).to_contain_text("5,2 dagen in de gewenste situatie")
    expect(measures).to_contain_text("doorlooptijd 5 dagen korter (−49%)")
    check_accessibility(page)


def test_a_360_point_reaches_the_plan_and_shows_pre_and_post(
    page, login_as, leader, school, check_accessibility, dutch
):
    load_all()
    today = timezone.localdate()
    survey = surveys.survey_create(
        organisation=school,
        version=InstrumentVersion.objects.get(instrument__code="gedeeld-leiderschap-360"),
        title="360° september",
        subject=leader,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
    )
    pre = survey.rounds.get()
    add_responses(survey, pre, "self", 1, value=3)
    add_responses(survey, pre, "teachers", 8, value=scored(lambda i: 2 + i % 2))
    close(pre)

    login_as(page, leader, f"/o/{school.slug}/surveys/{survey.pk}/report/")
    check_accessibility(page)
    overview = page.locator("section[aria-labelledby=overview]")
    overview.get_by_role("button", name=dutch("Weak: send to the plan")).first.click()
    expect(overview.get_by_role("status").first).to_contain_text(dutch("Sent to the plan ✓"))
    point = DevelopmentPoint.objects.get()
    goal = _to_goal(
        page, point, "Meer gedeeld leiderschap in de post-meting.", check_accessibility, dutch
    )
    measures = page.locator(f"#goal-{goal.pk} .goal-measures")
    expect(measures).to_contain_text(_outcome(dutch, "no new measurement"))

    # In April: the post-measurement, with clearly higher scores.
    post = surveys.round_start_post(
        survey=survey, opens_on=today, closes_on=today, actor=leader.user
    )
    add_responses(survey, post, "self", 1, value=4)
    add_responses(survey, post, "teachers", 8, value=scored(lambda i: 4 + i % 2))
    close(post)
    page.reload()
    measures = page.locator(f"#goal-{goal.pk} .goal-measures")
    expect(measures).to_contain_text(_outcome(dutch, "improved"))
    expect(measures).to_contain_text(point.key)
    expect(measures).to_contain_text("toen 2,50, nu 4,50")
    expect(measures).to_contain_text("gepaarde")
    check_accessibility(page)
