"""The PLG list's plain SQL gives what the ORM query it replaced gave."""

import pytest
from django.db.models import Exists, OuterRef, Q

from communities import selectors
from communities.models import PLG, PLGMember
from communities.selectors import _count
from communities.tests.factories import PLGFactory, PLGMemberFactory
from organisations.tests.factories import MembershipFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def _orm_list(organisation, user, see_all):
    condition = Q(organisation=organisation)
    if organisation.parent_id:
        condition |= Q(
            organisation_id=organisation.parent_id, is_open=True, status=PLG.Status.ACTIVE
        )
    mine = PLGMember.objects.filter(plg=OuterRef("pk"), person__user=user)
    qs = (
        PLG.objects.filter(condition)
        .select_related("organisation", "proposed_by")
        .annotate(member_count=_count(PLGMember), is_mine=Exists(mine))
    )
    if not see_all:
        qs = qs.filter(
            Q(is_open=True, status=PLG.Status.ACTIVE) | Q(is_mine=True) | Q(proposed_by=user)
        )
    # PLG names are unique per organisation only: the id settles ties between the school's
    # and its community's.
    return qs.order_by("-is_mine", "status", "name", "pk")


def _seen(plgs):
    return [
        (
            p.pk,
            p.name,
            p.is_mine,
            p.member_count,
            p.organisation.name,
            p.organisation.slug,
            str(p.proposed_by or ""),
            p.created_at,
        )
        for p in plgs
    ]


@pytest.fixture
def reader(school):
    return MembershipFactory(organisation=school)


@pytest.fixture
def plgs(school, reader):
    """PLG's of the school and its community in every state, some with the reader in them."""
    community = school.parent
    other = MembershipFactory(organisation=school)
    made = {
        "open": PLGFactory(organisation=school, name="Beta"),
        "closed_to_join": PLGFactory(organisation=school, name="Alfa", is_open=False),
        "mine_closed_to_join": PLGFactory(organisation=school, name="Gamma", is_open=False),
        "my_proposal": PLGFactory(
            organisation=school, name="Delta", status=PLG.Status.PROPOSED, proposed_by=reader.user
        ),
        "other_proposal": PLGFactory(
            organisation=school, name="Epsilon", status=PLG.Status.PROPOSED, proposed_by=other.user
        ),
        "ended": PLGFactory(organisation=school, name="Zeta", status=PLG.Status.CLOSED),
        "community_open": PLGFactory(organisation=community, name="Beta"),
        "community_closed_to_join": PLGFactory(organisation=community, name="Eta", is_open=False),
        "community_proposal": PLGFactory(
            organisation=community, name="Theta", status=PLG.Status.PROPOSED
        ),
        "elsewhere": PLGFactory(organisation=SchoolFactory(), name="Iota"),
    }
    PLGMemberFactory(plg=made["mine_closed_to_join"], person=reader)
    PLGMemberFactory(plg=made["community_open"], person=reader)
    PLGMemberFactory(plg=made["open"])
    PLGMemberFactory(plg=made["open"])
    return made


@pytest.mark.parametrize("see_all", [False, True])
def test_the_list_and_the_proposals_are_those_of_the_orm(school, reader, plgs, see_all):
    expected = _orm_list(school, reader.user, see_all)
    found = selectors.plg_list(organisation=school, user=reader.user, see_all=see_all)
    others = expected.exclude(status=PLG.Status.PROPOSED)
    assert found.count() == others.count()
    assert _seen(found[0:50]) == _seen(others)
    assert _seen(found[1:3]) == _seen(others[1:3])
    proposals = selectors.plg_proposals(organisation=school, user=reader.user, see_all=see_all)
    assert _seen(proposals) == _seen(expected.filter(status=PLG.Status.PROPOSED)[:50])
    names = [p.name for p in found[0:50]]
    # The reader's own PLG's first; closed-to-join and ended PLG's only for those who see all.
    assert names[:2] == ["Beta", "Gamma"] and found[0:1][0].organisation == school.parent
    assert ("Alfa" in names) is ("Zeta" in names) is see_all and "Iota" not in names
    assert [p.name for p in proposals] == (["Delta", "Epsilon"] if see_all else ["Delta"])
    assert [p.member_count for p in found[0:50] if p == plgs["open"]] == [2]


def test_a_school_without_community_lists_its_own_plgs(reader, plgs):
    alone = SchoolFactory(parent=None)
    PLGFactory(organisation=alone, name="Kappa")
    found = selectors.plg_list(organisation=alone, user=reader.user, see_all=True)
    assert _seen(found[0:50]) == _seen(_orm_list(alone, reader.user, True))
    assert found.count() == 1
