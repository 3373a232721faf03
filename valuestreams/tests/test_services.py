"""Writes of value stream maps: steps in order, moves, deletes, the future map, bad input."""

import pytest

from core.errors import LeerkringError
from development.models import DevelopmentPoint
from valuestreams import services
from valuestreams.forms import StepForm
from valuestreams.models import PainPoint, Step, ValueStreamMap

pytestmark = pytest.mark.django_db


def _names(value_stream):
    return list(value_stream.steps.order_by("position").values_list("name", flat=True))


def _positions(value_stream):
    return list(value_stream.steps.order_by("position").values_list("position", flat=True))


def _add(value_stream, name, position=None):
    return services.step_add(value_stream=value_stream, position=position, name=name)


def test_steps_are_added_at_the_end_at_the_start_or_after_a_step(intake):
    _add(intake, "Welkom")
    _add(intake, "Vooraanmelding", position=1)
    _add(intake, "Dossier opvragen", position=4)
    assert _names(intake) == [
        "Vooraanmelding",
        "Aanmelding door de ouders",
        "Intakegesprek",
        "Dossier opvragen",
        "Eerste schooldag voorbereiden",
        "Welkom",
    ]
    assert _positions(intake) == [1, 2, 3, 4, 5, 6]


def test_a_step_moves_up_and_down_and_stays_at_either_end(intake):
    first, second, third = intake.steps.order_by("position")
    assert services.step_move(step=third, direction="up")
    assert _names(intake)[1:] == ["Eerste schooldag voorbereiden", "Intakegesprek"]
    assert not services.step_move(step=first, direction="up")
    assert services.step_move(step=first, direction="down")
    assert _names(intake)[:2] == ["Eerste schooldag voorbereiden", "Aanmelding door de ouders"]
    last = intake.steps.get(position=3)
    assert not services.step_move(step=last, direction="down")
    with pytest.raises(LeerkringError):
        services.step_move(step=last, direction="sideways")


def test_deleting_a_step_closes_the_gap_and_takes_its_pain_points(intake):
    services.step_delete(step=intake.steps.get(position=2))
    assert _names(intake) == ["Aanmelding door de ouders", "Eerste schooldag voorbereiden"]
    assert _positions(intake) == [1, 2]
    assert not PainPoint.objects.exists()


def test_negative_times_are_refused_and_nothing_is_written(intake):
    with pytest.raises(LeerkringError):
        services.step_add(value_stream=intake, name="Fout", waiting_minutes=-5)
    step = intake.steps.get(position=1)
    with pytest.raises(LeerkringError):
        services.step_update(step=step, process_minutes=-1)
    assert intake.steps.count() == 3
    step.refresh_from_db()
    assert step.process_minutes == 20


def test_a_step_without_a_name_is_refused(intake):
    with pytest.raises(LeerkringError):
        services.step_add(value_stream=intake, name="")
    assert intake.steps.count() == 3


@pytest.mark.parametrize(
    "process_time, message",
    [
        ("-2", "Een tijd kan niet negatief zijn."),
        ("twee", "Geef de tijd als een getal, bijvoorbeeld 2 of 1,5."),
        ("400", "Een stap duurt of wacht hoogstens een jaar."),
    ],
)
def test_the_step_form_says_in_dutch_what_is_wrong_with_a_time(process_time, message):
    data = {"name": "Gesprek", "process_time": process_time, "process_unit": "days"}
    form = StepForm(data | {"waiting_time": "1", "waiting_unit": "days"})
    assert not form.is_valid()
    assert form.errors["process_time"] == [message]


def test_the_step_form_gives_minutes():
    data = {"name": "Gesprek", "process_time": "1,5", "process_unit": "hours"}
    form = StepForm(data | {"waiting_time": "2", "waiting_unit": "days"})
    assert form.is_valid(), form.errors
    assert (form.values()["process_minutes"], form.values()["waiting_minutes"]) == (90, 2880)


def test_the_step_form_shows_a_step_in_its_own_units(intake):
    step = intake.steps.get(position=2)
    form = StepForm(step=step)
    assert (form.initial["process_time"], form.initial["waiting_time"]) == ("60", "7")
    step.process_minutes, step.process_unit = 90, "hours"
    assert StepForm(step=step).initial["process_time"] == "1,5"


def test_a_future_map_copies_the_steps_once(intake, leader):
    future, created = services.future_map_make(current=intake, actor=leader.user)
    assert created
    assert (future.version, future.based_on, future.process) == ("future", intake, intake.process)
    assert _names(future) == _names(intake)
    assert not PainPoint.objects.filter(step__map=future).exists()
    again, created = services.future_map_make(current=intake, actor=leader.user)
    assert (again, created) == (future, False)
    with pytest.raises(LeerkringError):
        services.future_map_make(current=future, actor=leader.user)
    assert ValueStreamMap.objects.count() == 2


def test_a_pain_point_is_sent_once_linked_back_to_its_step(intake, leader):
    pain_point = PainPoint.objects.get()
    point, created = services.pain_point_send(
        pain_point=pain_point, actor=leader.user, anchor="/o/de-linde/value-streams/1/#pain-1"
    )
    assert created
    assert (point.origin, point.source, point.status) == (
        pain_point,
        "value_stream_pain",
        "proposed",
    )
    assert point.description == pain_point.description
    assert point.origin_label == "Inschrijving nieuwe leerling: Intakegesprek"
    again, created = services.pain_point_send(pain_point=pain_point, actor=leader.user, anchor="")
    assert (again, created) == (point, False)
    assert DevelopmentPoint.objects.count() == 1


def test_only_a_school_maps_its_processes(school, leader):
    with pytest.raises(LeerkringError):
        services.map_create(organisation=school.parent, process="X", kind="core", actor=None)
    with pytest.raises(LeerkringError):
        services.map_create(organisation=school, process="X", kind="guess", actor=None)
    assert not ValueStreamMap.objects.exists() and not Step.objects.exists()
