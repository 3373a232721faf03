"""A school leader maps the intake of a new pupil in three steps, by keyboard where it matters,
notes a pain point at the longest wait and sends it to the development points."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from development.models import DevelopmentPoint
from valuestreams.models import PainPoint, ValueStreamMap

STEPS = [
    ("Aanmelding door de ouders", "secretariaat", "20", "minutes", "2", "days"),
    ("Intakegesprek", "directeur", "1", "hours", "7", "days"),
    ("Eerste schooldag", "klasleerkracht", "3", "hours", "1", "days"),
]


def test_leader_maps_the_pupil_intake_and_sends_a_pain_point(
    page, login_as, leader, school, check_accessibility, dutch, add_map_step, htmx_settled
):
    slug = school.slug
    login_as(page, leader)
    page.goto(f"/o/{slug}/")
    page.locator(".main-nav summary", has_text=dutch("School development")).click()
    page.locator(f".main-nav a[href='/o/{slug}/value-streams/']").click()
    expect(page.locator("h1")).to_have_text(dutch("Value stream maps"))
    check_accessibility(page)

    page.locator("#id_process").fill("Inschrijving van een nieuwe leerling")
    page.locator("#id_kind").select_option("core")
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Make the map")).click()
    check_accessibility(page)

    # A time that is not a number is refused in Dutch, and nothing is added.
    page.locator("#id_add-name").fill("Aanmelding")
    page.locator("#id_add-process_time").fill("twintig")
    page.locator("#add-step ~ form button[type=submit]").click()
    expect(page.locator("#map-body")).to_contain_text(
        dutch("Enter the time as a number, for example 2 or 1,5.")
    )
    assert not ValueStreamMap.objects.get().steps.exists()

    for step in STEPS:
        add_map_step(page, *step)
    value_stream = ValueStreamMap.objects.get()
    assert list(value_stream.steps.order_by("position").values_list("name", flat=True)) == [
        s[0] for s in STEPS
    ]
    svg = page.locator("#map-body svg.vsm")
    expect(svg).to_contain_text("Intakegesprek")
    expect(svg).to_contain_text("7 dagen")  # the longest wait, said in words
    check_accessibility(page)

    # Move the last step up and back down by keyboard: the focus stays on the step's button.
    last = value_stream.steps.get(position=3)
    page.locator(f"#move-up-{last.pk}").focus()
    page.keyboard.press("Enter")
    status = page.locator(".vsm-status")
    expect(status).to_have_text(dutch("“%(step)s” moved up.", step="Eerste schooldag"))
    htmx_settled(page)
    expect(page.locator(f"#move-up-{last.pk}")).to_be_focused()
    assert value_stream.steps.get(pk=last.pk).position == 2
    page.keyboard.press("Tab")
    expect(page.locator(f"#move-down-{last.pk}")).to_be_focused()
    page.keyboard.press("Enter")
    # At the end there is no "down" any more: the focus goes to "up".
    expect(status).to_have_text(dutch("“%(step)s” moved down.", step="Eerste schooldag"))
    htmx_settled(page)
    expect(page.locator(f"#move-up-{last.pk}")).to_be_focused()
    assert value_stream.steps.get(pk=last.pk).position == 3

    # A pain point at the intake talk, the longest wait.
    talk = value_stream.steps.get(name="Intakegesprek")
    row = page.locator(f"#step-{talk.pk}")
    row.locator("summary", has_text=dutch("Note a pain point")).click()
    row.locator(f"#pain-new-{talk.pk}").fill("Ouders wachten een week op een gesprek.")
    row.get_by_role("button", name=dutch("Note it")).click()
    expect(page.locator("#map-body svg.vsm")).to_contain_text("⚠ Ouders wachten een")
    pain_point = PainPoint.objects.get()
    check_accessibility(page)

    send = page.locator(f"#pain-{pain_point.pk} form.vsm-inline button")
    expect(send).to_contain_text(dutch("To the development points"))
    send.click()
    expect(page.locator(f"#sent-{pain_point.pk}")).to_have_text(dutch("sent ✓"))
    expect(page.locator(f"#sent-{pain_point.pk}")).to_be_focused()
    check_accessibility(page)
    point = DevelopmentPoint.objects.get()
    assert (point.origin, point.source) == (pain_point, "value_stream_pain")

    # The development points show it, with the way back to the map.
    page.locator(".main-nav summary", has_text=dutch("School development")).click()
    page.locator(
        f".main-nav a[href='{reverse('development:point_list', kwargs={'slug': slug})}']"
    ).click()
    link = page.get_by_role("link", name=re.compile("Inschrijving van een nieuwe leerling"))
    expect(link).to_be_visible()
    check_accessibility(page)
    with page.expect_navigation():
        link.click()
    expect(page).to_have_url(
        re.compile(rf"/value-streams/{value_stream.pk}/#pain-{pain_point.pk}$")
    )

    # The future map, and the comparison.
    with page.expect_navigation():
        page.get_by_role("button", name=dutch("Make a future map")).click()
    check_accessibility(page)
    page.get_by_role("link", name=dutch("Compare with the current map")).click()
    expect(page.locator(".vsm-change")).to_contain_text(dutch("Lead time"))
    check_accessibility(page)
