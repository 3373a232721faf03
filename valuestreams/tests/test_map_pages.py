"""The maps list, a map's page with its drawing and table, the comparison and the PDF."""

import pytest
from django.urls import reverse

from core.tests.pdf import assert_shown_within_the_pages, pdf_page_png, pdf_pages_text
from valuestreams import services
from valuestreams.models import Step, ValueStreamMap


def _url(name, value_stream, **kwargs):
    kwargs = {"slug": value_stream.organisation.slug, "pk": value_stream.pk, **kwargs}
    return reverse(f"valuestreams:{name}", kwargs=kwargs)


def test_the_list_shows_each_map_with_its_lead_time_and_flow_efficiency(
    school, intake, staff_member, login
):
    page = login(staff_member).get(reverse("valuestreams:map_list", kwargs={"slug": school.slug}))
    text = page.content.decode()
    assert "Inschrijving nieuwe leerling" in text
    assert "10,1 dagen" in text  # 170 minutes and 10 days of waiting
    assert "1%" in text
    assert "Een proces in kaart brengen" not in text  # staff read, they do not make maps


def test_a_leader_makes_a_map_and_lands_at_its_first_step(school, leader, login):
    client = login(leader)
    response = client.post(
        reverse("valuestreams:map_create", kwargs={"slug": school.slug}),
        {"process": "Materiaal bestellen", "kind": "supporting"},
    )
    value_stream = ValueStreamMap.objects.get()
    assert response.url == _url("map_detail", value_stream) + "#add-step"
    assert (value_stream.kind, value_stream.version, value_stream.created_by) == (
        "supporting",
        "current",
        leader.user,
    )
    page = client.get(response.url).content.decode()
    assert "Deze kaart heeft nog geen stappen." in page


def test_the_map_page_draws_the_steps_marks_the_longest_wait_and_pain_points(
    intake, staff_member, login
):
    page = login(staff_member).get(_url("map_detail", intake)).content.decode()
    svg = " ".join(page[page.index("<svg") : page.index("</svg>")].split())
    assert svg.count('rx="6"') == 3  # a box per step
    assert "1. Aanmelding door" in svg
    assert "▲ Langste wachttijd: 7 dagen na “Intakegesprek”" in svg
    assert "⚠ Ouders wachten een" in svg and "week op een gesprek." in svg
    assert "✓ voegt waarde toe" in svg and "○ geen toegevoegde waarde" in svg
    # The table says the same in words.
    assert "▲ langste wachttijd" in page
    assert "Ouders wachten een week op een gesprek." in page
    assert "Naar de ontwikkelpunten" not in page  # staff do not send points
    assert "Stap toevoegen" not in page


def test_the_timeline_widths_follow_the_times(intake, leader, login):
    context = login(leader).get(_url("map_detail", intake)).context
    segments = [s for box in context["drawing"].boxes for s in box.segments]
    waits = [s.width for s in segments if s.kind == "wait"]
    assert waits[1] == pytest.approx(7 * waits[2], rel=0.01)
    assert sum(s.width for s in segments) == pytest.approx(context["drawing"].width - 24, abs=1)
    assert context["drawing"].longest.kind == "wait"


def test_a_future_map_is_compared_with_the_current_one(intake, leader, login):
    client = login(leader)
    response = client.post(_url("future_make", intake))
    future = ValueStreamMap.objects.get(version="future")
    assert response.url == _url("map_detail", future)
    step = future.steps.get(position=2)
    services.step_update(step=step, waiting_minutes=2 * 1440, waiting_unit="days")
    page = client.get(_url("map_compare", intake)).content.decode()
    assert "Doorlooptijd verandert met −5 dagen (−49%)" in " ".join(page.split())
    assert page.count("<svg") == 2
    assert client.get(_url("map_compare", future)).status_code == 200


def test_a_map_without_a_future_has_nothing_to_compare(intake, leader, login):
    assert login(leader).get(_url("map_compare", intake)).status_code == 404


def test_the_pdf_shows_the_map_and_its_steps(intake, staff_member, login, tmp_path):
    response = login(staff_member).get(_url("map_pdf", intake))
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert_shown_within_the_pages(
        pdf,
        ["Inschrijving nieuwe leerling", "Intakegesprek", "10,1 dagen", "langste wachttijd"],
    )
    assert "Ouders wachten een week op een gesprek." in " ".join(pdf_pages_text(pdf))
    pdf_page_png(pdf, tmp_path / "map.png")
    assert (tmp_path / "map.png").stat().st_size > 0


def test_outsiders_get_404_and_staff_cannot_edit(intake, staff_member, outsider, login):
    assert login(outsider).get(_url("map_detail", intake)).status_code == 404
    client = login(staff_member)
    assert client.get(_url("step_add", intake)).status_code == 403
    step = intake.steps.first()
    assert (
        client.post(_url("step_move", intake, step=step.pk), {"direction": "down"}).status_code
        == 403
    )
    assert Step.objects.get(pk=step.pk).position == 1


@pytest.mark.parametrize("rows", [3, 12])
def test_the_map_page_query_count_does_not_grow_with_its_steps(
    intake, leader, login, rows, django_assert_num_queries
):
    for index in range(rows - 3):
        step = services.step_add(value_stream=intake, name=f"Stap {index}", waiting_minutes=60)
        services.pain_point_add(step=step, description=f"Knelpunt {index}", actor=None)
    client = login(leader)
    client.get(_url("map_detail", intake))
    with django_assert_num_queries(7):
        client.get(_url("map_detail", intake))
