"""A coach starts a lesson-study PLG and runs it: members and roles, a meeting with an agenda,
minutes with a decision and an action by the note-taker (who corrects the decision and takes
an agenda item off, on a phone), the next phase, a published lesson design — and a colleague
of another team finds it and says thanks."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from communities.models import PLG, ActionItem, Product, ProductReaction
from organisations.models import Membership
from organisations.tests.factories import (
    MembershipFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
)


def _person(team, first_name, last_name, role=Membership.Role.STAFF):
    user = UserFactory(first_name=first_name, last_name=last_name)
    membership = MembershipFactory(organisation=team.organisation, user=user, role=role)
    TeamMembershipFactory(team=team, membership=membership, is_home=True)
    return membership


@pytest.fixture
def people(school, team):
    other_team = TeamFactory(organisation=school, name="Lagere school")
    return {
        "coach": _person(team, "Eva", "Claes", role=Membership.Role.COACH),
        "jonas": _person(team, "Jonas", "Peeters"),
        "lotte": _person(team, "Lotte", "Maes"),
        "sara": _person(other_team, "Sara", "Janssens"),
    }


def _submit(page, form_selector="main form"):
    with page.expect_navigation():
        page.locator(f"{form_selector} button[type=submit]").first.click()


def _log_out(page):
    with page.expect_navigation():
        page.locator("form[action='/accounts/logout/'] button").click()


def test_a_coach_runs_a_lesson_study_and_a_colleague_thanks_its_lesson_design(
    page, login_as, school, people, check_accessibility, dutch
):
    slug = school.slug
    messages = page.locator(".messages")
    coach, jonas, lotte, sara = (people[k] for k in ("coach", "jonas", "lotte", "sara"))

    # The coach starts the PLG from the school's PLG page.
    login_as(page, coach, next_url=f"/o/{slug}/")
    page.locator(f".main-nav a[href='/o/{slug}/plg/']").click()
    check_accessibility(page)
    page.locator(f"main a[href='/o/{slug}/plg/new/']").click()
    page.locator("#id_type").select_option("lesson_study")
    page.locator("#id_name").fill("Lesson study tellen")
    page.locator("#id_learning_question").fill("Hoe leren kleuters met inzicht tellen tot twintig?")
    page.locator("#id_focus").select_option("pupils")
    page.locator("#id_subject").fill("wiskunde")
    check_accessibility(page)
    _submit(page)
    expect(messages).to_have_text(
        dutch("The PLG “%(plg)s” has started.", plg="Lesson study tellen")
    )
    plg = PLG.objects.get(name="Lesson study tellen")
    plg_url = f"/o/{slug}/plg/{plg.pk}/"
    expect(page).to_have_url(re.compile(re.escape(plg_url) + "$"))
    expect(page.locator(".cycle__step--current")).to_contain_text(
        "Het doel en de leerlingen bestuderen"
    )
    check_accessibility(page)

    # Members and roles: Jonas takes notes, Lotte keeps the library.
    with page.expect_navigation():
        page.locator(f"main a[href='{plg_url}members/']").click()
    add = "section[aria-labelledby=add-member]"
    for person, role in ((jonas, "note_taker"), (lotte, "curator")):
        page.wait_for_load_state()  # the matches follow the typing once htmx has loaded
        page.get_by_label(dutch("Find a colleague by name, email or function")).fill(
            person.user.first_name
        )
        page.locator(f"{add} input[name=person][value='{person.pk}']").check()
        page.locator(f"{add} input[name=roles][value={role}]").check()
        with page.expect_navigation():
            page.get_by_role("button", name=dutch("Add to the PLG")).click()
        expect(messages).to_have_text(dutch("%(person)s joined the PLG.", person=person.user))
    expect(page.locator("tbody tr")).to_have_count(3)
    check_accessibility(page)
    jonas_member = plg.members.get(person=jonas)
    lotte_member = plg.members.get(person=lotte)

    # A meeting with an agenda.
    page.goto(plg_url)
    page.locator(f"main a[href='{plg_url}meetings/new/']").click()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.locator("#id_date").fill(tomorrow.isoformat())
    page.locator("#id_time").fill("15:30")
    page.locator("#id_place").fill("Lokaal 4")
    page.locator("#id_agenda-0-time").fill("15:30")
    page.locator("#id_agenda-0-title").fill("Welkom en leerdoel")
    page.locator("#id_agenda-1-time").fill("15:45")
    page.locator("#id_agenda-1-title").fill("Casusleerlingen kiezen")
    page.locator("#id_agenda-1-owner").select_option(str(jonas_member.pk))
    check_accessibility(page)
    _submit(page)
    expect(messages).to_have_text(dutch("The meeting was planned."))
    meeting = plg.meetings.get()
    meeting_url = f"{plg_url}meetings/{meeting.pk}/"
    expect(page).to_have_url(re.compile(re.escape(meeting_url) + "$"))
    agenda = page.locator("section[aria-labelledby=agenda] tbody")
    expect(agenda).to_contain_text("Casusleerlingen kiezen")
    expect(agenda).to_contain_text("Jonas Peeters")
    check_accessibility(page)
    _log_out(page)

    # The note-taker writes the minutes, a decision and an action.
    login_as(page, jonas, next_url=meeting_url)
    page.locator(f"main a[href='{meeting_url}minutes/']").click()
    page.locator("#id_minutes").fill(
        "## Leerdoel\nKleuters tellen **met inzicht** tot twintig.\n\n- Lotte kiest drie "
        "casusleerlingen"
    )
    _submit(page)
    expect(messages).to_have_text(dutch("The minutes were saved."))
    expect(page.locator(".minutes strong")).to_have_text("met inzicht")
    page.locator("#id_text").fill("We werken met de rekenketting.")
    _submit(page, f"form[action='{meeting_url}decisions/']")
    expect(messages).to_have_text(dutch("The decision was recorded."))
    page.locator("#id_description").fill("Drie casusleerlingen kiezen")
    page.locator("#meeting-actions #id_owner").select_option(str(lotte_member.pk))
    page.locator("#id_deadline").fill((tomorrow + datetime.timedelta(days=7)).isoformat())
    _submit(page, f"form[action='{meeting_url}actions/']")
    expect(messages).to_have_text(dutch("The action was added."))
    expect(page.locator("section[aria-labelledby=decisions]")).to_contain_text("rekenketting")
    expect(page.locator("#meeting-actions")).to_contain_text("Drie casusleerlingen kiezen")
    assert ActionItem.objects.get(plg=plg).owner == lotte_member
    check_accessibility(page)

    # On her phone she corrects the decision and takes the welcome off the agenda.
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#meeting-decisions .item-tools a").first.click()
    page.locator("#id_text").fill("We werken met de rekenketting tot twintig.")
    check_accessibility(page)
    _submit(page)
    expect(messages).to_have_text(dutch("The decision was changed."))
    expect(page.locator("#meeting-decisions li").first).to_contain_text("tot twintig")
    welcome = page.locator("#meeting-agenda tbody tr").filter(has_text="Welkom en leerdoel")
    welcome.locator(".confirm-remove summary").click()
    check_accessibility(page)
    welcome.get_by_role("button", name=dutch("Yes, remove it")).click()
    expect(page.locator("#meeting-agenda [role=status]")).to_have_text(
        dutch("The agenda item was removed.")
    )
    expect(page.locator("#meeting-agenda tbody tr")).to_have_count(1)
    assert list(meeting.agenda.values_list("title", flat=True)) == ["Casusleerlingen kiezen"]
    page.set_viewport_size({"width": 1280, "height": 800})
    _log_out(page)

    # The coach moves the group on to the next phase and publishes the lesson design.
    login_as(page, coach, next_url=plg_url)
    page.locator("#id_conclusion").fill("Leerdoel gekozen, drie casusleerlingen.")
    _submit(page, f"form[action='{plg_url}advance/']")
    expect(messages).to_have_text(
        dutch("On to the next phase: %(phase)s.", phase="De onderzoeksles plannen")
    )
    expect(page.locator(".cycle__step--current")).to_contain_text("De onderzoeksles plannen")
    page.locator(f"main a[href='{plg_url}products/new/']").click()
    page.locator("#id_kind").select_option("lesson_design")
    page.locator("#id_title").fill("Onderzoeksles tellen met de rekenketting")
    page.locator("#id_summary").fill("Lesontwerp met voorspellingen per casusleerling.")
    page.locator("#id_subject").fill("wiskunde")
    page.locator("#id_grade").fill("3e kleuterklas")
    page.locator("#id_tags").fill("tellen, rekenketting")
    check_accessibility(page)
    _submit(page)
    product = Product.objects.get()
    expect(messages).to_have_text(
        dutch("“%(title)s” was published for your colleagues.", title=product.title)
    )
    assert product.phase == "plan"
    _log_out(page)

    # A colleague of another team finds the lesson design and says thanks.
    login_as(page, sara, next_url=f"/o/{slug}/plg/")
    page.locator(f"main a[href='/o/{slug}/products/']").click()
    page.locator("#id_subject").fill("wiskunde")
    _submit(page, "form[role=search]")
    card = page.locator(".card").filter(has_text=product.title)
    expect(card).to_have_count(1)
    check_accessibility(page)
    card.locator(f"#reactions-{product.pk} button").first.click()
    expect(card.locator(f"#reactions-{product.pk} .badge").first).to_have_text(
        dutch("You said thanks")
    )
    assert ProductReaction.objects.filter(product=product, user=sara.user, kind="thanks").exists()
    check_accessibility(page)
