"""100 people apply at the same moment for the last 10 places (PostgreSQL only: SQLite
serialises all writers anyway, so it cannot show a race)."""

import threading

import pytest
from django.db import connection, connections

from networks.models import Application
from networks.services import registration
from organisations.tests.factories import UserFactory

from .factories import EditionFactory

Status = Application.Status
CONNECTIONS = 40

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)"
)


@pytest.mark.django_db(transaction=True)
def test_100_simultaneous_applications_fill_exactly_the_last_10_places():
    edition = EditionFactory(capacity=15)
    for _ in range(5):
        registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    people = UserFactory.create_batch(100)
    start = threading.Barrier(len(people))
    errors = []

    # All 100 start together, but at most CONNECTIONS hold a database connection at once:
    # PostgreSQL allows 100 connections by default, and the test database and other clients
    # use some of them; "too many clients" would otherwise fail the test now and then.
    slots = threading.BoundedSemaphore(CONNECTIONS)

    def apply(user):
        start.wait()
        with slots:
            try:
                registration.application_submit(edition_id=edition.pk, applicant=user)
            except Exception as error:  # noqa: BLE001 - collected and asserted below
                errors.append(error)
            finally:
                # Closed before the slot is freed, so no more than CONNECTIONS are open.
                connections.close_all()

    threads = [threading.Thread(target=apply, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    mine = Application.objects.filter(edition=edition, applicant__in=people)
    assert mine.filter(status=Status.ACCEPTED).count() == 10
    waiting = list(mine.filter(status=Status.WAITLISTED).order_by("waitlisted_at", "pk"))
    assert len(waiting) == 90
    # The waiting list follows the order in which the applications were counted (their ids
    # are handed out under the same lock), and every position is distinct.
    assert [a.pk for a in waiting] == sorted(a.pk for a in waiting)
    assert [registration.waitlist_position(a) for a in waiting] == list(range(1, 91))
    assert max(mine.filter(status=Status.ACCEPTED).values_list("pk", flat=True)) < waiting[0].pk
    assert registration.free_places(edition) == 0
