"""Leerkring runs as stateless web processes: two gunicorn processes on different ports, sharing
one PostgreSQL database and one Redis, serve the same signed-in person and the same cached
report. PostgreSQL and Redis only (docs/deployment.md, "More than one machine")."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection
from django.urls import reverse

from accounts.tests.factories import PASSWORD
from surveys.models import Answer

from .helpers import add_responses, close

# A Redis database of its own (never 0), flushed before and after.
REDIS_URL = os.environ.get("LOADCHECK_REDIS_URL", "redis://127.0.0.1:6379/13")
ANY_TOKEN = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
START_SECONDS = 40


def _redis():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError:
        return None
    return client


def _skip_reason() -> str | None:
    if connection.vendor != "postgresql":
        return "needs PostgreSQL (set DATABASE_URL): the processes share its database"
    if _redis() is None:
        return f"needs Redis at {REDIS_URL} (set LOADCHECK_REDIS_URL)"
    return None


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(_skip_reason() is not None, reason=str(_skip_reason())),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict  # the test database pytest made
    password = f":{urllib.parse.quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    port = db["PORT"] or 5432
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{port}/{db['NAME']}"


class Served:
    """One gunicorn process of Leerkring on 127.0.0.1:port."""

    def __init__(self, port: int, env: dict):
        self.base = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "leerkring.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--log-level",
                "warning",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            start_new_session=True,
        )

    def wait(self):
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "gunicorn stopped while starting"
            try:
                with urllib.request.urlopen(self.base + "/accounts/login/", timeout=5):
                    return
            except OSError:
                time.sleep(0.3)
        raise AssertionError(f"{self.base} did not answer within {START_SECONDS} s")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Browser:
    """One person's cookies, sent to whichever process a request goes to."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def get(self, url: str) -> tuple[int, str, str]:
        return self._open(urllib.request.Request(url))

    def post(self, url: str, data: dict) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode()
        return self._open(urllib.request.Request(url, data=body, method="POST"))

    def _open(self, request) -> tuple[int, str, str]:
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.read().decode(), ""
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers.get("Location", "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def redis_db():
    client = _redis()
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture
def two_processes(redis_db):
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": REDIS_URL,
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LEERKRING_PLAIN_STATIC": "1",
        "DJANGO_SETTINGS_MODULE": "leerkring.settings",
    }
    servers = [Served(_free_port(), env), Served(_free_port(), env)]
    try:
        for server in servers:
            server.wait()
        yield servers
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def signs_in(leader):
    """The leader's password hashed as the processes check it (the tests use a fast hasher)."""
    hasher = Argon2PasswordHasher()
    leader.user.password = hasher.encode(PASSWORD, hasher.salt())
    leader.user.save(update_fields=["password"])
    return leader


@pytest.fixture
def finished_360(survey_360):
    round_ = survey_360.rounds.get()
    add_responses(survey_360, round_, "self", 1, value=4)
    add_responses(survey_360, round_, "teachers", 4, value=lambda index, item: 1 + index % 5)
    close(round_)
    return survey_360


def _log_in(browser: Browser, server: Served, email: str) -> None:
    status, page, _ = browser.get(server.base + "/accounts/login/")
    assert status == 200
    status, _, location = browser.post(
        server.base + "/accounts/login/",
        {
            "csrfmiddlewaretoken": TOKEN.search(page).group(1),
            "username": email,
            "password": PASSWORD,
        },
    )
    assert status == 302 and "/accounts/login/" not in location, "the login was refused"


@pytest.mark.django_db(transaction=True)
def test_a_login_on_one_process_is_valid_on_the_other(two_processes, signs_in):
    first, second = two_processes
    leader = signs_in
    browser = Browser()
    home = reverse("dashboard")
    assert browser.get(second.base + home)[0] == 302  # not signed in yet
    _log_in(browser, first, leader.user.email)
    status, page, _ = browser.get(second.base + home)
    assert status == 200
    assert leader.user.get_full_name() in page or leader.user.email in page


@pytest.mark.django_db(transaction=True)
def test_a_report_rendered_by_one_process_is_served_from_the_shared_cache_by_the_other(
    two_processes, finished_360, signs_in, redis_db
):
    first, second = two_processes
    leader = signs_in
    browser = Browser()
    _log_in(browser, first, leader.user.email)
    url = reverse(
        "surveys:report", kwargs={"slug": finished_360.organisation.slug, "pk": finished_360.pk}
    )
    status, rendered, _ = browser.get(first.base + url)
    assert status == 200 and "n=4" in rendered
    assert any(b"surveys:report:" in key for key in redis_db.keys("*"))
    # The answers go; a process that computed the report again would show other figures.
    Answer.objects.filter(response__round__survey=finished_360).delete()
    status, served, _ = browser.get(second.base + url)
    assert status == 200
    assert ANY_TOKEN.sub("", served) == ANY_TOKEN.sub("", rendered)
    # Without the shared entry the other process computes it from what is stored now; the
    # session is still valid, read from the database behind the cache.
    redis_db.flushdb()
    status, recomputed, _ = browser.get(second.base + url)
    assert status == 200
    assert ANY_TOKEN.sub("", recomputed) != ANY_TOKEN.sub("", rendered)
