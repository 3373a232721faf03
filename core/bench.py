"""Pages measured by `make bench` and pinned by the query-count test.

Every project app may define `bench_pages.py` with `pages() -> list[BenchPage]`, choosing
representative objects from the database that `manage.py demo` built (the same code runs on
the small and the large data set, and the query count must be the same on both).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class BenchPage:
    name: str  # e.g. "team list"
    url: str
    user: object  # the User who requests the page
