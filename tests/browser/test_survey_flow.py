"""A school leader creates a 360° about themself and invites colleagues; a teacher answers on
a phone through the token link; the leader closes the round and reads the report, in which a
group with a single answer stays hidden. Runs with the harness of tests/browser/conftest.py."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from development.models import DevelopmentPoint
from organisations.tests.factories import MembershipFactory, UserFactory
from surveys import services
from surveys.loader import load_all
from surveys.models import InstrumentVersion, Invitation, Survey
from surveys.tests.helpers import full_answers, invite


@pytest.fixture
def colleagues(school):
    people = []
    for first, last in [("Griet", "Vermeulen"), ("Pieter", "Claes"), ("Sofie", "Janssens")]:
        user = UserFactory(first_name=first, last_name=last)
        people.append(MembershipFactory(organisation=school, user=user, function="leerkracht"))
    return people


def _answer_on_the_phone(phone_page, invitation, check_accessibility, dutch):
    phone_page.goto(f"/s/{invitation.token}/")
    expect(phone_page.locator("h1")).to_contain_text("360°")
    check_accessibility(phone_page)
    # Save one answer first and come back: it is still chosen.
    first = phone_page.locator("fieldset.question").first
    first.locator(".scale-option:has(input[value='4'])").click()
    phone_page.get_by_role("button", name=dutch("Save and continue later")).click()
    expect(phone_page.locator(".message--success")).to_be_visible()
    phone_page.goto(f"/s/{invitation.token}/")
    expect(
        phone_page.locator("fieldset.question").first.locator("input[value='4']")
    ).to_be_checked()
    # Submitting with answers missing explains what is missing and keeps what was given.
    phone_page.get_by_role("button", name=dutch("Submit my answers")).click()
    expect(phone_page.locator(".error-summary")).to_be_visible()
    expect(
        phone_page.locator("fieldset.question").first.locator("input[value='4']")
    ).to_be_checked()
    labels = phone_page.locator("fieldset.question .scale-option:has(input[value='4'])")
    for index in range(labels.count()):
        labels.nth(index).click()
    phone_page.locator("textarea").first.fill("Fijn dat je zo vaak in de klassen komt.")
    phone_page.get_by_role("button", name=dutch("Submit my answers")).click()
    expect(phone_page.get_by_role("heading", name=dutch("Thank you!"))).to_be_visible()


def test_leader_runs_a_360_and_sees_a_small_group_hidden(
    page, phone_page, login_as, leader, colleagues, check_accessibility, dutch, tab_to
):
    load_all()
    version = InstrumentVersion.objects.get(instrument__code="gedeeld-leiderschap-360")
    slug = leader.organisation.slug
    today = timezone.localdate()

    login_as(page, leader)
    page.goto(f"/o/{slug}/")
    page.locator(f".main-nav a[href='/o/{slug}/surveys/']").click()
    check_accessibility(page)
    page.get_by_role("link", name=dutch("New survey")).click()
    # Choosing the instrument swaps in its fields with HTMX, which loads deferred: a change
    # made before the page has loaded would go unheard.
    page.wait_for_load_state()
    page.locator("#id_version").select_option(str(version.pk))
    page.locator("#id_title").fill("360° september")
    page.locator("#id_subject").select_option(str(leader.pk))
    page.locator("#id_opens_on").fill(today.isoformat())
    page.locator("#id_closes_on").fill((today + datetime.timedelta(days=14)).isoformat())
    check_accessibility(page)
    page.get_by_role("button", name=dutch("Create survey")).click()
    survey = Survey.objects.get()
    expect(page).to_have_url(f"/o/{slug}/surveys/{survey.pk}/")

    teachers = survey.rater_groups.get(kind="teachers")
    page.locator("#id_rater_group").select_option(str(teachers.pk))
    # The colleagues to tick are read when the leader opens their list.
    page.locator("#people summary").click()
    for colleague in colleagues:
        page.locator(f"input[name=people][value='{colleague.pk}']").check()
    page.get_by_role("button", name=dutch("Add invitees")).click()
    others = survey.rater_groups.get(kind="others")
    page.locator("#id_rater_group").select_option(str(others.pk))
    page.locator("#id_emails").fill("ouder@thuis.test")
    page.get_by_role("button", name=dutch("Add invitees")).click()
    page.locator("form[action$='/send/'] button").click()
    expect(page.locator(".message--success")).to_be_visible()
    check_accessibility(page)
    assert Invitation.objects.filter(sent_at__isnull=False).count() == 5

    # The invitee list is read when the leader opens it.
    invitees = page.locator("#invitees")
    expect(invitees).not_to_contain_text("ouder@thuis.test")
    invitees.locator("summary").click()
    expect(invitees).to_contain_text("ouder@thuis.test")
    expect(invitees).to_contain_text(colleagues[0].user.email)
    check_accessibility(page)

    # By keyboard: search the colleague to share the report with, choose, share.
    tab_to(page, page.locator("#id_colleague"))
    page.keyboard.type("Sofie")
    choice = page.locator(f"#share-results input[name=person][value='{colleagues[2].pk}']")
    expect(choice).to_be_checked()  # the only match
    expect(page.locator("#share-results input[name=person]")).to_have_count(1)
    check_accessibility(page)
    tab_to(page, page.locator("#share-results button[type=submit]")).press("Enter")
    expect(page.locator(".message--success")).to_be_visible()
    assert list(survey.shared_with.all()) == [colleagues[2]]
    expect(page.locator("section[aria-labelledby=share]")).to_contain_text("Sofie Janssens")

    invitations = {i.email: i for i in Invitation.objects.all()}
    _answer_on_the_phone(
        phone_page, invitations[colleagues[0].user.email], check_accessibility, dutch
    )
    # The other raters answer through their own links, too.
    rater = Client()
    for email in [colleagues[1].user.email, colleagues[2].user.email, "ouder@thuis.test"]:
        invitation = invitations[email]
        comment = "Alleen van de ouder" if email.startswith("ouder") else "Fijne samenwerking"
        data = full_answers(invitation, value=3, comment=comment)
        assert rater.post(f"/s/{invitation.token}/", data).status_code == 200

    page.goto(f"/o/{slug}/surveys/{survey.pk}/")
    page.get_by_role("link", name=dutch("Close this round now")).click()
    page.get_by_role("button", name=dutch("Yes, close the round")).click()
    expect(page.locator(".message--success")).to_be_visible()
    page.get_by_role("link", name=dutch("View the report")).click()
    expect(page).to_have_url(f"/o/{slug}/surveys/{survey.pk}/report/")
    hidden_note = page.locator(".note").filter(has_text=dutch("others"))
    expect(hidden_note).to_be_visible()
    # A dimension's chart and statements come when the leader opens it, by keyboard too.
    first_dimension = page.locator("details.dimension-block").first
    expect(first_dimension.locator("svg.chart")).to_have_count(0)
    tab_to(page, first_dimension.locator("summary")).press("Enter")
    expect(first_dimension.locator("svg.chart")).to_be_visible()
    expect(first_dimension.locator("tbody tr").first).to_be_visible()
    expect(page.locator(".comment-list").first).to_contain_text("Fijn dat je zo vaak")
    # The one "others" rater is a group of one: their comment is left out, too.
    expect(page.locator("main")).not_to_contain_text("Alleen van de ouder")
    check_accessibility(page)

    pdf = page.request.get(f"/o/{slug}/surveys/{survey.pk}/report.pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")

    # A weak dimension goes to the plan with one click, and the plan links back to it.
    overview = page.locator("section[aria-labelledby=overview]")
    overview.get_by_role("button", name=dutch("Weak: send to the plan")).first.click()
    expect(overview.get_by_role("status").first).to_contain_text(dutch("Sent to the plan ✓"))
    point = DevelopmentPoint.objects.get()
    assert (point.origin.survey, point.source) == (survey, "weak")
    page.goto(f"/o/{slug}/surveys/development-points/")  # leads to the school's inbox
    expect(page).to_have_url(f"/o/{slug}/ontwikkeling/punten/")
    expect(page.locator("main")).to_contain_text(point.description)
    page.locator(f"#point-{point.pk} a[href='{point.anchor}']").click()
    expect(page).to_have_url(f"/o/{slug}/surveys/{survey.pk}/report/?round=1#{point.section}")
    expect(page.locator(f"#{point.section}")).to_be_visible()
    # The weak dimension opens with its chart and statements.
    expect(page.locator(f"#{point.section} svg.chart")).to_be_visible()

    # In April: the post-measurement with the same people, and the comparison.
    page.goto(f"/o/{slug}/surveys/{survey.pk}/")
    page.get_by_role("link", name=dutch("Start the post-measurement")).click()
    page.locator("#id_opens_on").fill(today.isoformat())
    page.locator("#id_closes_on").fill((today + datetime.timedelta(days=7)).isoformat())
    page.get_by_role("button", name=dutch("Create the post-measurement")).click()
    page.locator("form[action$='/send/'] button").click()
    expect(page.locator(".message--success")).to_be_visible()
    post = survey.rounds.get(number=2)
    for colleague in colleagues:
        invitation = post.invitations.get(email=colleague.user.email)
        data = full_answers(invitation, value=5)
        assert rater.post(f"/s/{invitation.token}/", data).status_code == 200
    page.get_by_role("link", name=dutch("Close this round now")).click()
    page.get_by_role("button", name=dutch("Yes, close the round")).click()
    page.get_by_role("link", name=dutch("View the report")).click()
    comparison = page.locator("section[aria-labelledby=prepost]")
    expect(comparison.locator("svg.chart")).to_be_visible()
    expect(comparison).to_contain_text(dutch("too few answers to tell"))
    check_accessibility(page)


def test_without_javascript_the_subject_lists_invitees_and_shares_on_a_phone(
    phone_without_javascript, login_as, leader, colleagues, dutch
):
    load_all()
    today = timezone.localdate()
    survey = services.survey_create(
        organisation=leader.organisation,
        version=InstrumentVersion.objects.get(instrument__code="gedeeld-leiderschap-360"),
        title="360° zonder scripts",
        subject=leader,
        opens_on=today,
        closes_on=today,
        actor=leader.user,
    )
    invite(survey, "teachers", [c.user.email for c in colleagues[1:]])
    page = phone_without_javascript
    login_as(page, leader, f"/o/{leader.organisation.slug}/surveys/{survey.pk}/")

    page.locator("#people summary").click()
    page.get_by_role("link", name=dutch("Show the staff members")).click()
    page.locator(f"label[for='id_people_{colleagues[0].pk}']").click()
    page.get_by_role("button", name=dutch("Add invitees")).click()
    expect(page.locator(".message--success")).to_be_visible()

    invitees = page.locator("#invitees")
    invitees.locator("summary").click()
    invitees.get_by_role("link", name=dutch("Show the invitees")).click()
    expect(page.locator("#invitees")).to_contain_text(colleagues[1].user.email)
    expect(page.locator("#invitees")).to_contain_text(colleagues[0].user.email)

    page.locator("#id_colleague").fill("claes")
    page.locator("#id_colleague").press("Enter")
    page.locator(f"#share-results label[for='share-person-{colleagues[1].pk}']").click()
    page.locator("#share-results").get_by_role("button", name=dutch("Share")).click()
    expect(page.locator(".message--success")).to_be_visible()
    assert list(survey.shared_with.all()) == [colleagues[1]]
