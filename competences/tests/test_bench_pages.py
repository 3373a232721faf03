"""The competence pages of the bench answer on the demo data within the query budget."""

from io import StringIO

import pytest
from django.core.management import call_command

from competences.bench_pages import pages
from core.bench import MAX_QUERIES, bench_settings, count_queries


@pytest.mark.django_db
def test_the_competence_bench_pages_answer_within_the_query_budget():
    call_command("demo", size="small", stdout=StringIO())
    with bench_settings():
        counts = {}
        for page in pages():
            status, queries = count_queries(page)
            assert status == 200, page.name
            counts[page.name] = queries
    print(counts)
    assert max(counts.values()) <= MAX_QUERIES, counts
