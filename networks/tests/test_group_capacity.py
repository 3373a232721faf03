"""An edition's capacity in places (people) or in group places (one per group application):
free places, "full", the waiting list and offers of freed places count in the same unit."""

import pytest
from django.urls import reverse

from networks import selectors
from networks.models import Application, Edition
from networks.services import registration, selection
from organisations.tests.factories import UserFactory

from .factories import EditionFactory, ProgrammeFactory

Status = Application.Status
GROUPS = Edition.CapacityUnit.GROUPS


def _group(edition, size):
    applicant = UserFactory()
    people = [applicant, *UserFactory.create_batch(size - 1)]
    return registration.application_submit(
        edition_id=edition.pk, applicant=applicant, people=people
    )


@pytest.fixture
def by_group(programme):
    return EditionFactory(programme=programme, capacity=2, capacity_unit=GROUPS)


@pytest.fixture
def selective_by_group(provider):
    programme = ProgrammeFactory(provider=provider, selection=True)
    return EditionFactory(programme=programme, capacity=2, capacity_unit=GROUPS)


def _normalised(response):
    return " ".join(response.content.decode().split())


def test_an_edition_counts_places_unless_it_is_set_up_in_groups(edition):
    assert edition.capacity_unit == Edition.CapacityUnit.PLACES
    assert edition.units(5) == 5
    assert EditionFactory.build(capacity_unit=GROUPS).units(5) == 1


def test_each_group_takes_one_group_place_however_large(by_group):
    first, second, third = _group(by_group, 5), _group(by_group, 3), _group(by_group, 1)
    assert [first.status, second.status] == [Status.ACCEPTED, Status.ACCEPTED]
    assert third.status == Status.WAITLISTED
    assert registration.places_taken(by_group) == 2
    assert registration.free_places(by_group) == 0


def test_in_places_the_same_groups_fill_the_edition_by_people(edition):
    # 4 places: a group of three fits, a second group of three waits.
    assert _group(edition, 3).status == Status.ACCEPTED
    assert _group(edition, 3).status == Status.WAITLISTED
    assert registration.free_places(edition) == 1


def test_a_group_larger_than_the_number_of_group_places_may_register(by_group):
    assert _group(by_group, 6).status == Status.ACCEPTED
    assert registration.free_places(by_group) == 1


def test_accepting_past_the_group_places_is_refused_with_the_waiting_list(selective_by_group):
    applications = [_group(selective_by_group, size) for size in (4, 2, 3)]
    for application in applications[:2]:
        selection.application_accept(application_id=application.pk, actor=None)
    with pytest.raises(selection.NotEnoughPlaces, match="geen groepsplaats") as error:
        selection.application_accept(application_id=applications[2].pk, actor=None)
    assert error.value.free == 0
    applications[2].refresh_from_db()
    assert applications[2].status == Status.SUBMITTED


def test_a_withdrawn_group_frees_one_group_place_for_the_next_group(by_group):
    accepted = [_group(by_group, 4), _group(by_group, 2)]
    waiting = [_group(by_group, 6), _group(by_group, 1)]
    assert {a.status for a in waiting} == {Status.WAITLISTED}
    # Asked before they confirm: one group place goes to the first group in line.
    offers = selection.withdrawal_offers(accepted[0])
    assert [(a.pk, a.position) for a in offers] == [(waiting[0].pk, 1)]
    selection.application_withdraw(application_id=accepted[0].pk, user=accepted[0].applicant)
    for application in waiting:
        application.refresh_from_db()
    assert [a.status for a in waiting] == [Status.OFFERED, Status.WAITLISTED]
    assert registration.free_places(by_group) == 0


def test_in_places_a_withdrawn_group_of_two_frees_two_places(edition):
    accepted = [_group(edition, 2), _group(edition, 2)]
    waiting = [_group(edition, 3), _group(edition, 1), _group(edition, 1)]
    selection.application_withdraw(application_id=accepted[0].pk, user=accepted[0].applicant)
    for application in waiting:
        application.refresh_from_db()
    # The group of three does not fit in two places; the two people behind it do.
    assert [a.status for a in waiting] == [Status.WAITLISTED, Status.OFFERED, Status.OFFERED]


def test_the_overview_and_catalogue_count_free_group_places(by_group, provider):
    _group(by_group, 5)
    assert selectors.edition_overview(by_group)["free"] == 1
    editions = {e.pk: e.free for e in selectors.catalogue(provider)}
    assert editions[by_group.pk] == 1


def test_the_catalogue_and_edition_page_say_group_places_left(client, by_group, provider):
    by_group.capacity = 7
    by_group.save()
    _group(by_group, 4)
    catalogue = client.get(reverse("networks:catalogue", kwargs={"provider_slug": provider.slug}))
    assert "nog 6 groepsplaatsen" in _normalised(catalogue)
    page = client.get(
        reverse("networks:edition", kwargs={"provider_slug": provider.slug, "pk": by_group.pk})
    )
    assert "7 groepsplaatsen, nog 6 groepsplaatsen" in _normalised(page)
    for _ in range(5):
        _group(by_group, 2)
    catalogue = client.get(reverse("networks:catalogue", kwargs={"provider_slug": provider.slug}))
    assert "nog 1 groepsplaats" in _normalised(catalogue)


def test_the_catalogue_says_places_left_in_people(client, edition, provider):
    _group(edition, 3)
    catalogue = client.get(reverse("networks:catalogue", kwargs={"provider_slug": provider.slug}))
    assert "nog 1 plaats" in _normalised(catalogue)


def test_a_trainer_sets_up_an_edition_in_group_places(login, trainer, provider, programme):
    client = login(trainer)
    response = client.post(
        reverse("networks:edition_create", kwargs={"slug": provider.slug, "pk": programme.pk}),
        {
            "name": "2026–2028",
            "starts_on": "2026-09-01",
            "ends_on": "2028-06-30",
            "capacity": 7,
            "capacity_unit": "groups",
            "registration_deadline": "2026-06-30T23:59",
            "offer_days": 5,
        },
    )
    assert response.status_code == 302
    edition = Edition.objects.get(programme=programme, name="2026–2028")
    assert edition.counts_groups and edition.capacity_text == "7 groepsplaatsen"
    overview = client.get(response["Location"])
    assert "vrije groepsplaatsen" in _normalised(overview)


def test_accepting_past_the_group_places_asks_to_use_the_waiting_list(
    login, trainer, provider, selective_by_group
):
    applications = [_group(selective_by_group, size) for size in (4, 2, 3)]
    for application in applications[:2]:
        selection.application_accept(application_id=application.pk, actor=None)
    response = login(trainer).post(
        reverse(
            "networks:application_decide",
            kwargs={"slug": provider.slug, "pk": applications[2].pk},
        ),
        {"decision": "accept"},
    )
    assert response.status_code == 200
    page = _normalised(response)
    assert "heeft een groepsplaats nodig" in page
    assert 'name="decision" value="waitlist"' in page
