"""Pages measured by `make bench` and pinned by the query-count test.

Every project app may define `bench_pages.py` with `pages() -> list[BenchPage]`, choosing
representative objects from the database that `manage.py demo` built (the same code runs on
the small and the large data set, and the query count must be the same on both).

`measure` requests each page with Django's test client as a signed-in user: a few warm-up
requests, then N timed ones (server time only: no network, no browser) and one more inside
CaptureQueriesContext to count its SQL queries. The floor is the base layout with a 50-row
table from a plain list (core/bench_floor.py, mounted only by bench/urls.py): a page cannot
be much faster than that, so each page's median is reported as a ratio to it.
"""

import math
import statistics
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from .discovery import app_modules

MAX_QUERIES = 12
MAX_FLOOR_RATIO = 5.0
MAX_P95_FLOOR_RATIO = 10.0
FLOOR_URL = "/bench/floor/"


@dataclass(frozen=True)
class BenchPage:
    """A page to measure. Most are GETs of `url`. A POST (method="post") may need new data
    for every request, since a form such as a survey's submit can succeed only once per
    token: `prepare()` then returns a fresh `(url, data)` before each request, outside the
    timing and outside the query count. A GET may prepare too (say, empty a cache to
    measure a first view)."""

    name: str  # e.g. "team list"
    url: str
    user: object  # the User who requests the page
    method: str = "get"
    prepare: Callable[[], tuple[str, dict]] | None = None

    def request(self, client: Client):
        """Prepare (untimed) and return a callable that makes the request."""
        url, data = self.prepare() if self.prepare else (self.url, {})
        if self.method == "get":
            return lambda: client.get(url, data)
        return lambda: client.post(url, data)


@dataclass
class Measurement:
    page: str
    url: str
    database: str
    status: int
    median_ms: float
    p95_ms: float
    queries: int

    def as_json(self) -> dict:
        row = asdict(self)
        del row["url"], row["status"]
        return row


def bench_pages() -> list[BenchPage]:
    """Every app's bench pages, in INSTALLED_APPS order."""
    pages = []
    for module in app_modules("bench_pages"):
        pages.extend(module.pages())
    return pages


@contextmanager
def bench_settings():
    """The bench URLconf (the project's URLs plus the floor) and plain static files, so
    that pages render without collectstatic's manifest."""
    from django.conf import settings

    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(ROOT_URLCONF="bench.urls", STORAGES=storages, AXES_ENABLED=False):
        yield


def _client_for(user, *, raise_errors: bool = True) -> Client:
    client = Client(raise_request_exception=raise_errors)
    client.force_login(user)
    return client


def count_queries(page: BenchPage) -> tuple[int, int]:
    """(status, number of SQL queries) of one warm request for the page."""
    client = _client_for(page.user)
    page.request(client)()
    send = page.request(client)
    with CaptureQueriesContext(connection) as captured:
        response = send()
    return response.status_code, len(captured)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def measure(
    pages: list[BenchPage], *, requests: int = 30, warmup: int = 3, clock=time.perf_counter
) -> list[Measurement]:
    """Time every page, taking turns: request i of every page runs before request i+1 of
    any, so that a busy machine slows all pages (and the floor) alike. `clock` may be
    `time.process_time` to count only this process's CPU time (steadier on a busy machine,
    but on PostgreSQL it leaves out the database server's work)."""
    # A page that fails shows as status 500 in the table instead of stopping the whole run.
    clients = [_client_for(page.user, raise_errors=False) for page in pages]
    for page, client in zip(pages, clients, strict=True):
        for _ in range(warmup):
            page.request(client)()
    times = [[] for _ in pages]
    for _ in range(requests):
        for page, client, samples in zip(pages, clients, times, strict=True):
            send = page.request(client)
            started = clock()
            send()
            samples.append((clock() - started) * 1000)
    results = []
    for page, client, samples in zip(pages, clients, times, strict=True):
        send = page.request(client)
        with CaptureQueriesContext(connection) as captured:
            response = send()
        results.append(
            Measurement(
                page=page.name,
                url=page.url,
                database=connection.vendor,
                status=response.status_code,
                median_ms=round(statistics.median(samples), 2),
                p95_ms=round(percentile(samples, 0.95), 2),
                queries=len(captured),
            )
        )
    return results


def problems(result: Measurement, floor: Measurement) -> list[str]:
    """What misses a target: a non-200 answer, too many queries, too slow against the floor."""
    found = []
    if result.status != 200:
        found.append(f"status {result.status}")
    if result.queries > MAX_QUERIES:
        found.append(f"{result.queries} queries > {MAX_QUERIES}")
    if result.median_ms > MAX_FLOOR_RATIO * floor.median_ms:
        found.append(f"median > {MAX_FLOOR_RATIO:g}× floor")
    if result.p95_ms > MAX_P95_FLOOR_RATIO * floor.median_ms:
        found.append(f"p95 > {MAX_P95_FLOOR_RATIO:g}× floor")
    return found
