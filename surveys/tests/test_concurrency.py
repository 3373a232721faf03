"""200 submissions arrive for one survey at the same moment, a fifth of them a second click
on a link that is being submitted already: none is lost, none is stored twice. PostgreSQL
only: SQLite serialises every writer, so it cannot show a race."""

import random
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from surveys.models import Answer, Invitation, Response

from .helpers import full_answers, invite

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)"
)
WORKERS = 40  # concurrent connections; the server allows 100 for everyone


@pytest.mark.django_db(transaction=True)
def test_200_simultaneous_submissions_are_stored_exactly_once(pulse):
    invitations = invite(pulse, "teachers", [f"leraar{n}@school.test" for n in range(160)])
    posts = [(i.token, full_answers(i, value=4)) for i in invitations]
    posts += random.Random(7).sample(posts, 40)  # double clicks
    random.Random(8).shuffle(posts)
    statuses, errors, lock = [], [], threading.Lock()
    start = threading.Barrier(WORKERS)

    def worker(chunk):
        client = Client()
        try:
            start.wait()
            for token, data in chunk:
                response = client.post(f"/s/{token}/", data)
                with lock:
                    statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(posts[n::WORKERS],)) for n in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(statuses) == 200 and set(statuses) <= {200, 400}
    assert Response.objects.filter(round__survey=pulse).count() == 160
    assert not Response.objects.exclude(status=Response.Status.SUBMITTED).exists()
    items = pulse.version.items.count()
    assert Answer.objects.filter(response__round__survey=pulse).count() == 160 * items
    completed = Invitation.objects.filter(round__survey=pulse, status="completed").count()
    assert completed == 160
