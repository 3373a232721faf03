"""A school leader drags an item of their own instrument to the top of its dimension, and a
dimension above another; the order the server keeps is the one shown. The action board drags
its cards with the same script. Runs with the harness of tests/browser/conftest.py."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from development.models import Action, Goal
from surveys import builder


def _codes(version):
    return list(version.items.order_by("position").values_list("code", flat=True))


def test_leader_drags_an_item_and_a_dimension_in_the_builder(
    page, login_as, leader, check_accessibility, dutch
):
    instrument = builder.instrument_create(organisation=leader.organisation, title_nl="Pols")
    version = builder.latest_version(instrument)
    scale = version.scales.get()
    team = builder.dimension_save(instrument=instrument, title_nl="Ons team").row
    for code in ("doelen", "overleg", "steun"):
        builder.item_save(
            instrument=instrument, dimension=team, scale=scale, code=code, text_nl=f"Over {code}."
        )
    pupils = builder.dimension_save(instrument=instrument, title_nl="Onze leerlingen").row
    builder.item_save(
        instrument=instrument, dimension=pupils, scale=scale, code="kind", text_nl="Elk kind."
    )
    steun, doelen = version.items.get(code="steun"), version.items.get(code="doelen")
    slug = leader.organisation.slug

    # Tall enough for the whole list: a drag that has to scroll the page starts where the
    # scrolling left the pointer, in Chromium driven by Playwright.
    page.set_viewport_size({"width": 1280, "height": 2000})
    login_as(page, leader)
    page.goto(f"/o/{slug}/surveys/instruments/{instrument.pk}/")
    check_accessibility(page)
    items = page.locator(f"#dimension-{team.pk} .builder-items > li")
    expect(items.first).to_have_id(f"item-{doelen.pk}")

    page.locator(f"#item-{steun.pk}").drag_to(page.locator(f"#item-{doelen.pk}"))
    expect(items.first).to_have_id(f"item-{steun.pk}")
    expect(page.get_by_role("status").first).to_have_text(dutch("Moved."))
    assert _codes(version) == ["steun", "doelen", "overleg", "kind"]

    # An item dropped on another dimension's item stays in its own dimension.
    kind = version.items.get(code="kind")
    page.locator(f"#item-{kind.pk}").drag_to(page.locator(f"#item-{steun.pk}"))
    expect(items.first).to_have_id(f"item-{steun.pk}")
    expect(page.locator(f"#dimension-{pupils.pk} #item-{kind.pk}")).to_be_visible()

    page.locator(f"#dimension-{pupils.pk} h3").drag_to(page.locator(f"#dimension-{team.pk} h3"))
    expect(page.locator("#builder-list .builder-dimension").first).to_have_id(
        f"dimension-{pupils.pk}"
    )
    assert _codes(version) == ["kind", "steun", "doelen", "overleg"]
    check_accessibility(page)


def test_the_action_board_drags_a_card_with_the_same_script(page, login_as, leader):
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
        deadline=timezone.localdate() + datetime.timedelta(days=30),
    )
    page.set_viewport_size({"width": 1280, "height": 1200})
    login_as(page, leader, f"/o/{school.slug}/ontwikkeling/plan/acties/bord/")
    page.locator(f"#action-{action.pk}").drag_to(page.locator(".board-column[data-status=check]"))
    expect(page.locator(f".board-column[data-status=check] #action-{action.pk}")).to_be_visible()
    action.refresh_from_db()
    # The drag sent the card's version with it, as the buttons do.
    assert (action.status, action.version) == ("check", 2)
