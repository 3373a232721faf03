import pytest
from django.utils import translation

from organisations.access import get_access
from vision import services
from vision.models import VisionProcess


@pytest.fixture
def leader_access(leader):
    return get_access(leader.user, leader.organisation.slug)


@pytest.fixture
def process(school, leader, leader_access):
    with translation.override("nl-be"):
        return services.process_create(
            organisation=school,
            access=leader_access,
            title="Onze visie 2027",
            question="Wat moet elk kind meenemen als het onze school verlaat?",
            points=10,
            threshold=3,
            actor=leader.user,
        )


@pytest.fixture
def groups(process):
    return {group.kind: group for group in process.groups.all()}


def move(process, leader, *phases):
    access = get_access(leader.user, leader.organisation.slug)
    for phase in phases:
        process = services.phase_advance(process=process, access=access, to=phase, actor=None)
    return process


Phase = VisionProcess.Phase
