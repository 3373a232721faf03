"""The list selectors: who is listed, in which order, what a search finds, and in how many
queries."""

import pytest
from django.utils import translation

from organisations import selectors
from organisations.models import TeamMembership
from organisations.tests.factories import (
    MembershipFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
)


def _person(school, first_name, last_name, *, function="leerkracht", **kwargs):
    user = UserFactory(first_name=first_name, last_name=last_name)
    return MembershipFactory(organisation=school, user=user, function=function, **kwargs)


@pytest.fixture
def staff(school, team):
    """A school of people with awkward names, one who left, and team links of all kinds."""
    second = TeamFactory(organisation=school, name="Aaa-werkgroep")
    people = [
        _person(school, "Griet", "Vermeulen", function="zorgcoördinator"),
        _person(school, "Jan", "Peeters"),
        _person(school, "Émile", "Peeters"),  # same last name, sorts on the first name
        _person(school, "", "", function=""),  # no name: shown by email
        _person(school, "Sofie", "100%_Janssens"),  # LIKE wildcards in a name
        _person(school, "Wout", "<b>Verbeke</b>"),  # markup in a name
        _person(school, "Lies", "Oud", is_active=False),
    ]
    for person in people[:4]:
        TeamMembershipFactory(team=team, membership=person, is_home=True)
    TeamMembershipFactory(team=second, membership=people[0])
    TeamMembershipFactory(team=second, membership=people[4], is_home=True)
    TeamMembershipFactory(team=team, membership=people[5])
    TeamMembershipFactory(team=team, membership=people[6])
    return people


def _ids(people):
    return [m.pk for m in people]


def test_people_list_has_the_active_people_of_the_school_by_name(school, staff, leader, outsider):
    listed = list(selectors.people_list(organisation=school))
    assert staff[6].pk not in _ids(listed)  # left the school
    assert outsider.pk not in _ids(listed)
    names = [(m.user.last_name, m.user.first_name) for m in listed]
    assert names == sorted(names)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("peeters", [1, 2]),
        ("PEETERS jan", [1]),
        ("zorg", [0]),
        ("100%", [4]),  # wildcards are plain characters
        ("_jan", [4]),
        ("niemand", []),
    ],
)
def test_people_search_keeps_who_matches_every_word(school, staff, query, found):
    listed = selectors.people_list(organisation=school, query=query)
    assert sorted(_ids(listed)) == sorted(staff[i].pk for i in found)


def test_people_rows_carry_their_teams_home_first(school, team, staff):
    with translation.override("nl-be"):
        people = {m.pk: m for m in selectors.people_list(organisation=school)}
        griet = people[staff[0].pk]
        assert griet.get_role_display() == "personeelslid"
    assert [(tm.team.name, tm.is_home) for tm in griet.team_links] == [
        ("Kleuterbouw", True),
        ("Aaa-werkgroep", False),
    ]
    assert str(people[staff[3].pk].user) == staff[3].user.email


def test_people_list_reads_a_page_and_its_teams_in_two_queries(
    school, staff, django_assert_num_queries
):
    with django_assert_num_queries(2):
        list(selectors.people_list(organisation=school)[0:50])


def test_team_list_counts_members_and_home_members(school, team, staff, outsider):
    TeamFactory(organisation=school, name="Zorgteam")  # no members
    TeamFactory(organisation=outsider.organisation, name="Buurschool")
    teams = list(selectors.team_list(organisation=school))
    assert [(t.name, t.member_count, t.home_count) for t in teams] == [
        ("Aaa-werkgroep", 2, 1),
        ("Kleuterbouw", 6, 4),
        ("Zorgteam", 0, 0),
    ]


def test_team_preview_names_the_first_eight_home_members_first(school, team):
    guests = [TeamMembershipFactory(team=team).membership for _ in range(3)]
    homes = [TeamMembershipFactory(team=team, is_home=True).membership for _ in range(7)]
    empty = TeamFactory(organisation=school, name="Zzz-leeg")
    teams = {t.pk: t for t in selectors.team_list(organisation=school)}
    ranked = sorted(homes, key=lambda m: (m.user.last_name, m.user.first_name)) + sorted(
        guests, key=lambda m: (m.user.last_name, m.user.first_name)
    )
    preview = teams[team.pk].members_preview
    assert [(tm.membership_id, tm.is_home) for tm in preview] == [
        (m.pk, m in homes) for m in ranked[: selectors.PREVIEW_MEMBERS]
    ]
    assert teams[team.pk].member_count == 10
    assert teams[empty.pk].members_preview == []


def test_the_api_team_list_reads_no_previews(school, team, staff, django_assert_num_queries):
    with django_assert_num_queries(1):
        teams = list(selectors.team_list(organisation=school, members_preview=False)[0:50])
    assert not hasattr(teams[0], "members_preview")


def test_team_members_home_members_first_then_by_name(team, staff):
    members = [
        (not tm.is_home, tm.membership.user.last_name, tm.membership.user.first_name)
        for tm in selectors.team_members(team=team)
    ]
    assert members == sorted(members)
    assert [home for home, *_name in members] == [False] * 4 + [True] * 2


def test_team_candidates_are_active_colleagues_outside_the_team(school, team, staff, outsider):
    candidates = _ids(selectors.team_candidates(team=team))
    assert staff[4].pk in candidates
    assert staff[0].pk not in candidates  # in the team
    assert outsider.pk not in candidates
    assert not TeamMembership.objects.filter(team=team, membership=outsider).exists()
