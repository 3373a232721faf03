"""Pages measured by `make bench` and pinned by the query-count test.

Every project app may define `bench_pages.py` with `pages() -> list[BenchPage]`, choosing
representative objects from the database that `manage.py demo` built (the same code runs on
the small and the large data set, and the query count must be the same on both).

`measure` requests each page with Django's test client as a signed-in user: a few warm-up
requests, then N timed ones (server time only: no network, no browser) and one more inside
CaptureQueriesContext to count its SQL queries. The floor is the base layout with a 50-row
table from a plain list (core/bench_floor.py, mounted only by bench/urls.py): a page cannot
be much faster than that, so each page's median is reported as a ratio to it.

Beside the times, `measure` splits each page's time into SQL (inside the database cursor)
and rendering (inside a template's `render`, less the SQL run from the template), so the
next person sees where a page's time goes before opening a profiler.
"""

import math
import statistics
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from django.db import connection
from django.template.backends.django import Template as DjangoTemplate
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
    sql_share: float = 0.0  # of the timed requests' time, in SQL
    render_share: float = 0.0  # in templates, their own SQL left out

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


def count_queries(page: BenchPage, *, raise_errors: bool = True) -> tuple[int, int]:
    """(status, number of SQL queries) of one warm request for the page, from a session
    signed in just before, so that the once-a-minute note of a session's activity
    (privacy.middleware) never falls in the count."""
    client = _client_for(page.user, raise_errors=raise_errors)
    page.request(client)()
    send = page.request(client)
    with CaptureQueriesContext(connection) as captured:
        response = send()
    return response.status_code, len(captured)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


class TimeSplit:
    """Adds up, with `clock`, the time spent in SQL and in template rendering while active.
    A template rendered from inside another (an include, a partial rendered by a tag) is
    counted once, with the outermost render."""

    def __init__(self, clock):
        self.clock = clock
        self.sql = self.render = 0.0
        self._sql_in_render = 0.0
        self._depth = 0

    def _run_sql(self, execute, sql, params, many, context):
        started = self.clock()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = self.clock() - started
            self.sql += spent
            if self._depth:
                self._sql_in_render += spent

    @contextmanager
    def active(self):
        split, render = self, DjangoTemplate.render

        def timed_render(template, context=None, request=None):
            split._depth += 1
            started = split.clock()
            try:
                return render(template, context, request)
            finally:
                split._depth -= 1
                if not split._depth:
                    split.render += split.clock() - started - split._sql_in_render
                    split._sql_in_render = 0.0

        DjangoTemplate.render = timed_render
        try:
            with connection.execute_wrapper(self._run_sql):
                yield self
        finally:
            DjangoTemplate.render = render


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
    splits = [TimeSplit(clock) for _ in pages]
    for _ in range(requests):
        for page, client, samples, split in zip(pages, clients, times, splits, strict=True):
            send = page.request(client)
            with split.active():
                started = clock()
                send()
                samples.append((clock() - started) * 1000)
    results = []
    for page, samples, split in zip(pages, times, splits, strict=True):
        total = sum(samples) / 1000 or 1.0
        status, queries = count_queries(page, raise_errors=False)
        results.append(
            Measurement(
                page=page.name,
                url=page.url,
                database=connection.vendor,
                status=status,
                median_ms=round(statistics.median(samples), 2),
                p95_ms=round(percentile(samples, 0.95), 2),
                queries=queries,
                sql_share=round(split.sql / total, 3),
                render_share=round(split.render / total, 3),
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
