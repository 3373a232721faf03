import pytest

from .world import build_person_world


@pytest.fixture
def world(school, team):
    return build_person_world(school=school, team=team)
