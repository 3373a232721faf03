import pytest
from django.utils import translation

from competences import services
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory


@pytest.fixture
def framework(school):
    with translation.override("nl"):
        return services.starter_framework(school=school)


@pytest.fixture
def competence(framework):
    return framework.competences.get(code="ZORG")


@pytest.fixture
def coach(school):
    return MembershipFactory(organisation=school, role=Membership.Role.COACH, function="teamcoach")
