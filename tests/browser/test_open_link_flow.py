"""A school leader opens a parents' link for a survey; two parents answer on their phones
without an account, a second answer from one phone is refused, and the report shows the
parents as a group once the round is closed. Runs with the harness of
tests/browser/conftest.py."""

import datetime

from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from surveys import services
from surveys.answering import questions_for_kind
from surveys.loader import load_all
from surveys.models import InstrumentVersion, OpenLink, Response

from .conftest import PHONE


def _answer_everything(phone, dutch):
    labels = phone.locator("fieldset.question .scale-option:has(input[value='4'])")
    for index in range(labels.count()):
        labels.nth(index).click()
    phone.get_by_role("button", name=dutch("Submit my answers")).click()


def test_parents_answer_through_one_open_link_once_per_phone(
    page, phone_page, browser, live_server, login_as, leader, check_accessibility, dutch
):
    load_all()
    today = timezone.localdate()
    survey = services.survey_create(
        organisation=leader.organisation,
        version=InstrumentVersion.objects.get(instrument__code="teampols"),
        title="Oudervragenlijst",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
        rater_groups=["parents"],
    )
    slug = leader.organisation.slug

    login_as(page, leader)
    page.goto(f"/o/{slug}/surveys/{survey.pk}/")
    links = page.locator("section[aria-labelledby=open-links]")
    links.locator("button[name=action][value=open]").click()
    expect(page.locator(".message--success")).to_be_visible()
    address = links.locator("input.open-link-url")
    expect(address).to_be_visible()
    check_accessibility(page)
    url = address.input_value()
    assert url.endswith(f"/s/open/{OpenLink.objects.get().token}/")

    # The first parent keeps the page open in a second tab, answers in the first, and then
    # tries to send the second tab as well.
    phone_page.goto(url)
    expect(phone_page.locator("h1")).to_have_text("Oudervragenlijst")
    check_accessibility(phone_page)
    second_tab = phone_page.context.new_page()
    second_tab.goto(url)
    _answer_everything(phone_page, dutch)
    expect(phone_page.get_by_role("heading", name=dutch("Thank you!"))).to_be_visible()
    check_accessibility(phone_page)
    _answer_everything(second_tab, dutch)
    expect(second_tab.locator(".message--warning")).to_contain_text(
        dutch("This device already answered this survey. Nothing was stored.")
    )
    second_tab.close()
    assert Response.objects.filter(status="submitted").count() == 1

    # The second parent, on another phone.
    other = browser.new_context(
        base_url=live_server.url, viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-BE"
    )
    try:
        second_phone = other.new_page()
        second_phone.goto(url)
        check_accessibility(second_phone)
        _answer_everything(second_phone, dutch)
        expect(second_phone.get_by_role("heading", name=dutch("Thank you!"))).to_be_visible()
    finally:
        other.close()

    # A third parent makes the group large enough to be shown on its own.
    link = OpenLink.objects.get()
    items, _questions = questions_for_kind(survey.version, "parents")
    data = {"round": str(link.round_id), "action": "submit"}
    data.update({f"i{item.pk}": "3" for item in items})
    assert Client().post(f"/s/open/{link.token}/", data).status_code == 200
    assert Response.objects.filter(status="submitted", rater_group__kind="parents").count() == 3

    page.goto(f"/o/{slug}/surveys/{survey.pk}/")
    page.get_by_role("link", name=dutch("Close this round now")).click()
    page.get_by_role("button", name=dutch("Yes, close the round")).click()
    page.get_by_role("link", name=dutch("View the report")).click()
    who = page.locator("section[aria-labelledby=who]")
    parents = who.locator("tbody tr").filter(has_text=dutch("parents"))
    expect(parents.locator("td")).to_have_text("3")
    check_accessibility(page)
