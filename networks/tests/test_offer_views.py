import datetime

from django.urls import reverse
from django.utils import timezone

from networks.models import Application
from networks.services import registration, selection
from organisations.tests.factories import UserFactory

Status = Application.Status


def _full_with_waiting(edition):
    accepted = [
        registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
        for _ in range(edition.capacity)
    ]
    waiting = registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    selection.application_withdraw(application_id=accepted[0].pk, user=accepted[0].applicant)
    waiting.refresh_from_db()
    return waiting


def test_an_unknown_offer_token_is_404(client, db):
    assert client.get(reverse("networks:offer", kwargs={"token": "onbekend"})).status_code == 404
    response = client.post(reverse("networks:offer_answer", kwargs={"token": "onbekend"}))
    assert response.status_code == 404


def test_the_offer_link_accepts_the_place(client, edition):
    waiting = _full_with_waiting(edition)
    assert waiting.status == Status.OFFERED
    url = reverse("networks:offer_answer", kwargs={"token": waiting.offer_token})
    response = client.post(url, {"answer": "accept"}, follow=True)
    waiting.refresh_from_db()
    assert waiting.status == Status.ACCEPTED
    assert "aanvaard" in response.content.decode()


def test_an_expired_offer_link_explains_it_expired(client, edition):
    waiting = _full_with_waiting(edition)
    Application.objects.filter(pk=waiting.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(hours=1)
    )
    url = reverse("networks:offer_answer", kwargs={"token": waiting.offer_token})
    response = client.post(url, {"answer": "accept"}, follow=True)
    assert "verlopen" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.EXPIRED


def test_the_offer_mail_links_to_the_site_the_withdrawal_came_from(
    login, edition, django_capture_on_commit_callbacks, mailoutbox
):
    accepted = [
        registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
        for _ in range(edition.capacity)
    ]
    waiting = registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    client = login(accepted[0].applicant)
    url = reverse("networks:my_application_withdraw", kwargs={"pk": accepted[0].pk})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, HTTP_HOST="testserver")
    waiting.refresh_from_db()
    assert f"http://testserver/aanbod/{waiting.offer_token}/" in mailoutbox[-1].body


def test_a_refusal_offers_the_freed_place_with_a_link_to_the_site_it_came_from(
    login, trainer, provider, edition, django_capture_on_commit_callbacks, mailoutbox
):
    accepted = [
        registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
        for _ in range(edition.capacity)
    ]
    waiting = registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    url = reverse(
        "networks:application_decide", kwargs={"slug": provider.slug, "pk": accepted[0].pk}
    )
    with django_capture_on_commit_callbacks(execute=True):
        login(trainer).post(url, {"decision": "refuse", "confirm": "yes"}, HTTP_HOST="testserver")
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    (offer,) = [mail for mail in mailoutbox if waiting.applicant.email in mail.to]
    assert f"http://testserver/aanbod/{waiting.offer_token}/" in offer.body
