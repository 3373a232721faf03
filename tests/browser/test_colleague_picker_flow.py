"""A school leader registers a group: in a long colleague list she finds people by typing part
of their name, and ticks a whole team at once by choosing it."""

import pytest
from playwright.sync_api import expect

from networks.tests.factories import EditionFactory
from organisations.models import Membership
from organisations.tests.factories import (
    MembershipFactory,
    ProviderFactory,
    SchoolFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
)


@pytest.fixture
def school_with_a_team(db):
    school = SchoolFactory(name="Basisschool De Regenboog", slug="de-regenboog")
    leader = MembershipFactory(
        organisation=school,
        role=Membership.Role.LEADER,
        user=UserFactory(first_name="Katrien", last_name="Goossens"),
    )
    pieter = MembershipFactory(
        organisation=school, user=UserFactory(first_name="Pieter", last_name="Maes")
    )
    others = [
        MembershipFactory(
            organisation=school, user=UserFactory(first_name=name, last_name="Peeters")
        )
        for name in ("Sara", "Jonas", "Emma")
    ]
    team = TeamFactory(organisation=school, name="Kleuterbouw")
    for member in others[:2]:
        TeamMembershipFactory(team=team, membership=member)
    edition = EditionFactory(programme__provider=ProviderFactory(slug="leerbrug"))
    return leader, pieter, others, edition


def test_a_leader_searches_her_colleagues_and_ticks_a_team(
    page, login_as, check_accessibility, school_with_a_team
):
    leader, pieter, (sara, jonas, emma), edition = school_with_a_team
    login_as(page, leader, next_url=f"/catalogus/leerbrug/editie/{edition.pk}/inschrijven/")
    page.locator("details.colleagues summary").click()
    search = page.locator("#colleague-search")
    expect(search).to_be_visible()

    def row(member):
        return page.locator(f"#id_colleagues_{member.pk}")

    search.fill("maes")
    expect(row(pieter)).to_be_visible()
    expect(row(sara)).to_be_hidden()
    search.fill("")
    expect(row(sara)).to_be_visible()

    page.locator("#colleague-team").select_option(label="Kleuterbouw (Basisschool De Regenboog)")
    expect(row(sara)).to_be_checked()
    expect(row(jonas)).to_be_checked()
    expect(row(emma)).not_to_be_checked()
    expect(row(pieter)).not_to_be_checked()
    check_accessibility(page)
