from django.urls import reverse

from organisations.tests.factories import MembershipFactory, TeamFactory, UserFactory


def url(name, school, **kwargs):
    return reverse(f"organisations:{name}", kwargs={"slug": school.slug, **kwargs})


def test_staff_list_is_searchable_by_name(login, staff_member, school):
    MembershipFactory(organisation=school, user=UserFactory(first_name="Griet", last_name="Maes"))
    MembershipFactory(organisation=school, user=UserFactory(first_name="Jan", last_name="Peeters"))
    response = login(staff_member).get(url("people_list", school), {"q": "maes"})
    content = response.content.decode()
    assert "Griet Maes" in content
    assert "Jan Peeters" not in content


def test_staff_list_search_by_function(login, staff_member, school):
    MembershipFactory(organisation=school, function="zorgcoördinator")
    response = login(staff_member).get(url("people_list", school), {"q": "zorg"})
    assert "zorgcoördinator" in response.content.decode()


def test_staff_list_is_paginated_by_fifty(login, staff_member, school):
    MembershipFactory.create_batch(60, organisation=school)
    client = login(staff_member)
    first = client.get(url("people_list", school))
    assert len(first.context["page"].object_list) == 50
    second = client.get(url("people_list", school), {"page": 2})
    assert len(second.context["page"].object_list) == 11


def test_htmx_search_returns_only_the_results_partial(login, staff_member, school):
    response = login(staff_member).get(
        url("people_list", school), {"q": ""}, headers={"HX-Request": "true"}
    )
    assert b"<html" not in response.content
    assert staff_member.user.email.encode() in response.content


def test_staff_list_query_count_does_not_grow(
    login, staff_member, school, django_assert_num_queries
):
    client = login(staff_member)
    with django_assert_num_queries(6) as small:
        client.get(url("people_list", school))
    MembershipFactory.create_batch(30, organisation=school)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url("people_list", school))


def test_staff_list_never_lists_another_school(login, staff_member, outsider, school):
    response = login(staff_member).get(url("people_list", school))
    assert outsider.user.email not in response.content.decode()


def test_person_detail_shows_the_home_team(login, staff_member, team):
    response = login(staff_member).get(url("person_detail", team.organisation, pk=staff_member.pk))
    assert response.status_code == 200
    assert team.name in response.content.decode()


def test_person_of_another_school_is_404(login, leader, outsider):
    response = login(leader).get(url("person_detail", leader.organisation, pk=outsider.pk))
    assert response.status_code == 404


def test_leader_sets_role_and_teams(login, leader, staff_member, team):
    second = TeamFactory(organisation=team.organisation)
    response = login(leader).post(
        url("person_edit", team.organisation, pk=staff_member.pk),
        {
            "person-role": "coach",
            "person-function": "procescoach",
            "teams-home_team": second.pk,
            "teams-other_teams": [team.pk],
        },
    )
    assert response.status_code == 302
    staff_member.refresh_from_db()
    assert (staff_member.role, staff_member.function) == ("coach", "procescoach")
    assert staff_member.team_memberships.get(is_home=True).team == second


def test_home_team_is_required_when_editing(login, leader, staff_member, team):
    response = login(leader).post(
        url("person_edit", team.organisation, pk=staff_member.pk),
        {"person-role": "staff", "person-function": "", "teams-home_team": ""},
    )
    assert response.status_code == 200
    assert staff_member.team_memberships.get(is_home=True).team == team


def test_a_team_of_another_school_cannot_become_home(login, leader, staff_member, team):
    foreign = TeamFactory()
    response = login(leader).post(
        url("person_edit", team.organisation, pk=staff_member.pk),
        {"person-role": "staff", "person-function": "", "teams-home_team": foreign.pk},
    )
    assert response.status_code == 200
    assert staff_member.team_memberships.get(is_home=True).team == team


def test_staff_member_cannot_edit_people(login, staff_member, team):
    response = login(staff_member).get(url("person_edit", team.organisation, pk=staff_member.pk))
    assert response.status_code == 403
