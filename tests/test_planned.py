"""A planned query gives the objects the ORM gives, in one query."""

import pytest

from core.planned import PlannedQuery
from organisations.models import Membership
from organisations.tests.factories import (
    MembershipFactory,
    ProviderFactory,
    SchoolFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MEMBERSHIPS = PlannedQuery(
    Membership,
    joins=(("membership", "organisation", "organisation"), ("organisation", "parent", "parent")),
    where=("user", "is_active"),
    order_by=(("organisation", "name"),),
)


def _fields(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


@pytest.fixture
def user():
    user = UserFactory()
    # A school in a community, a provider without a parent, and a membership that ended.
    MembershipFactory(user=user, organisation=SchoolFactory(name="Zonnebloem"))
    MembershipFactory(user=user, organisation=ProviderFactory(name="Anker"), role="trainer")
    MembershipFactory(user=user, organisation=SchoolFactory(name="Berk"), is_active=False)
    MembershipFactory(organisation=SchoolFactory(name="Appel"))  # someone else's
    return user


def test_it_reads_what_the_orm_reads_with_related_objects_and_order(
    user, django_assert_num_queries
):
    expected = list(
        Membership.objects.filter(user=user, is_active=True)
        .select_related("organisation", "organisation__parent")
        .order_by("organisation__name")
    )
    with django_assert_num_queries(1):
        found = MEMBERSHIPS.all(user.pk, True)
        assert [m.organisation.name for m in found] == ["Anker", "Zonnebloem"]
        for want, got in zip(expected, found, strict=True):
            assert _fields(got) == _fields(want)  # dates and booleans converted alike
            assert _fields(got.organisation) == _fields(want.organisation)
            if want.organisation.parent is None:
                assert got.organisation.parent is None  # a LEFT JOIN, set to None
            else:
                assert _fields(got.organisation.parent) == _fields(want.organisation.parent)
    assert not found[0]._state.adding  # loaded from the database, saved as an update


def test_first_is_none_without_a_match(user):
    assert MEMBERSHIPS.first(user.pk + 1000, True) is None
    assert MEMBERSHIPS.first(user.pk, False).organisation.name == "Berk"


def test_an_id_beyond_what_the_database_stores_matches_nothing(user):
    # Typed into a URL, it must give a 404, not a database error.
    assert MEMBERSHIPS.all(2**64, True) == []
    assert MEMBERSHIPS.first(-(2**64), True) is None
