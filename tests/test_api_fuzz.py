"""Every operation of the OpenAPI document, fed generated input: whatever comes in, the API
answers it without a server error (5xx)."""

from io import StringIO

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from accounts.models import User
from accounts.services import api_token_create
from core.demo import LOGIN_EMAILS, MAIN_SCHOOL_SLUG

pytestmark = pytest.mark.slow


def _schema(parameters: dict):
    config = schemathesis.Config.from_dict({"parameters": parameters})
    return schemathesis.openapi.from_wsgi(
        "/api/v1/openapi.json", get_wsgi_application(), config=config
    )


# Generated slugs, ids and paging: mostly unknown organisations and refused input.
any_input = _schema({})
# The demo school's own slug, so that ids, searches and paging reach its real data.
demo_school = _schema({"slug": MAIN_SCHOOL_SLUG})

FUZZ = settings(
    max_examples=30,
    deadline=3000,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def _one_connection():
    """Requests go through the WSGI application, which closes the database connection after
    each one; the test's transaction must outlive them (as with Django's test client)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def _demo_admin(_one_connection, django_db_setup, django_db_blocker):
    """The demo data, built once for the module in a transaction that is rolled back after
    it, and a personal API token of its administrator."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", "--size", "small", stdout=StringIO())
        user = User.objects.get(email=LOGIN_EMAILS["admin"])
        _token, key = api_token_create(user=user, name="fuzz")
        yield {"Authorization": f"Bearer {key}"}
        transaction.set_rollback(True)


@pytest.fixture
def admin_token(_demo_admin, db):
    return _demo_admin


@any_input.parametrize()
@FUZZ
def test_no_input_makes_the_api_fail(case, admin_token):
    case.call_and_validate(headers=admin_token, checks=[not_a_server_error])


@demo_school.parametrize()
@FUZZ
def test_no_input_on_a_real_school_makes_the_api_fail(case, admin_token):
    case.call_and_validate(headers=admin_token, checks=[not_a_server_error])
