"""Withdrawing an application asks first, and says who is offered the freed places."""

from django.urls import reverse

from networks.models import Application
from networks.services.registration import application_submit
from organisations.tests.factories import MembershipFactory, UserFactory

Status = Application.Status


def _withdraw_url(application):
    return reverse("networks:my_application_withdraw", kwargs={"pk": application.pk})


def test_withdrawing_an_accepted_group_asks_first_and_names_who_is_offered(
    login, leader, edition, mailoutbox
):
    colleague = MembershipFactory(organisation=leader.organisation)
    group = application_submit(
        edition_id=edition.pk, applicant=leader.user, people=[leader.user, colleague.user]
    )
    application_submit(
        edition_id=edition.pk, applicant=UserFactory(), people=UserFactory.create_batch(2)
    )
    too_big = application_submit(
        edition_id=edition.pk, applicant=UserFactory(), people=UserFactory.create_batch(3)
    )
    single = application_submit(edition_id=edition.pk, applicant=UserFactory())
    assert group.status == Status.ACCEPTED and too_big.status == Status.WAITLISTED
    client = login(leader)
    mailoutbox.clear()

    page = client.get(reverse("networks:my_application", kwargs={"pk": group.pk}))
    assert _withdraw_url(group) in page.content.decode()
    confirm = client.get(_withdraw_url(group))
    body = confirm.content.decode()
    assert confirm.status_code == 200
    # Nothing has happened yet: no withdrawal, no offer, no mail.
    group.refresh_from_db()
    assert group.status == Status.ACCEPTED and not mailoutbox
    # The group of three waits; the single person behind it gets one of the two places.
    assert "Je geeft de 2 plaatsen van je groep in Onderwijskundig leiderschap" in body
    assert [(o.pk, o.position) for o in confirm.context["offers"]] == [(single.pk, 2)]
    assert "nummer 2 op de wachtlijst (1 persoon)" in body

    client.post(_withdraw_url(group))
    group.refresh_from_db()
    single.refresh_from_db()
    assert group.status == Status.WITHDRAWN and single.status == Status.OFFERED


def test_without_a_waiting_list_the_places_become_free(login, leader, edition):
    application = application_submit(edition_id=edition.pk, applicant=leader.user)
    body = login(leader).get(_withdraw_url(application)).content.decode()
    assert "vrij voor nieuwe inschrijvingen" in body


def test_an_ended_application_has_nothing_to_confirm(login, leader, edition):
    application = application_submit(edition_id=edition.pk, applicant=leader.user)
    client = login(leader)
    client.post(_withdraw_url(application))
    response = client.get(_withdraw_url(application))
    assert response.status_code == 302


def test_a_colleague_in_the_group_gets_no_confirmation_page(login, leader, edition):
    colleague = MembershipFactory(organisation=leader.organisation)
    application = application_submit(
        edition_id=edition.pk, applicant=leader.user, people=[leader.user, colleague.user]
    )
    assert login(colleague).get(_withdraw_url(application)).status_code == 403
