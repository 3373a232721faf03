"""The list selectors read with plain SQL; each must give what the ORM query it stands for
gives: the same people and teams, in the same order, searched and cut into pages alike."""

import pytest
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import translation

from organisations import selectors
from organisations.models import Membership, TeamMembership
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
    """A school of people with awkward names, two who left, and team links of all kinds."""
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


def _orm_people(school, query=""):
    """The staff list's ORM query before it was written in SQL."""
    people = school.memberships.filter(is_active=True).order_by(
        "user__last_name", "user__first_name", "pk"
    )
    for word in query.split()[:5]:
        people = people.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
            | Q(function__icontains=word)
        )
    return people.select_related("user")


@pytest.mark.parametrize(
    "query", ["", "peeters", "PEETERS jan", "zorg", "100%", "_", "%", "school.test", "niemand"]
)
def test_people_list_finds_what_the_orm_query_finds(school, staff, leader, outsider, query):
    rows = selectors.people_list(organisation=school, query=query)
    expected = _orm_people(school, query)
    assert rows.count() == len(rows) == expected.count()
    assert [row["id"] for row in rows[0:100]] == [m.pk for m in expected]


def test_people_rows_carry_names_roles_and_teams_home_first(school, team, staff):
    griet = staff[0]
    with translation.override("nl-be"):
        rows = {row["id"]: row for row in selectors.people_list(organisation=school)[0:50]}
    row = rows[griet.pk]
    assert row["name"] == str(griet.user) == "Griet Vermeulen"
    assert (row["role"], row["role_label"]) == ("staff", "personeelslid")
    assert [(t["name"], t["is_home"]) for t in row["teams"]] == [
        ("Kleuterbouw", True),
        ("Aaa-werkgroep", False),
    ]
    assert (row["home_team"], row["other_teams"]) == ("Kleuterbouw", "Aaa-werkgroep")
    nameless = staff[3]
    assert rows[nameless.pk]["name"] == nameless.user.email == str(nameless.user)
    assert rows[staff[5].pk]["home_team"] == ""
    assert rows[staff[5].pk]["other_teams"] == "Kleuterbouw"


def test_person_row_matches_the_list_row(school, staff):
    griet = Membership.objects.select_related("user").get(pk=staff[0].pk)
    listed = next(
        row for row in selectors.people_list(organisation=school)[0:50] if row["id"] == griet.pk
    )
    assert selectors.person_row(membership=griet) == listed


def test_people_pages_cut_like_the_paginator_cuts_the_orm_query(school):
    MembershipFactory.create_batch(12, organisation=school)
    expected = Paginator(_orm_people(school), 5)
    rows = Paginator(selectors.people_list(organisation=school), 5)
    assert rows.count == expected.count == 12
    for number in expected.page_range:
        assert [r["id"] for r in rows.page(number)] == [m.pk for m in expected.page(number)]
    assert rows.get_page(99).number == 3
    assert selectors.people_list(organisation=school)[4:4] == []


def test_people_list_reads_a_page_and_its_teams_in_two_queries(
    school, staff, django_assert_num_queries
):
    with django_assert_num_queries(2):
        selectors.people_list(organisation=school)[0:50]


def test_team_list_counts_and_orders_like_the_orm(school, team, staff, outsider):
    TeamFactory(organisation=school, name="Zorgteam")  # no members
    TeamFactory(organisation=outsider.organisation, name="Buurschool")
    expected = school.teams.annotate(
        members=Count("team_memberships"),
        homes=Count("team_memberships", filter=Q(team_memberships__is_home=True)),
    ).order_by("name")
    cards = selectors.team_list(organisation=school)[0:50]
    assert [(c.pk, c.name, c.mission, c.member_count, c.home_count) for c in cards] == [
        (t.pk, t.name, t.mission, t.members, t.homes) for t in expected
    ]
    assert selectors.team_list(organisation=school).count() == 3


def test_team_preview_names_the_first_eight_home_members_first(school, team):
    guests = [TeamMembershipFactory(team=team).membership for _ in range(3)]
    homes = [TeamMembershipFactory(team=team, is_home=True).membership for _ in range(7)]
    empty = TeamFactory(organisation=school, name="Zzz-leeg")
    cards = {c.pk: c for c in selectors.team_list(organisation=school)[0:50]}
    ranked = sorted(homes, key=lambda m: (m.user.last_name, m.user.first_name)) + sorted(
        guests, key=lambda m: (m.user.last_name, m.user.first_name)
    )
    preview = cards[team.pk].members_preview
    assert [(p.name, p.is_home, p.team_id) for p in preview] == [
        (str(m.user), m in homes, team.pk) for m in ranked[: selectors.PREVIEW_MEMBERS]
    ]
    assert cards[team.pk].member_count == 10
    assert cards[empty.pk].members_preview == []


def test_the_api_team_list_reads_no_previews(school, team, staff, django_assert_num_queries):
    with django_assert_num_queries(1):
        cards = selectors.team_list(organisation=school, members_preview=False)[0:50]
    assert cards[0].members_preview == []


def test_team_members_match_the_orm_order(team, staff):
    expected = team.team_memberships.select_related("membership__user").order_by(
        "-is_home", "membership__user__last_name", "membership__user__first_name"
    )
    assert selectors.team_members(team=team) == [
        {
            "membership_id": link.membership_id,
            "name": str(link.membership.user),
            "function": link.membership.function,
            "is_home": link.is_home,
        }
        for link in expected
    ]


def test_team_candidates_are_active_colleagues_outside_the_team(school, team, staff, outsider):
    expected = (
        school.memberships.filter(is_active=True)
        .exclude(team_memberships__team=team)
        .order_by("user__last_name", "user__first_name", "pk")
        .select_related("user")
    )
    candidates = selectors.team_candidates(team=team)
    assert [(pk, name, function) for pk, name, function in candidates] == [
        (m.pk, str(m.user), m.function) for m in expected
    ]
    assert staff[0].pk not in {pk for pk, _name, _function in candidates}  # in the team
    assert not TeamMembership.objects.filter(team=team, membership=outsider).exists()


def test_row_pages_take_only_bounded_slices(school):
    people = selectors.people_list(organisation=school)
    for index in (0, slice(0, None), slice(0, 10, 2)):
        with pytest.raises(TypeError):
            people[index]
