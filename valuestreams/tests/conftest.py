import pytest

from organisations.models import Membership
from organisations.tests.factories import MembershipFactory
from valuestreams import services


@pytest.fixture
def coach(school):
    return MembershipFactory(organisation=school, role=Membership.Role.COACH)


@pytest.fixture
def intake(school, leader):
    """The pupil intake as it is today: three steps, a pain point on the longest wait."""
    value_stream = services.map_create(
        organisation=school, process="Inschrijving nieuwe leerling", kind="core", actor=leader.user
    )
    for name, process, waiting, value_adding in [
        ("Aanmelding door de ouders", 20, 2 * 1440, False),
        ("Intakegesprek", 60, 7 * 1440, True),
        ("Eerste schooldag voorbereiden", 90, 1440, True),
    ]:
        services.step_add(
            value_stream=value_stream,
            name=name,
            actor="secretariaat",
            process_minutes=process,
            process_unit="minutes",
            waiting_minutes=waiting,
            waiting_unit="days",
            value_adding=value_adding,
        )
    step = value_stream.steps.get(position=2)
    services.pain_point_add(
        step=step, description="Ouders wachten een week op een gesprek.", actor=leader.user
    )
    return value_stream
