import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, ProviderFactory

from .helpers import add_responses, close


@pytest.fixture
def provider(db):
    return ProviderFactory(name="Begeleidingsdienst De Brug", slug="de-brug")


@pytest.fixture
def trainer(provider):
    return MembershipFactory(organisation=provider, role=Membership.Role.TRAINER)


@pytest.fixture
def finished_360(survey_360):
    round_ = survey_360.rounds.get()
    add_responses(survey_360, round_, "teachers", 4, comment="Goed bezig")
    close(round_)
    return survey_360


def _share(client, survey, provider, action="share"):
    url = reverse(
        "surveys:survey_share_provider",
        kwargs={"slug": survey.organisation.slug, "pk": survey.pk},
    )
    return client.post(url, {"provider": provider.pk, "action": action})


def _report(survey, provider):
    return reverse("surveys:shared_report", kwargs={"slug": provider.slug, "pk": survey.pk})


def test_a_trainer_reads_a_report_only_once_the_subject_shared_it(
    finished_360, leader, trainer, provider, login
):
    trainer_client = login(trainer)
    assert trainer_client.get(_report(finished_360, provider)).status_code == 404

    leader_client = login(leader)
    assert _share(leader_client, finished_360, provider).status_code == 302
    trainer_client = login(trainer)
    response = trainer_client.get(_report(finished_360, provider))
    assert response.status_code == 200
    assert "Goed bezig" in response.content.decode()
    assert AuditEvent.objects.filter(
        actor=trainer.user, action=AuditEvent.Action.VIEW, object_id=str(finished_360.pk)
    ).exists()
    listing = trainer_client.get(reverse("surveys:shared_list", kwargs={"slug": provider.slug}))
    assert finished_360.title in listing.content.decode()

    _share(login(leader), finished_360, provider, action="withdraw")
    assert login(trainer).get(_report(finished_360, provider)).status_code == 404


def test_another_providers_trainer_never_reads_it(finished_360, leader, provider, login):
    _share(login(leader), finished_360, provider)
    stranger = MembershipFactory(organisation=ProviderFactory(), role=Membership.Role.TRAINER)
    client = login(stranger)
    other_slug = stranger.organisation.slug
    url = reverse("surveys:shared_report", kwargs={"slug": other_slug, "pk": finished_360.pk})
    assert client.get(url).status_code == 404
    assert client.get(_report(finished_360, provider)).status_code == 404


def test_only_the_subject_may_share_a_360(finished_360, school, provider, login):
    admin = MembershipFactory(organisation=school, role=Membership.Role.ADMIN)
    assert _share(login(admin), finished_360, provider).status_code == 403
    assert not finished_360.shared_with_providers.exists()


def test_leaders_share_a_school_wide_report(pulse, leader, staff_member, provider, login):
    assert _share(login(staff_member), pulse, provider).status_code == 404
    assert _share(login(leader), pulse, provider).status_code == 302
    assert list(pulse.shared_with_providers.all()) == [provider]


def test_providers_see_the_shared_reports_link(trainer, provider, login):
    page = login(trainer).get(reverse("organisations:overview", kwargs={"slug": provider.slug}))
    url = reverse("surveys:shared_list", kwargs={"slug": provider.slug})
    assert f'href="{url}"' in page.content.decode()
