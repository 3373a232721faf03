"""What the PLG list shows a reader: which PLG's, in which order, with which figures."""

import pytest

from communities import selectors
from communities.models import PLG
from communities.tests.factories import PLGFactory, PLGMemberFactory
from organisations.tests.factories import MembershipFactory, SchoolFactory

pytestmark = pytest.mark.django_db


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
def test_the_list_shows_what_the_reader_may_see_their_own_first(school, reader, plgs, see_all):
    found = selectors.plg_list(organisation=school, user=reader.user, see_all=see_all)
    names = [p.name for p in found[0:50]]
    assert found.count() == len(names)
    assert _seen(found[1:3]) == _seen(found[0:50])[1:3]
    # The reader's own PLG's first; closed-to-join and ended PLG's only for those who see all.
    assert names[:2] == ["Beta", "Gamma"] and found[0:1][0].organisation == school.parent
    assert [p.is_mine for p in found[0:50]][:3] == [True, True, False]
    assert ("Alfa" in names) is ("Zeta" in names) is see_all and "Iota" not in names
    assert "Eta" not in names and "Theta" not in names
    expected = {"Beta", "Gamma"} | ({"Alfa", "Zeta"} if see_all else set())
    assert set(names) == expected and names.count("Beta") == 2
    proposals = selectors.plg_proposals(organisation=school, user=reader.user, see_all=see_all)
    assert [p.name for p in proposals] == (["Delta", "Epsilon"] if see_all else ["Delta"])
    assert proposals[0].proposed_by == reader.user
    assert [p.member_count for p in found[0:50] if p == plgs["open"]] == [2]


def test_a_school_without_community_lists_its_own_plgs(reader, plgs):
    alone = SchoolFactory(parent=None)
    kappa = PLGFactory(organisation=alone, name="Kappa")
    found = selectors.plg_list(organisation=alone, user=reader.user, see_all=True)
    assert found.count() == 1
    assert _seen(found[0:50]) == [
        (kappa.pk, "Kappa", False, 0, alone.name, alone.slug, "", kappa.created_at)
    ]
