"""Charters and the decision matrix: who may write, what history is kept, what is unclear."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from core.errors import LeerkringError
from organisations.access import Access
from organisations.tests.factories import TeamFactory, TeamMembershipFactory
from teams import matrix, selectors, services
from teams.models import Decision, MissionVersion, Owner, TeamDecision

pytestmark = pytest.mark.django_db


def _access(membership):
    return Access(membership.organisation, membership.role, membership)


def _save(team, who, mission="Elk kind leest graag.", roles=None):
    return services.charter_save(
        team=team,
        access=_access(who),
        pupils="eerste graad, 1A–1C",
        mission=mission,
        meeting_rhythm="om de twee weken dinsdag",
        roles=roles or {},
        actor=who.user,
    )


def test_a_member_edits_their_own_charter_and_the_mission_history_is_kept(team, staff_member):
    link = team.team_memberships.get()
    _save(team, staff_member, "Eerste tekst", roles={link.pk: "zorgcontact"})
    _save(team, staff_member, "Tweede tekst", roles={link.pk: "zorgcontact"})
    _save(team, staff_member, "Tweede tekst")  # unchanged: no new version
    team.refresh_from_db()
    assert team.mission == "Tweede tekst"
    assert list(team.mission_versions.values_list("text", flat=True)) == [
        "Tweede tekst",
        "Eerste tekst",
        "Elk kind van de eerste graad leert lezen met plezier.",  # the team's text before
    ]
    assert selectors.charter_of(team).pupils == "eerste graad, 1A–1C"
    assert link.team_role.role == "zorgcontact"


def test_the_mission_written_before_the_charter_stays_in_the_history(team, staff_member):
    _save(team, staff_member, "Nieuwe tekst")
    assert list(team.mission_versions.values_list("text", flat=True)) == [
        "Nieuwe tekst",
        "Elk kind van de eerste graad leert lezen met plezier.",
    ]


def test_an_empty_role_removes_it(team, staff_member):
    link = team.team_memberships.get()
    _save(team, staff_member, roles={link.pk: "voorzitter"})
    _save(team, staff_member, roles={link.pk: " "})
    link.refresh_from_db()
    assert not hasattr(link, "team_role")


def test_a_member_of_another_team_may_not_edit_it(school, team, staff_member):
    other = TeamFactory(organisation=school, name="Lagere school")
    with pytest.raises(PermissionDenied):
        _save(other, staff_member)
    assert not MissionVersion.objects.exists()


def test_a_leader_edits_every_charter(school, team, leader):
    other = TeamFactory(organisation=school, name="Lagere school")
    _save(team, leader, "A")
    _save(other, leader, "B")
    assert MissionVersion.objects.count() == 4  # each team's earlier text and its new one


def test_a_role_for_someone_outside_the_team_is_refused(school, team, staff_member, leader):
    stranger = TeamMembershipFactory(team=TeamFactory(organisation=school))
    with pytest.raises(LeerkringError):
        _save(team, leader, "Nieuw", roles={stranger.pk: "spion"})


def test_a_school_gets_the_starter_list_once(school):
    created = services.starter_matrix(organisation=school)
    assert len(created) > 8
    assert {"Lesrooster", "Teambudget", "Aanwerving"} <= {d.name for d in created}
    assert services.starter_matrix(organisation=school) == []


def test_a_row_needs_a_name_and_a_unique_one(school, leader):
    with pytest.raises(LeerkringError) as error:
        services.decision_add(
            organisation=school, access=_access(leader), theme="Mensen", name=" ", actor=None
        )
    assert "naam" in error.value.message
    services.decision_add(
        organisation=school, access=_access(leader), theme="Mensen", name="Aanwerving", actor=None
    )
    with pytest.raises(LeerkringError):
        services.decision_add(
            organisation=school, access=_access(leader), theme="X", name="aanwerving", actor=None
        )
    assert Decision.objects.count() == 1


def test_staff_may_not_change_the_matrix(school, staff_member):
    with pytest.raises(PermissionDenied):
        services.decision_add(
            organisation=school, access=_access(staff_member), theme="T", name="N", actor=None
        )


def _grid(school, leader, decision, owner, teams, moved_on=None):
    decision = selectors.matrix_decisions(organisation=school)[0]
    return services.matrix_save(
        organisation=school,
        access=_access(leader),
        changes=[
            {
                "decision": decision,
                "owner": owner,
                "note": "",
                "moved_on": moved_on,
                "teams": teams,
            }
        ],
        actor=leader.user,
    )


def test_unclear_rows_no_owner_and_conflicts(school, team, leader):
    other = TeamFactory(organisation=school, name="Lagere school")
    decision = Decision.objects.create(organisation=school, theme="Mensen", name="Aanwerving")
    teams = selectors.matrix_teams(organisation=school)

    def row():
        return matrix.rows(selectors.matrix_decisions(organisation=school), teams)[0]

    assert row().no_owner and row().unclear
    # One team says it decides; the other still has no owner.
    _grid(school, leader, decision, "", {team.pk: Owner.TEAM, other.pk: ""})
    assert row().ownerless == [other] and row().unclear and row().moved_teams == [team]
    # The school says leadership: the team's own choice is now its opposite, a conflict.
    _grid(school, leader, decision, Owner.LEADERSHIP, {team.pk: Owner.TEAM, other.pk: ""})
    assert not row().no_owner and row().conflicts == [team] and row().unclear
    # "Together" is no contradiction.
    _grid(school, leader, decision, Owner.LEADERSHIP, {team.pk: Owner.TOGETHER, other.pk: ""})
    assert not row().unclear and row().moved and not row().moved_for_every_team
    # A default with the teams, but every team keeps it with the leadership: nothing moved.
    _grid(school, leader, decision, Owner.TEAM, {team.pk: "leadership", other.pk: "leadership"})
    assert not row().moved and row().conflicts == [team, other]
    _grid(school, leader, decision, Owner.TEAM, {team.pk: "", other.pk: "together"})
    assert row().moved_for_every_team


def test_moving_sets_the_date_and_years_group_by_school_year(school, team, leader):
    decision = Decision.objects.create(organisation=school, theme="Middelen", name="Teambudget")
    _grid(school, leader, decision, Owner.TEAM, {team.pk: ""}, moved_on=datetime.date(2025, 9, 3))
    _grid(school, leader, decision, Owner.TEAM, {team.pk: Owner.TOGETHER})
    choice = TeamDecision.objects.get()
    assert choice.moved_on is not None
    teams = selectors.matrix_teams(organisation=school)
    rows = matrix.rows(selectors.matrix_decisions(organisation=school), teams)
    years = dict(matrix.years(rows))
    assert [move.team for move in years["2025–2026"]] == [None]
    assert matrix.school_year(datetime.date(2026, 8, 31)) == "2025–2026"
    assert matrix.school_year(datetime.date(2026, 9, 1)) == "2026–2027"


def test_clearing_a_team_choice_removes_it(school, team, leader):
    decision = Decision.objects.create(organisation=school, theme="T", name="Lesrooster")
    _grid(school, leader, decision, Owner.LEADERSHIP, {team.pk: Owner.TEAM})
    assert TeamDecision.objects.count() == 1
    assert _grid(school, leader, decision, Owner.LEADERSHIP, {team.pk: ""}) == 1
    assert not TeamDecision.objects.exists()


def test_a_team_of_another_school_is_refused(school, team, leader, outsider):
    decision = Decision.objects.create(organisation=school, theme="T", name="Lesrooster")
    foreign = TeamFactory(organisation=outsider.organisation)
    with pytest.raises(LeerkringError):
        _grid(school, leader, decision, Owner.TEAM, {foreign.pk: Owner.TEAM})
    assert not TeamDecision.objects.exists()


def test_the_charter_lists_what_the_team_decides(school, team, leader):
    other = TeamFactory(organisation=school, name="Lagere school")
    Decision.objects.create(organisation=school, theme="T", name="Lesrooster", owner="team")
    budget = Decision.objects.create(organisation=school, theme="T", name="Budget")
    TeamDecision.objects.create(decision=budget, team=other, owner="together")
    assert [d.name for d in selectors.team_decisions(team=team)] == ["Lesrooster"]
    assert [d.name for d in selectors.team_decisions(team=other)] == ["Budget", "Lesrooster"]


def test_a_mission_edited_on_the_team_form_is_kept_in_the_charter_history(team, leader):
    from organisations.services import team_create, team_update

    team_update(team=team, name=team.name, mission="Tekst van het teamformulier", actor=leader.user)
    team_update(team=team, name="Nieuwe naam", mission="Tekst van het teamformulier", actor=None)
    versions = list(team.mission_versions.values_list("text", "created_by"))
    assert versions == [
        ("Tekst van het teamformulier", leader.user.pk),
        ("Elk kind van de eerste graad leert lezen met plezier.", None),
    ]
    new = team_create(organisation=team.organisation, name="Kleuters", mission="Spelen", actor=None)
    assert list(new.mission_versions.values_list("text", flat=True)) == ["Spelen"]
