"""A provider runs its own session evaluations through the survey engine."""

import datetime

import pytest
from django.urls import reverse

from core.errors import LeerkringError
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, ProviderFactory
from surveys import services

from .helpers import add_responses, close


@pytest.fixture
def provider(db):
    return ProviderFactory(name="Begeleidingsdienst De Brug", slug="de-brug")


@pytest.fixture
def trainer(provider):
    return MembershipFactory(organisation=provider, role=Membership.Role.TRAINER)


def _create(provider, version, trainer, today):
    return services.survey_create(
        organisation=provider,
        version=version,
        title="Evaluatie studiedag",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=trainer.user,
    )


def test_a_provider_creates_an_evaluation_survey(instruments, provider, trainer, today):
    survey = _create(provider, instruments["sessie-evaluatie"], trainer, today)
    assert survey.organisation == provider
    assert list(survey.rater_groups.values_list("kind", flat=True)) == ["participants"]


def test_a_provider_cannot_send_a_360(instruments, provider, trainer, today):
    with pytest.raises(LeerkringError):
        services.survey_create(
            organisation=provider,
            version=instruments["gedeeld-leiderschap-360"],
            title="360°",
            subject=trainer,
            opens_on=today,
            closes_on=today + datetime.timedelta(days=14),
            actor=trainer.user,
        )


def test_the_providers_trainer_reads_its_own_evaluation_report(
    instruments, provider, trainer, today, login
):
    survey = _create(provider, instruments["sessie-evaluatie"], trainer, today)
    round_ = survey.rounds.get()
    add_responses(survey, round_, "participants", 3, comment="Sterke dag")
    close(round_)
    url = reverse("surveys:shared_report", kwargs={"slug": provider.slug, "pk": survey.pk})
    response = login(trainer).get(url)
    assert response.status_code == 200
    assert "Sterke dag" in response.content.decode()


def test_another_provider_gets_404_on_the_evaluation(instruments, provider, trainer, today, login):
    survey = _create(provider, instruments["sessie-evaluatie"], trainer, today)
    stranger = MembershipFactory(organisation=ProviderFactory(), role=Membership.Role.TRAINER)
    client = login(stranger)
    own_slug = reverse(
        "surveys:shared_report", kwargs={"slug": stranger.organisation.slug, "pk": survey.pk}
    )
    assert client.get(own_slug).status_code == 404
    theirs = reverse("surveys:shared_report", kwargs={"slug": provider.slug, "pk": survey.pk})
    assert client.get(theirs).status_code == 404
