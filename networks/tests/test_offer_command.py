import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from networks.models import Application
from networks.services import registration, selection
from organisations.tests.factories import UserFactory


def test_the_command_expires_old_offers_and_offers_the_place_on(edition):
    edition.capacity = 1
    edition.save()
    first = registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    waiting = [
        registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
        for _ in range(2)
    ]
    selection.application_withdraw(application_id=first.pk, user=first.applicant)
    Application.objects.filter(pk=waiting[0].pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    out = StringIO()
    call_command("networks_offer_places", stdout=out)
    statuses = [Application.objects.get(pk=a.pk).status for a in waiting]
    assert statuses == [Application.Status.EXPIRED, Application.Status.OFFERED]
    assert "1 new offer" in out.getvalue()
