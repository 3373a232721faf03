"""With DEBUG off every error shows a page in the site's layout, in Dutch first and in English
for whoever chose English."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

pytestmark = [pytest.mark.urls("core.tests.error_urls"), pytest.mark.django_db]

CASES = [
    # path, status, Dutch text, English text
    ("/errors/missing/", 404, "Pagina niet gevonden", "Page not found"),
    ("/errors/no-such-page/", 404, "Pagina niet gevonden", "Page not found"),
    ("/errors/denied/", 403, "Geen toegang", "No access"),
    ("/errors/suspicious/", 400, "Ongeldige vraag", "Bad request"),
    ("/errors/broken/", 500, "Er ging iets mis", "Something went wrong"),
]


@pytest.fixture
def client(settings):
    settings.DEBUG = False
    # The 500 page is what a visitor gets; the test client would re-raise the exception.
    return Client(raise_request_exception=False)


def _assert_error_page(response, status, text):
    assert response.status_code == status
    page = response.content.decode()
    assert text in page
    assert "Leerkring" in page and 'class="site-header"' in page
    # Never Django's debug page, nor the exception's message.
    assert "Traceback" not in page and "a test of the" not in page


@pytest.mark.parametrize(("path", "status", "dutch", "english"), CASES)
def test_error_pages_are_dutch_by_default(client, path, status, dutch, english):
    response = client.get(path)

    _assert_error_page(response, status, dutch)
    assert english not in response.content.decode()
    assert 'lang="nl-BE"' in response.content.decode()


@pytest.mark.parametrize(("path", "status", "dutch", "english"), CASES)
def test_error_pages_follow_the_language_cookie(client, path, status, dutch, english):
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(path)

    _assert_error_page(response, status, english)
    assert dutch not in response.content.decode()
    assert 'lang="en"' in response.content.decode()


@pytest.mark.parametrize(("path", "status", "dutch", "english"), CASES)
def test_error_pages_follow_the_browser_language(client, path, status, dutch, english):
    response = client.get(path, headers={"accept-language": "en"})

    _assert_error_page(response, status, english)


def test_a_form_without_its_csrf_token_gets_the_expired_form_page(settings):
    settings.DEBUG = False
    client = Client(enforce_csrf_checks=True)

    response = client.post("/errors/form/", {})

    _assert_error_page(response, 403, "Het formulier is verlopen")

    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    _assert_error_page(client.post("/errors/form/", {}), 403, "The form has expired")


def test_error_pages_of_a_signed_in_user_keep_the_navigation(client, leader):
    client.force_login(leader.user)

    page = client.get("/errors/missing/").content.decode()

    assert "Pagina niet gevonden" in page
    assert "Afmelden" in page  # the site's header with the user's own links


def test_the_500_page_reads_nothing_from_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/errors/broken/")

    assert response.status_code == 500
