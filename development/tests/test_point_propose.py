"""development.services.point_propose: the one way every app sends a development point."""

import pytest

from accounts.models import AuditEvent
from core.errors import LeerkringError
from development.models import DevelopmentPoint
from development.selectors import points_from
from development.services import point_propose
from organisations.models import Team
from organisations.tests.factories import SchoolFactory, TeamFactory


def _propose(school, origin, actor, **overrides):
    values = {
        "organisation": school,
        "origin": origin,
        "source": DevelopmentPoint.Source.COMPETENCE_MISSING,
        "key": "K-taal",
        "description": "Niemand in de kleuterbouw begeleidt taalstimulering.",
        "actor": actor,
        "anchor": "/o/de-linde/teams/1/#competenties",
    }
    return point_propose(**(values | overrides))


def test_it_stores_a_proposed_point_linked_to_its_origin(school, team, leader):
    point, created = _propose(school, team, leader.user, team=team)
    assert created
    point.refresh_from_db()
    assert point.origin == team
    assert (point.organisation, point.team, point.status) == (school, team, "proposed")
    assert (point.source, point.key) == ("competence_missing", "K-taal")
    assert point.created_by == leader.user
    assert point.decided_by is None and point.decided_at is None
    assert point.origin_url() == "/o/de-linde/teams/1/#competenties"
    assert point.section == "competenties"
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE,
        object_type="development.developmentpoint",
        object_id=str(point.pk),
    ).exists()


def test_sending_twice_returns_the_same_point_unchanged(school, team, leader, staff_member):
    first, _ = _propose(school, team, leader.user)
    again, created = _propose(school, team, staff_member.user, description="Anders verwoord")
    assert not created
    assert again.pk == first.pk
    assert DevelopmentPoint.objects.count() == 1
    assert DevelopmentPoint.objects.get().description.startswith("Niemand")
    assert AuditEvent.objects.filter(object_type="development.developmentpoint").count() == 1


def test_another_key_source_or_origin_is_another_point(school, team, leader):
    other_team = TeamFactory(organisation=school, name="Lagere school")
    _propose(school, team, leader.user)
    _propose(school, team, leader.user, key="K-rekenen")
    _propose(school, team, leader.user, source=DevelopmentPoint.Source.COMPETENCE_FRAGILE)
    _propose(school, other_team, leader.user)
    assert DevelopmentPoint.objects.count() == 4
    assert points_from(Team).filter(object_id=team.pk).count() == 3


def test_a_team_of_another_school_is_refused(school, team, leader):
    elsewhere = TeamFactory(organisation=SchoolFactory(), name="Elders")
    with pytest.raises(LeerkringError):
        _propose(school, team, leader.user, team=elsewhere)
    assert not DevelopmentPoint.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [{"source": "guess"}, {"description": ""}, {"description": "x" * 301}],
)
def test_bad_input_is_refused_and_stores_nothing(school, team, leader, overrides):
    with pytest.raises(LeerkringError):
        _propose(school, team, leader.user, **overrides)
    assert not DevelopmentPoint.objects.exists()


def test_an_origin_of_another_school_is_refused(school, leader):
    elsewhere = TeamFactory(organisation=SchoolFactory(), name="Elders")
    with pytest.raises(LeerkringError):
        _propose(school, elsewhere, leader.user)
    assert not DevelopmentPoint.objects.exists()


def test_an_unsaved_origin_is_refused(school, leader):
    with pytest.raises(LeerkringError):
        _propose(school, Team(organisation=school, name="Nog niet bewaard"), leader.user)
    assert not DevelopmentPoint.objects.exists()
