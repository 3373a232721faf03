"""The shared created/changed fields of core.models, seen through models that use them."""

import datetime

import pytest
from django.utils import timezone, translation

from accounts.tests.factories import UserFactory
from development.action_services import action_create
from development.models import Action, DevelopmentPoint, Goal
from development.services import goal_create
from growth.models import Need, ProgressNote
from valuestreams.models import PainPoint, ValueStreamMap


def _day(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def action(school, leader, staff_member):
    goal = goal_create(
        organisation=school,
        title="Taalstimulering",
        description="Elke klas gebruikt twee nieuwe werkvormen.",
        starts_on=_day(1),
        deadline=_day(200),
        actor=leader.user,
    )
    return action_create(
        goal=goal,
        title="Werkvormen kiezen",
        owner=staff_member,
        deadline=_day(30),
        actor=leader.user,
    )


def test_a_record_outlives_the_accounts_that_made_and_changed_it(action):
    author, editor = UserFactory(), UserFactory()
    Action.objects.filter(pk=action.pk).update(created_by=author, updated_by=editor)
    Goal.objects.filter(pk=action.goal_id).update(created_by=author)
    author.delete()
    editor.delete()
    action.refresh_from_db()
    assert action.created_by is None and action.updated_by is None
    assert Goal.objects.get(pk=action.goal_id).created_by is None


def test_saving_moves_the_changed_time_and_keeps_the_created_time(action):
    earlier = timezone.now() - datetime.timedelta(days=3)
    Action.objects.filter(pk=action.pk).update(created_at=earlier, updated_at=earlier)
    action.refresh_from_db()
    action.notes = "Gekozen in de teamvergadering."
    action.save()
    action.refresh_from_db()
    assert action.created_at == earlier
    assert action.updated_at > earlier


def _without_wording(field):
    name, path, args, kwargs = field.deconstruct()
    kwargs.pop("verbose_name")
    return name, path, args, kwargs


@pytest.mark.parametrize(
    ("own", "shared", "wording"),
    [
        (DevelopmentPoint, ValueStreamMap, ("created_by", "proposed by")),
        (PainPoint, ValueStreamMap, ("created_by", "noted by")),
        (ProgressNote, Need, ("created_at", "written at")),
    ],
)
def test_a_model_with_its_own_wording_keeps_the_shared_column(own, shared, wording):
    name, verbose_name = wording
    field = own._meta.get_field(name)
    with translation.override(None):
        assert str(field.verbose_name) == verbose_name
    assert _without_wording(field) == _without_wording(shared._meta.get_field(name))
