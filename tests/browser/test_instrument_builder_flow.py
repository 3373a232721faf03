"""A school leader composes a five-item team pulse by keyboard in the instrument builder,
reorders it with "move up", looks at the phone preview and sends it as a survey. Runs with the
harness of tests/browser/conftest.py."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from surveys.models import Instrument, Survey

ITEMS = [
    ("doelen", "We werken aan onze eigen teamdoelen."),
    ("overleg", "Ons overleg levert iets op."),
    ("steun", "Ik kan op mijn collega's rekenen."),
    ("kinderen", "We bespreken wat elk kind nodig heeft."),
    ("rust", "Ik ervaar werkdruk die ik niet aankan."),
]


def _type_into(page, selector: str, text: str):
    field = page.locator(selector)
    field.focus()
    page.keyboard.type(text)


def test_leader_builds_a_five_item_pulse_by_keyboard_and_sends_it(
    page, login_as, leader, check_accessibility, dutch, tab_to
):
    slug = leader.organisation.slug
    login_as(page, leader)
    page.goto(f"/o/{slug}/surveys/")
    tab_to(page, page.locator(f"a[href='/o/{slug}/surveys/instruments/']"), max_tabs=80)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(dutch("Own instruments"))
    check_accessibility(page)

    _type_into(page, "#id_title_nl", "Teampols kleuterbouw")
    _type_into(page, "#id_title_en", "Team pulse")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/o/{slug}/surveys/instruments/\d+/$"))
    instrument = Instrument.objects.get(owner=leader.organisation)

    add_dimension = page.get_by_role("link", name=dutch("Add a dimension"))
    tab_to(page, add_dimension, max_tabs=80)
    page.keyboard.press("Enter")
    _type_into(page, "#id_title_nl", "Ons team")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    for code, text in ITEMS:
        # Each Enter below loads a page: wait for it, or the next step acts on the last one.
        page.get_by_role("link", name=dutch("Add an item")).first.focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        _type_into(page, "#id_text_nl", text)
        _type_into(page, "#id_code", code)
        if code == "rust":
            page.locator("#id_reverse").focus()
            page.keyboard.press("Space")
        page.locator("#id_code").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        expect(page.locator(".builder-items")).to_contain_text(text)
    check_accessibility(page)

    # "Move up" by keyboard: HTMX swaps the list and the focus stays on the moved item's
    # button.
    rust = instrument.versions.get().items.get(code="rust")
    move_up = page.locator(f"#move-item-{rust.pk}-up")
    tab_to(page, move_up, max_tabs=120)
    page.keyboard.press("Enter")
    expect(page.locator(".builder-items li").nth(3)).to_contain_text(ITEMS[4][1])
    expect(page.locator(f"#move-item-{rust.pk}-up")).to_be_focused()
    items = instrument.versions.get().items.order_by("position")
    codes = list(items.values_list("code", flat=True))
    assert codes == ["doelen", "overleg", "steun", "rust", "kinderen"]

    page.get_by_role("link", name=dutch("Preview on a phone")).click()
    check_accessibility(page)
    frame = page.frame_locator("iframe.phone-preview")
    expect(frame.locator("fieldset.question")).to_have_count(5)

    page.goto(f"/o/{slug}/surveys/new/")
    page.wait_for_load_state()
    version = instrument.versions.get()
    page.locator("#id_version").select_option(str(version.pk))
    today = timezone.localdate()
    page.locator("#id_opens_on").fill(today.isoformat())
    page.locator("#id_closes_on").fill((today + datetime.timedelta(days=14)).isoformat())
    check_accessibility(page)
    page.get_by_role("button", name=dutch("Create survey")).click()
    expect(page).to_have_url(re.compile(rf"/o/{slug}/surveys/\d+/$"))
    survey = Survey.objects.get()
    assert survey.version == version and survey.title == "Teampols kleuterbouw"
