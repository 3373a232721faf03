"""Editing a map step by step: add, insert after, move, delete, note a pain point; by HTMX the
map's body comes back, without script the map page."""

from django.urls import reverse

from valuestreams.models import PainPoint, Step


def _url(name, value_stream, **kwargs):
    kwargs = {"slug": value_stream.organisation.slug, "pk": value_stream.pk, **kwargs}
    return reverse(f"valuestreams:{name}", kwargs=kwargs)


def _names(value_stream):
    return list(value_stream.steps.order_by("position").values_list("name", flat=True))


STEP = {
    "add-name": "Dossier opvragen bij de vorige school",
    "add-actor": "zorgcoördinator",
    "add-process_time": "1,5",
    "add-process_unit": "hours",
    "add-waiting_time": "3",
    "add-waiting_unit": "days",
    "add-position": "",
}


def test_the_map_page_form_adds_a_step_at_the_end_by_htmx(intake, coach, login):
    response = login(coach).post(_url("step_add", intake), STEP, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.strip().startswith('<div id="map-body"')
    assert "Stap “Dossier opvragen bij de vorige school” is toegevoegd." in body
    step = intake.steps.get(name__startswith="Dossier")
    assert (step.position, step.process_minutes, step.waiting_minutes) == (4, 90, 3 * 1440)
    assert (step.process_unit, step.actor) == ("hours", "zorgcoördinator")


def test_bad_times_come_back_in_dutch_and_nothing_is_written(intake, leader, login):
    data = STEP | {"add-process_time": "-1", "add-waiting_time": "drie"}
    response = login(leader).post(_url("step_add", intake), data, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Een tijd kan niet negatief zijn." in body
    assert "Geef de tijd als een getal, bijvoorbeeld 2 of 1,5." in body
    assert "De stap is niet bewaard" in body
    assert intake.steps.count() == 3
    response = login(leader).post(_url("step_add", intake), data)  # without script
    assert response.status_code == 200
    assert "Een tijd kan niet negatief zijn." in response.content.decode()
    assert intake.steps.count() == 3


def test_insert_after_a_step_preselects_its_place(intake, leader, login):
    first = intake.steps.get(position=1)
    client = login(leader)
    page = client.get(_url("step_add", intake) + f"?after={first.pk}").content.decode()
    assert '<option value="2" selected>na 1. Aanmelding door de ouders</option>' in page
    data = {key.removeprefix("add-"): value for key, value in STEP.items()} | {"position": "2"}
    response = client.post(_url("step_add", intake), data)
    assert response.status_code == 302
    assert _names(intake)[1] == "Dossier opvragen bij de vorige school"


def test_moving_by_htmx_keeps_the_focus_on_the_moved_step(intake, leader, login):
    first = intake.steps.get(position=1)
    client = login(leader)
    response = client.post(
        _url("step_move", intake, step=first.pk), {"direction": "down"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "“Aanmelding door de ouders” is omlaag verplaatst." in body
    assert f'id="move-down-{first.pk}" autofocus' in " ".join(body.split())
    assert _names(intake)[:2] == ["Intakegesprek", "Aanmelding door de ouders"]
    response = client.post(_url("step_move", intake, step=first.pk), {"direction": "up"})
    assert response.url == _url("map_detail", intake) + f"#step-{first.pk}"
    assert _names(intake)[0] == "Aanmelding door de ouders"


def test_deleting_asks_first_and_removes_the_step(intake, leader, login):
    client = login(leader)
    page = client.get(_url("map_detail", intake)).content.decode()
    assert "De stap “Intakegesprek” met haar knelpunten verwijderen?" in page
    step = intake.steps.get(position=2)
    response = client.post(_url("step_delete", intake, step=step.pk))
    assert response.status_code == 302
    assert _names(intake) == ["Aanmelding door de ouders", "Eerste schooldag voorbereiden"]
    assert not PainPoint.objects.exists()
    assert client.get(_url("step_delete", intake, step=step.pk)).status_code == 405


def test_a_step_is_edited_in_its_own_units(intake, leader, login):
    step = intake.steps.get(position=2)
    client = login(leader)
    page = client.get(_url("step_edit", intake, step=step.pk)).content.decode()
    assert 'value="7"' in page
    data = {
        "name": "Intakegesprek met ouders",
        "actor": "directeur",
        "process_time": "1",
        "process_unit": "hours",
        "waiting_time": "2",
        "waiting_unit": "days",
        "value_adding": "on",
    }
    assert client.post(_url("step_edit", intake, step=step.pk), data).status_code == 302
    step.refresh_from_db()
    assert (step.name, step.waiting_minutes, step.value_adding) == (
        "Intakegesprek met ouders",
        2880,
        True,
    )


def test_a_pain_point_is_noted_and_an_empty_one_refused(intake, leader, login):
    step = intake.steps.get(position=1)
    client = login(leader)
    url = _url("pain_point_add", intake, step=step.pk)
    response = client.post(url, {"description": ""}, HTTP_HX_REQUEST="true")
    assert "Beschrijf het knelpunt." in response.content.decode()
    client.post(url, {"description": "Het formulier is enkel op papier."})
    assert list(step.pain_points.values_list("description", flat=True)) == [
        "Het formulier is enkel op papier."
    ]


def test_a_step_of_another_map_is_404(intake, leader, login, school):
    from valuestreams import services

    other = services.map_create(organisation=school, process="Ander", kind="core", actor=None)
    foreign = services.step_add(value_stream=other, name="Elders")
    url = _url("step_move", intake, step=foreign.pk)
    assert login(leader).post(url, {"direction": "up"}).status_code == 404
    assert Step.objects.get(pk=foreign.pk).position == 1
