"""A user's memberships: which ones count, and how often they are read."""

import pytest

from organisations.access import user_memberships
from organisations.tests.factories import (
    MembershipFactory,
    ProviderFactory,
    SchoolFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    user = UserFactory()
    # A school in a community, a provider without a parent, and a membership that ended.
    MembershipFactory(user=user, organisation=SchoolFactory(name="Zonnebloem"))
    MembershipFactory(user=user, organisation=ProviderFactory(name="Anker"), role="trainer")
    MembershipFactory(user=user, organisation=SchoolFactory(name="Berk"), is_active=False)
    MembershipFactory(organisation=SchoolFactory(name="Appel"))  # someone else's
    return user


def test_the_active_memberships_by_organisation_name_with_their_community(user):
    memberships = user_memberships(user)
    assert [m.organisation.name for m in memberships] == ["Anker", "Zonnebloem"]
    assert memberships[0].organisation.parent is None


def test_the_memberships_of_a_request_are_read_once(user, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert user_memberships(user) == user_memberships(user)
        assert user_memberships(user)[1].organisation.parent is not None
