import pytest

from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, ProviderFactory

from .factories import EditionFactory, ProgrammeFactory


@pytest.fixture
def provider(db):
    return ProviderFactory(name="Pedagogische Begeleidingsdienst", slug="pbd")


@pytest.fixture
def trainer(provider):
    return MembershipFactory(organisation=provider, role=Membership.Role.TRAINER)


@pytest.fixture
def programme(provider, trainer):
    return ProgrammeFactory(
        provider=provider, trainer=trainer, code="EDU-101", title="Onderwijskundig leiderschap"
    )


@pytest.fixture
def edition(programme):
    return EditionFactory(programme=programme, capacity=4)
