"""Islands: which teams are connected through people, PLG's and meetings, which stand alone."""

import pytest

from communities.models import PLG, Attendance
from communities.tests.factories import MeetingFactory, PLGFactory, PLGMemberFactory
from organisations.models import Membership
from organisations.tests.factories import (
    MembershipFactory,
    SchoolFactory,
    TeamFactory,
    TeamMembershipFactory,
)
from teams import islands

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(school):
    """Five teams: A and B share a person, B and C a PLG with two meetings (one attended by
    both), D is only in a closed PLG with B, E has one person in a PLG of the school community
    with another school only."""
    w = type("World", (), {})()
    w.a, w.b, w.c, w.d, w.e = (
        TeamFactory(organisation=school, name=name) for name in ("A", "B", "C", "D", "E")
    )

    def person(team, **kwargs):
        return TeamMembershipFactory(team=team, is_home=True, **kwargs).membership

    w.both = person(w.a)
    TeamMembershipFactory(team=w.b, membership=w.both)
    w.alone_in_a = person(w.a)
    w.in_b, w.in_c, w.in_d, w.in_e = person(w.b), person(w.c), person(w.d), person(w.e)
    w.leader = MembershipFactory(organisation=school, role=Membership.Role.LEADER)
    TeamMembershipFactory(team=w.a, membership=w.leader, is_home=True)

    reading = PLGFactory(organisation=school, name="Begrijpend lezen")
    b_member = PLGMemberFactory(plg=reading, person=w.in_b)
    c_member = PLGMemberFactory(plg=reading, person=w.in_c)
    together, apart = MeetingFactory(plg=reading), MeetingFactory(plg=reading)
    Attendance.objects.create(meeting=together, member=b_member)
    Attendance.objects.create(meeting=together, member=c_member)
    Attendance.objects.create(meeting=apart, member=b_member)
    Attendance.objects.create(meeting=apart, member=c_member, present=False)

    closed = PLGFactory(organisation=school, name="Oud", status=PLG.Status.CLOSED)
    PLGMemberFactory(plg=closed, person=w.in_d)
    PLGMemberFactory(plg=closed, person=w.in_b)

    other_school = SchoolFactory(parent=school.parent)
    community = PLGFactory(organisation=school.parent, name="Over de scholen heen")
    PLGMemberFactory(plg=community, person=w.in_e)
    PLGMemberFactory(
        plg=community,
        person=TeamMembershipFactory(
            team=TeamFactory(organisation=other_school), is_home=True
        ).membership,
    )
    w.inactive = person(w.c, membership__is_active=False)
    return w


def _pair(result, one, two):
    names = {one.name, two.name}
    return next(c for c in result.connections if {c.team.name, c.other.name} == names)


def test_it_counts_shared_people_plgs_and_meetings_per_pair(school, world):
    result = islands.collaboration(organisation=school)
    ab, bc = _pair(result, world.a, world.b), _pair(result, world.b, world.c)
    assert (ab.people, ab.plgs, ab.meetings, ab.strength) == (1, [], 0, 1)
    assert (bc.people, bc.plgs, bc.meetings, bc.strength) == (0, ["Begrijpend lezen"], 1, 2)
    assert len(result.connections) == 2
    assert [c.strength for c in result.connections] == [2, 1]  # strongest first


def test_teams_without_any_connection_are_islands(school, world):
    result = islands.collaboration(organisation=school)
    assert [team.name for team in result.island_teams] == ["D", "E"]
    b = next(node for node in result.teams if node.team == world.b)
    assert [(link.other.name, link.connection.strength) for link in b.links] == [("C", 2), ("A", 1)]
    assert not b.is_island


def test_the_overview_finds_the_same_island_teams_in_one_query(
    school, world, django_assert_num_queries
):
    with django_assert_num_queries(1):
        found = islands.island_teams(organisation=school)
    assert found == islands.collaboration(organisation=school).island_teams == [world.d, world.e]
    PLGMemberFactory(plg=PLGFactory(organisation=school), person=world.in_d)  # alone in it
    assert islands.island_teams(organisation=school) == [world.d, world.e]
    TeamMembershipFactory(team=world.e, membership=world.alone_in_a)
    assert islands.island_teams(organisation=school) == [world.d]
    assert islands.collaboration(organisation=school).island_teams == [world.d]


