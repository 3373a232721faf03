"""Small texts: counted people in singular or plural, one date format, trainers by name."""

import datetime

from django.urls import reverse

from networks.forms import LearningGroupForm, ProgrammeForm
from networks.services import registration, selection
from organisations.tests.factories import UserFactory

from .factories import SessionFactory


def test_the_offer_page_counts_one_person_or_several_people(client, edition):
    for _ in range(edition.capacity):
        first = registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    single = registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    selection.application_withdraw(application_id=first.pk, user=first.applicant)
    single.refresh_from_db()
    body = client.get(reverse("networks:offer", kwargs={"token": single.offer_token})).content
    assert "(1 persoon)" in body.decode() and "persoon/personen" not in body.decode()


def test_the_public_edition_page_writes_dates_as_day_month_year(client, edition):
    SessionFactory(edition=edition, title="Dag 1", date=datetime.date(2026, 9, 1))
    url = reverse(
        "networks:edition",
        kwargs={"provider_slug": edition.programme.provider.slug, "pk": edition.pk},
    )
    body = client.get(url).content.decode()
    assert "1 september 2026" in body and "dinsdag" not in body


def test_a_trainer_is_offered_as_name_and_organisation(programme, trainer, provider):
    trainer.user.first_name, trainer.user.last_name = "An", "Peeters"
    trainer.user.save()
    for form in (
        ProgrammeForm(provider=provider),
        LearningGroupForm(
            edition=programme.editions.create(
                name="x",
                starts_on=datetime.date(2026, 9, 1),
                ends_on=datetime.date(2026, 9, 2),
                capacity=5,
                registration_deadline=datetime.datetime(2026, 8, 1, tzinfo=datetime.UTC),
            )
        ),
    ):
        labels = [label for _value, label in form.fields["trainer"].choices]
        assert f"An Peeters ({provider.name})" in labels
        assert not any("@" in str(label) for label in labels)
