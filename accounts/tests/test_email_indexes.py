"""Addresses compared without case are looked up through an index, not a scan of every user."""

import pytest
from django.db import connection
from django.db.models.functions import Lower

from accounts.models import User

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="The expression indexes and their query plans are PostgreSQL's.",
    ),
]


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # A test database is tiny: make the planner show whether it *can* use an index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_it_finds_an_address_typed_in_other_case_through_an_index():
    assert "user_email_upper_idx" in _plan(User.objects.filter(email__iexact="An.Peeters@X.be"))


def test_it_matches_lowercased_addresses_through_an_index():
    queryset = User.objects.annotate(address=Lower("email")).filter(address__in=["a@x.be"])
    assert "user_email_lower_idx" in _plan(queryset)