def test_island_people_are_staff_only_in_their_home_team_and_no_active_plg(school, world):
    result = islands.collaboration(organisation=school)
    people = {item.pk for item in result.island_people}
    # in_d's only PLG is closed; the leader, the inactive person and in_e (a community PLG) not.
    assert people == {world.alone_in_a.pk, world.in_d.pk}
    homes = {item.pk: item.home_team for item in result.island_people}
    assert homes[world.in_d.pk] == world.d
    names = {item.pk: item.name for item in result.island_people}
    assert names[world.in_d.pk] == world.in_d.user.get_full_name()


def test_another_school_is_not_part_of_the_picture(school, world):
    other = SchoolFactory(parent=school.parent)
    result = islands.collaboration(organisation=other)
    assert result.teams == [] and result.connections == [] and result.island_people == []


def test_the_query_count_does_not_grow_with_teams(school, world, django_assert_num_queries):
    with django_assert_num_queries(4):
        islands.collaboration(organisation=school)
    for name in ("F", "G", "H"):
        team = TeamFactory(organisation=school, name=name)
        member = TeamMembershipFactory(team=team, is_home=True).membership
        TeamMembershipFactory(team=world.a, membership=member)
    with django_assert_num_queries(4):
        result = islands.collaboration(organisation=school)
    assert _pair(result, world.a, world.b).people == 1
    assert _pair(result, world.a, result.teams[-1].team).people == 1


def test_the_geometry_puts_teams_on_a_circle_and_widens_strong_connections(school, world):
    result = islands.collaboration(organisation=school)
    drawing = islands.geometry(result, width=400, height=400, radius=100)
    top, right = drawing.nodes[0], drawing.nodes[1]
    assert (top.x, top.y, top.anchor) == (200, 100, "middle")
    assert top.label_y < top.y  # the label sits outside the circle
    assert right.x > 200 and right.anchor == "start"
    for node in drawing.nodes:
        assert round(((node.x - 200) ** 2 + (node.y - 200) ** 2) ** 0.5) == 100
    assert [node.is_island for node in drawing.nodes] == [False, False, False, True, True]
    widths = {
        frozenset((e.connection.team.name, e.connection.other.name)): e.width for e in drawing.edges
    }
    assert widths[frozenset("BC")] == islands.MAX_STROKE
    assert widths[frozenset("AB")] == islands.MIN_STROKE
    edge = next(e for e in drawing.edges if e.connection.strength == 1)
    assert (edge.x1, edge.y1) == (top.x, top.y) and (edge.x2, edge.y2) == (right.x, right.y)


def test_a_school_with_one_team_draws_it_in_the_middle(school, team):
    drawing = islands.geometry(islands.collaboration(organisation=school), width=300, height=200)
    assert [(n.x, n.y, n.is_island) for n in drawing.nodes] == [(150, 100, True)]
    assert drawing.edges == []


def test_an_island_at_the_top_keeps_its_two_lines_above_the_circle(school):
    for name in ("A", "B"):
        TeamFactory(organisation=school, name=name)
    drawing = islands.geometry(islands.collaboration(organisation=school), width=400, height=400)
    top = drawing.nodes[0]
    assert top.is_island and top.label_y + 16 < top.y - islands.NODE_RADIUS


def test_a_plg_of_another_school_links_the_teams_of_our_people_in_it(school, world):
    """A person of this school may be in a PLG owned by another school of the community: that
    PLG and its meetings still link their teams here, as when every PLG member of the school
    was read; the other school's people in it, an inactive colleague and a colleague without
    a team link nothing."""
    other_school = SchoolFactory(parent=school.parent)
    theirs = PLGFactory(organisation=other_school, name="Rekenen samen")
    outsider = TeamMembershipFactory(team=TeamFactory(organisation=other_school), is_home=True)
    people = [world.alone_in_a, world.in_d, outsider.membership, world.inactive]
    without_team = MembershipFactory(organisation=school)
    members = [PLGMemberFactory(plg=theirs, person=person) for person in people + [without_team]]
    meeting = MeetingFactory(plg=theirs)
    for member in members:
        Attendance.objects.create(meeting=meeting, member=member)

    result = islands.collaboration(organisation=school)
    ad = _pair(result, world.a, world.d)
    assert (ad.people, ad.plgs, ad.meetings) == (0, ["Rekenen samen"], 1)
    assert len(result.connections) == 3  # A–B, B–C and now A–D; C (the inactive one) not
    assert [team.name for team in result.island_teams] == ["E"]
    assert islands.island_teams(organisation=school) == [world.e]
    assert result.island_people == []  # alone_in_a and in_d are in an active PLG now
