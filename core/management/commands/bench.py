"""`manage.py bench`: build the large demo data set in a separate database and time every
main page against the floor. See bench/README.md for how to read the table."""

import json
import os
import time
import warnings
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from core.bench import (
    FLOOR_URL,
    BenchPage,
    bench_pages,
    bench_settings,
    measure,
    problems,
)
from core.bench_explain import page_plans, plans_as_json
from core.demo import LOGIN_EMAILS, SIZES

BENCH_DIR = Path(settings.BASE_DIR) / "bench"
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


class Command(BaseCommand):
    help = "Build the large demo data set in bench/bench.sqlite3 (or a PostgreSQL database "
    "named *bench*) and measure every main page: median, p95, SQL queries, ratio to the floor."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=SIZES, default="large")
        parser.add_argument("--requests", type=int, default=30, help="Timed requests per page.")
        parser.add_argument("--warmup", type=int, default=3, help="Untimed requests first.")
        parser.add_argument(
            "--keep", action="store_true", help="Reuse the data already in the bench database."
        )
        parser.add_argument("--output", default=str(BENCH_DIR / "latest.json"))
        parser.add_argument(
            "--sqlite",
            default=str(BENCH_DIR / "bench.sqlite3"),
            help="The SQLite file to build and measure (default bench/bench.sqlite3); a file "
            "of your own keeps your data apart from someone else's bench run.",
        )
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            metavar="TEXT",
            help="Measure only the pages whose name contains TEXT (repeatable); the floor "
            "is always measured.",
        )
        parser.add_argument(
            "--explain",
            action="store_true",
            help="PostgreSQL only: after the table, EXPLAIN (ANALYZE, BUFFERS) every query of "
            "every page and print a plan summary per query.",
        )
        parser.add_argument(
            "--clock",
            choices=CLOCKS,
            default="cpu",
            help="cpu: this process's CPU time (default), steady on a busy machine but "
            "without PostgreSQL's own work; wall: elapsed time.",
        )

    def handle(
        self, *args, size, requests, warmup, keep, output, clock, sqlite, only, explain, **options
    ):
        self._use_bench_database(keep, Path(sqlite))
        if explain and connections["default"].vendor != "postgresql":
            raise CommandError("--explain reads PostgreSQL's query plans: set DATABASE_URL.")
        call_command("migrate", verbosity=0, interactive=False)
        if not (keep and apps.get_model("organisations", "Organisation").objects.exists()):
            self._build(size)
        # WhiteNoise warns that collectstatic has not run; the bench serves no static files.
        warnings.filterwarnings("ignore", "No directory at", UserWarning)
        with bench_settings():
            leader = get_user_model().objects.get(email=LOGIN_EMAILS["leader"])
            chosen = [
                page
                for page in bench_pages()
                if not only or any(text.lower() in page.name.lower() for text in only)
            ]
            pages = [BenchPage("floor", FLOOR_URL, leader), *chosen]
            floor, *results = measure(pages, requests=requests, warmup=warmup, clock=CLOCKS[clock])
            self._print(floor, results)
            plans = self._explain(chosen) if explain else {}
        report = {"floor_median_ms": floor.median_ms, "pages": [r.as_json() for r in results]}
        if plans:
            report["plans"] = plans
        Path(output).write_text(json.dumps(report, indent=2) + "\n")
        self.stdout.write(f"Wrote {output}.")

    def _explain(self, pages: list[BenchPage]) -> dict:
        """Print each page's query plans, one line a query, and return them as data."""
        self.stdout.write("\nQuery plans (EXPLAIN ANALYZE, BUFFERS): time, rows, buffers, nodes")
        found = {}
        for page in pages:
            plans = page_plans(page)
            found[page.name] = plans_as_json(plans)
            slow = sum(plan.ms for plan in plans)
            self.stdout.write(f"\n{page.name} — {len(plans)} selects, {slow:.1f} ms in PostgreSQL")
            for number, plan in enumerate(plans, start=1):
                line = f"  {number:>2} {plan.summary}"
                self.stdout.write(self.style.ERROR(line) if plan.seq_scans else line)
        return found

    def _build(self, size: str) -> None:
        """The demo data, showing each app's build time (not the list of demo logins)."""
        output = StringIO()
        started = time.perf_counter()
        call_command("demo", size=size, reset=True, stdout=output)
        for line in output.getvalue().splitlines():
            if line.startswith("  "):
                self.stdout.write(line)
        self.stdout.write(f"Built the {size} demo data in {time.perf_counter() - started:.1f} s.")

    def _use_bench_database(self, keep: bool, path: Path) -> None:
        """Point the default connection at the bench's SQLite file, or check that a
        PostgreSQL database is meant for the bench: it is flushed."""
        connection = connections["default"]
        connection.close()
        if connection.vendor == "sqlite":
            if not keep:
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            connection.settings_dict["NAME"] = str(path)
        elif "bench" not in connection.settings_dict["NAME"]:
            raise CommandError(
                "The bench deletes all data in its database. Point DATABASE_URL at a database "
                "whose name contains 'bench' (e.g. postgres://…/bench)."
            )
        self.stdout.write(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")

    def _print(self, floor, results) -> None:
        load, cpus = os.getloadavg()[0], os.cpu_count() or 1
        if load > cpus:
            self.stdout.write(
                self.style.WARNING(
                    f"The machine is busy (load {load:.1f} on {cpus} CPUs): times are inflated "
                    "and noisy; compare the ratios to the floor, or rerun with --clock cpu."
                )
            )
        width = max(len(row.page) for row in [floor, *results])
        header = (
            f"{'page':<{width}} {'database':<10} {'median ms':>9} {'p95 ms':>8} {'queries':>7} "
            f"{'× floor':>7} {'sql %':>5} {'render %':>8}"
        )
        self.stdout.write(f"\n{header}  notes")
        self.stdout.write("-" * (len(header) + 9))
        failed = 0
        for row in [floor, *results]:
            notes = problems(row, floor) if row is not floor else []
            failed += bool(notes)
            ratio = row.median_ms / floor.median_ms if floor.median_ms else 0
            line = (
                f"{row.page:<{width}} {row.database:<10} {row.median_ms:>9.1f} {row.p95_ms:>8.1f} "
                f"{row.queries:>7} {ratio:>7.2f} {row.sql_share:>5.0%} {row.render_share:>8.0%}"
                f"  {', '.join(notes)}"
            )
            self.stdout.write(self.style.ERROR(line) if notes else line)
        summary = f"\n{len(results) - failed} of {len(results)} pages meet the targets"
        self.stdout.write(summary + " (≤ 12 queries, median ≤ 5× and p95 ≤ 10× floor).")
