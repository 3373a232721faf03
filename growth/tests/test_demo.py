from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from core.bench import MAX_QUERIES
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG
from growth.bench_pages import pages
from growth.models import JournalEntry, Need, Response


@pytest.fixture
def demo(db):
    call_command("demo", size="small", stdout=StringIO())


def test_the_demo_teacher_has_a_journal_an_agreement_and_the_school_a_plan(client, demo):
    teacher = User.objects.get(email=LOGIN_EMAILS["staff"])
    assert JournalEntry.objects.filter(membership__user=teacher).count() >= 4
    assert JournalEntry.objects.filter(membership__user=teacher, sharing="coach").exists()
    assert {
        need.dimension for need in Need.objects.filter(plan__organisation__slug=MAIN_SCHOOL_SLUG)
    } == {
        "individual",
        "team",
        "school",
    }
    assert Response.objects.filter(kind="course", edition__isnull=False).exists()
    client.force_login(User.objects.get(email=LOGIN_EMAILS["leader"]))
    for page in pages():
        if page.user.email != LOGIN_EMAILS["leader"]:
            continue
        assert client.get(page.url).status_code == 200


def test_every_growth_bench_page_answers_within_the_query_budget(client, demo):
    for page in pages():
        client.force_login(page.user)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        assert response.status_code == 200, page.name
        assert len(queries) <= MAX_QUERIES, (page.name, len(queries))
