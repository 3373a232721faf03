import datetime

import pytest
from django.utils import timezone

from organisations.models import Membership
from organisations.tests.factories import MembershipFactory
from surveys import services
from surveys.loader import load_all
from surveys.models import InstrumentVersion


@pytest.fixture
def instruments(db):
    load_all()
    return {v.instrument.code: v for v in InstrumentVersion.objects.select_related("instrument")}


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def survey_360(instruments, school, leader, today):
    """A 360° about the school's leader, created by them, open for two weeks."""
    return services.survey_create(
        organisation=school,
        version=instruments["gedeeld-leiderschap-360"],
        title="360° september",
        subject=leader,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
    )


@pytest.fixture
def pulse(instruments, school, leader, today):
    return services.survey_create(
        organisation=school,
        version=instruments["teampols"],
        title="Teampols",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
    )


@pytest.fixture
def teachers(school):
    return [
        MembershipFactory(organisation=school, role=Membership.Role.STAFF, function="leerkracht")
        for _ in range(5)
    ]
