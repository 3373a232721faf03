"""The migration that starts the plan's history gives every goal and action that exists its
first version, the goal's links included (on PostgreSQL as on SQLite)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("development", "0007_point_source_team_goal")]
AFTER = [("development", "0008_plan_versions_and_personal_plans")]


@pytest.mark.django_db(transaction=True)
def test_existing_goals_and_actions_get_their_first_version():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    school = old.get_model("organisations", "Organisation").objects.create(
        name="De Linde", slug="de-linde-versies", kind="school"
    )
    framework = old.get_model("development", "QualityFramework").objects.create(
        organisation=school, name="Eigen kader"
    )
    expectation = old.get_model("development", "QualityExpectation").objects.create(
        framework=framework, code="E1", title="Verwachting"
    )
    task = old.get_model("development", "CoreTask").objects.create(
        organisation=school, name="Talenten ontwikkelen"
    )
    deadline = datetime.date(2027, 6, 30)
    goal = old.get_model("development", "Goal").objects.create(
        organisation=school, title="Leesplezier", description="70% leest graag.", deadline=deadline
    )
    goal.expectations.add(expectation)
    goal.core_tasks.add(task)
    user = old.get_model("accounts", "User").objects.create(email="an@linde.example")
    owner = old.get_model("organisations", "Membership").objects.create(
        organisation=school, user=user
    )
    old.get_model("development", "Action").objects.create(
        organisation=school,
        goal=goal,
        owner=owner,
        title="Leeshoek inrichten",
        deadline=deadline,
        updated_at=timezone.now(),
    )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    [record] = new.get_model("development", "HistoricalGoal").objects.filter(id=goal.pk)
    assert record.title == "Leesplezier" and record.history_type == "+"
    links = new.get_model("development", "HistoricalGoal_expectations").objects.filter(
        history=record
    )
    assert list(links.values_list("qualityexpectation_id", flat=True)) == [expectation.pk]
    tasks = new.get_model("development", "HistoricalGoal_core_tasks").objects.filter(history=record)
    assert list(tasks.values_list("coretask_id", flat=True)) == [task.pk]
    assert (
        new.get_model("development", "HistoricalAction").objects.filter(goal_id=goal.pk).count()
        == 1
    )
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
