"""The migration that gives every round its own version keeps the version of its survey."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("surveys", "0014_round_summary")]
AFTER = [("surveys", "0015_round_version")]


@pytest.mark.django_db(transaction=True)
def test_existing_rounds_keep_the_version_of_their_survey():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    organisation = old.get_model("organisations", "Organisation").objects.create(
        name="De Linde", slug="de-linde-migratie", kind="school"
    )
    instrument = old.get_model("surveys", "Instrument").objects.create(code="pols", kind="pulse")
    version = old.get_model("surveys", "InstrumentVersion").objects.create(
        instrument=instrument, number=1, checksum="a", title_nl="Pols", title_en="Pulse"
    )
    survey = old.get_model("surveys", "Survey").objects.create(
        organisation=organisation, version=version, title="Pols"
    )
    day = datetime.date(2026, 9, 1)
    for number in (1, 2):
        old.get_model("surveys", "Round").objects.create(
            survey=survey, number=number, opens_on=day, closes_on=day
        )
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    new = MigrationExecutor(connection).loader.project_state(AFTER).apps
    rounds = new.get_model("surveys", "Round").objects.filter(survey_id=survey.pk)
    assert sorted(rounds.values_list("number", "version_id")) == [(1, version.pk), (2, version.pk)]
