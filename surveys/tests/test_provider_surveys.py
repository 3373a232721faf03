"""A provider sends its own evaluations from the survey pages; other kinds stay the schools'."""

import datetime

import pytest
from django.urls import reverse

from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, ProviderFactory
from surveys import builder
from surveys.instrument_selectors import sendable_versions
from surveys.models import Instrument, Survey


@pytest.fixture
def provider(db):
    return ProviderFactory(name="Vormingsdienst Zuid", slug="vd-zuid")


def _instrument(provider, kind):
    instrument = builder.instrument_create(
        organisation=provider, title_nl=f"Eigen {kind}", kind=kind
    )
    dimension = builder.dimension_save(instrument=instrument, title_nl="De cursus").row
    builder.item_save(
        instrument=instrument,
        dimension=dimension,
        scale=builder.latest_version(instrument).scales.get(),
        code="doel",
        text_nl="De doelen waren duidelijk.",
    )
    return builder.latest_version(instrument)


def test_a_provider_sends_its_own_evaluation_but_no_other_kind(provider, login, today):
    manager = MembershipFactory(organisation=provider, role=Membership.Role.LEADER)
    evaluation = _instrument(provider, Instrument.Kind.EVALUATION)
    pulse = _instrument(provider, Instrument.Kind.PULSE)
    assert sendable_versions(organisation=provider) == [evaluation]
    client = login(manager)
    assert (
        client.get(reverse("surveys:survey_list", kwargs={"slug": provider.slug})).status_code
        == 200
    )
    url = reverse("surveys:survey_create", kwargs={"slug": provider.slug})
    dates = {
        "opens_on": today.isoformat(),
        "closes_on": (today + datetime.timedelta(days=7)).isoformat(),
    }
    refused = client.post(url, {"version": pulse.pk, **dates})
    assert refused.status_code == 200 and not Survey.objects.exists()
    response = client.post(url, {"version": evaluation.pk, "title": "Cursus najaar", **dates})
    assert response.status_code == 302
    survey = Survey.objects.get(organisation=provider)
    assert survey.rounds.get().version == evaluation


def test_a_providers_trainer_does_not_create_surveys(provider, login):
    trainer = MembershipFactory(organisation=provider, role=Membership.Role.TRAINER)
    url = reverse("surveys:survey_create", kwargs={"slug": provider.slug})
    assert login(trainer).get(url).status_code in (403, 404)
