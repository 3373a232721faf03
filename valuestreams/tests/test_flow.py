"""valuestreams.flow: the figures of a value stream, over plain steps."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from valuestreams import flow

HOUR, DAY = 60, 24 * 60


def _step(process, waiting, value_adding=False, name=""):
    return SimpleNamespace(
        process_minutes=process, waiting_minutes=waiting, value_adding=value_adding, name=name
    )


INTAKE = [
    _step(30, 2 * DAY, name="aanmelding"),
    _step(HOUR, 5 * DAY, True, name="intakegesprek"),
    _step(45, DAY, name="dossier"),
    _step(2 * HOUR, 0, True, name="eerste schooldag"),
]


def test_lead_time_is_process_plus_waiting_time():
    assert flow.process_time(INTAKE) == 30 + 60 + 45 + 120
    assert flow.waiting_time(INTAKE) == 8 * DAY
    assert flow.lead_time(INTAKE) == 255 + 8 * DAY
    assert flow.value_adding_time(INTAKE) == 180


def test_flow_efficiency_is_process_time_over_lead_time():
    assert flow.flow_efficiency(INTAKE) == pytest.approx(255 / (255 + 8 * DAY))
    assert flow.flow_efficiency([_step(10, 0)]) == 1
    assert flow.flow_efficiency([]) is None
    assert flow.flow_efficiency([_step(0, 0)]) is None
    assert flow.figures(INTAKE).efficiency_percent == 2


def test_the_longest_wait_is_the_first_of_equals_and_none_when_nothing_waits():
    assert flow.longest_wait(INTAKE).name == "intakegesprek"
    twins = [_step(0, 60, name="a"), _step(0, 60, name="b")]
    assert flow.longest_wait(twins).name == "a"
    assert flow.longest_wait([_step(10, 0)]) is None
    assert flow.longest_wait([]) is None


@pytest.mark.parametrize(
    "minutes, unit",
    [
        ([], "minutes"),
        ([0, 0], "minutes"),
        ([5, 20, 45], "minutes"),
        ([30, 90, 240], "hours"),
        ([3 * DAY, 2 * DAY, 4 * HOUR], "days"),
        ([20, 7 * DAY], "days"),
        # 5 minutes would read 0,00 days: hours keep it readable.
        ([5, 30 * DAY], "hours"),
        ([2, 3 * DAY], "hours"),
        ([1, 50], "minutes"),
    ],
)
def test_the_display_unit_is_the_largest_that_keeps_numbers_readable(minutes, unit):
    assert flow.display_unit(minutes) == unit


def test_a_map_is_shown_in_one_unit_for_its_steps_and_lead_time():
    assert flow.map_unit(INTAKE) == "days"
    assert flow.map_unit([_step(5, 2 * DAY)]) == "hours"
    assert flow.map_unit([_step(3 * HOUR, 2 * DAY), _step(DAY, DAY)]) == "days"


@pytest.mark.parametrize(
    "value, unit, minutes",
    [("2", "hours", 120), ("1,5", "days", 2160), ("0.25", "hours", 15), (3, "minutes", 3)],
)
def test_times_are_normalised_to_minutes(value, unit, minutes):
    assert flow.to_minutes(value, unit) == minutes


@pytest.mark.parametrize(
    "value, unit, reason",
    [("-1", "days", "negative"), ("twee", "hours", "number"), ("", "hours", "number")],
)
def test_negative_or_non_numeric_times_are_refused(value, unit, reason):
    with pytest.raises(flow.TimeError) as error:
        flow.to_minutes(value, unit)
    assert str(error.value) == reason


@pytest.mark.parametrize("value", ["nan", "inf"])
def test_infinite_or_not_a_number_is_refused(value):
    with pytest.raises(flow.TimeError):
        flow.to_minutes(value, "days")


@pytest.mark.parametrize("value", ["367", "1e400"])
def test_more_than_a_year_is_refused(value):
    with pytest.raises(flow.TimeError) as error:
        flow.to_minutes(value, "days")
    assert str(error.value) == "too_long"


def test_an_unknown_unit_is_refused():
    with pytest.raises(flow.TimeError):
        flow.to_minutes("1", "weeks")


def test_in_unit_gives_one_decimal():
    assert flow.in_unit(90, "hours") == Decimal("1.5")
    assert flow.in_unit(5, "hours") == Decimal("0.08")
    assert flow.in_unit(20, "days") == Decimal("0.01")


def test_the_change_in_lead_time_is_in_minutes_and_percent():
    assert flow.change(10 * DAY, 4 * DAY) == (-6 * DAY, -60)
    assert flow.change(0, 30) == (30, None)
