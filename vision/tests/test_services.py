"""Vision processes: phases only move forward, contributions and points are validated and
anonymous, bad input writes nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError

from core.errors import LeerkringError
from organisations.access import get_access
from vision import services
from vision.models import Contribution, PointAllocation, VisionProcess

from .conftest import Phase, move

pytestmark = pytest.mark.django_db


def test_a_process_gets_a_distinct_token_link_per_stakeholder_group(process):
    groups = list(process.groups.all())
    assert [g.name for g in groups] == ["Personeel", "Leerlingen", "Ouders", "Partners"]
    tokens = {g.token for g in groups}
    assert len(tokens) == 4 and all(len(t) >= 40 for t in tokens)
    assert process.phase == Phase.COLLECT


def test_a_staff_member_cannot_create_a_process(school, staff_member):
    access = get_access(staff_member.user, school.slug)
    with pytest.raises(PermissionDenied):
        services.process_create(
            organisation=school, access=access, title="x", question="y", actor=None
        )


def test_the_threshold_is_at_least_three(school, leader_access, leader):
    with pytest.raises(LeerkringError) as error:
        services.process_create(
            organisation=school,
            access=leader_access,
            title="Visie",
            question="Vraag?",
            threshold=2,
            actor=leader.user,
        )
    assert "3" in error.value.message
    assert not VisionProcess.objects.exists()
    with pytest.raises(IntegrityError):
        VisionProcess.objects.create(organisation=school, title="x", question="y", threshold=2)


def test_a_contribution_stores_no_person_address_or_session(groups):
    contribution = services.contribution_add(group=groups["parents"], text="  Veel buiten spelen ")
    assert contribution.text == "Veel buiten spelen"
    fields = {f.name for f in Contribution._meta.get_fields()}
    assert fields == {"id", "process", "group", "text", "theme", "created_at"}


def test_an_empty_or_too_long_contribution_is_refused(groups):
    for text in ["   ", "x" * 1001]:
        with pytest.raises(LeerkringError):
            services.contribution_add(group=groups["pupils"], text=text)
    assert not Contribution.objects.exists()


def test_phases_move_only_forward_one_at_a_time(process, groups, leader):
    services.contribution_add(group=groups["staff"], text="Samen leren")
    with pytest.raises(LeerkringError) as error:
        move(process, leader, Phase.PRIORITISE)
    assert "overgeslagen" in error.value.message
    process = move(process, leader, Phase.CLUSTER)
    with pytest.raises(LeerkringError) as error:
        move(process, leader, Phase.COLLECT)
    assert "alleen vooruit" in error.value.message
    process.refresh_from_db()
    assert process.phase == Phase.CLUSTER


def test_clustering_needs_contributions_and_prioritising_needs_a_theme(process, groups, leader):
    with pytest.raises(LeerkringError):
        move(process, leader, Phase.CLUSTER)
    services.contribution_add(group=groups["staff"], text="Samen leren")
    process = move(process, leader, Phase.CLUSTER)
    with pytest.raises(LeerkringError):
        move(process, leader, Phase.PRIORITISE)


def test_no_contributions_after_the_collect_phase(process, groups, leader):
    services.contribution_add(group=groups["staff"], text="Samen leren")
    move(process, leader, Phase.CLUSTER)
    groups["staff"].refresh_from_db()
    with pytest.raises(LeerkringError):
        services.contribution_add(group=groups["staff"], text="Te laat")
    assert Contribution.objects.count() == 1


@pytest.fixture
def clustered(process, groups, leader, leader_access):
    first = services.contribution_add(group=groups["staff"], text="Samen leren")
    second = services.contribution_add(group=groups["parents"], text="Buiten spelen")
    process = move(process, leader, Phase.CLUSTER)
    care = services.theme_create(process=process, access=leader_access, name="Zorg")
    play = services.theme_create(process=process, access=leader_access, name="Spel")
    services.contributions_assign(
        process=process, access=leader_access, assignments={first.pk: care.pk, second.pk: play.pk}
    )
    return process, care, play


def test_contributions_are_assigned_only_to_themes_of_their_process(
    clustered, leader_access, school, leader
):
    process, care, _play = clustered
    assert process.contributions.get(text="Samen leren").theme == care
    other = services.process_create(
        organisation=school, access=leader_access, title="Andere", question="?", actor=None
    )
    with pytest.raises(LeerkringError):
        services.contributions_assign(
            process=process,
            access=leader_access,
            assignments={process.contributions.first().pk: 99999},
        )
    assert process.contributions.get(text="Samen leren").theme == care
    assert other.themes.count() == 0


def test_a_spread_must_total_exactly_the_points_with_no_negatives(clustered, groups, leader):
    process, care, play = clustered
    process = move(process, leader, Phase.PRIORITISE)
    group = process.groups.get(kind="parents")
    for spread, words in [
        ({care.pk: 6, play.pk: 5}, "precies 10"),
        ({care.pk: 12, play.pk: -2}, "negatief"),
        ({care.pk: 3}, "precies 10"),
    ]:
        with pytest.raises(LeerkringError) as error:
            services.points_submit(group=group, spread=spread)
        assert words in error.value.message
    with pytest.raises(LeerkringError) as error:
        services.parse_spread({care.pk: "zes", play.pk: "4"})
    assert "zes" in error.value.message
    assert not PointAllocation.objects.exists()
    services.points_submit(group=group, spread=services.parse_spread({care.pk: "10", play.pk: ""}))
    assert list(PointAllocation.objects.values_list("theme", "points")) == [(care.pk, 10)]


def test_publishing_needs_the_text_and_the_prioritise_phase(clustered, leader, leader_access):
    process, _care, _play = clustered
    with pytest.raises(LeerkringError):
        services.vision_publish(process=process, access=leader_access, text="Visie", actor=None)
    process = move(process, leader, Phase.PRIORITISE)
    with pytest.raises(LeerkringError):
        services.vision_publish(process=process, access=leader_access, text="  ", actor=None)
    process = services.vision_publish(
        process=process, access=leader_access, text="Samen groeien", actor=leader.user
    )
    assert process.phase == Phase.PUBLISHED and process.published_at is not None
    with pytest.raises(LeerkringError):
        move(process, leader, Phase.PUBLISHED)
