"""`manage.py demo --size small|large|region [--reset]`: fill the database with Dutch demo
data. `region` (PostgreSQL only) builds `large` and adds the region's mass with COPY."""

import time

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from core.demo import PASSWORD, SIZES, DemoContext
from core.discovery import app_modules


def demo_builders():
    """(app label, build) of every project app whose demo.py builds data, in INSTALLED_APPS
    order: organisations, which builds the schools and people every later builder reads,
    comes before the apps that use them. core's demo.py holds the shared context only."""
    return [
        (module.__name__.rsplit(".", 1)[0], module.build)
        for module in app_modules("demo")
        if hasattr(module, "build")
    ]


def build_demo(size: str) -> DemoContext:
    """Build the whole demo data set in one transaction and return its context."""
    ctx = DemoContext(size=size, password=PASSWORD)
    # Hashed once for every demo user: Argon2 takes a tenth of a second per hash.
    ctx.password_hash = make_password(PASSWORD)
    with transaction.atomic():
        for label, build in demo_builders():
            started = time.perf_counter()
            build(ctx)
            ctx.timings.append((label, time.perf_counter() - started))
    return ctx


class Command(BaseCommand):
    help = "Fill the database with demo data: Flemish schools, teams, people and demo logins."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=SIZES, default="small")
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="region only: a fraction of the region's totals (0.01 is 30 schools).",
        )
        parser.add_argument("--seed", type=int, default=None, help="region only: the seed.")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete ALL data in the database first (manage.py flush), then build.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Build only into an empty database; otherwise keep its data and exit 0 "
            "(for `make demo`, which may run again on the same db.sqlite3).",
        )

    def handle(self, *args, size, reset, if_empty, scale, seed, **options):
        if size == "region" and connection.vendor != "postgresql":
            raise CommandError(
                "The region data set (3,000 schools, 10 million answers) needs PostgreSQL: "
                "set DATABASE_URL to a PostgreSQL database, for example "
                "postgres://postgres@127.0.0.1:5432/bench_region."
            )
        if apps.get_model("organisations", "Organisation").objects.exists():
            if if_empty and not reset:
                self.stdout.write(
                    "The database already has data; keeping it. Run `manage.py demo --reset` "
                    "to delete everything and build the demo again."
                )
                return
            if not reset:
                raise CommandError(
                    "This database already has organisations; demo data only goes into an "
                    "empty database. Run `manage.py demo --reset` to delete ALL data and "
                    "build the demo again."
                )
            self.stdout.write("Deleting all data (--reset)…")
            call_command("flush", interactive=False, verbosity=0)
        started = time.perf_counter()
        ctx = build_demo("large" if size == "region" else size)
        for label, seconds in ctx.timings:
            self.stdout.write(f"  {label:<16} {seconds:6.1f} s")
        if size == "region":
            # The region's bulk writes every app's tables; it loads only when asked for.
            from core.region import SEED, build_region

            seed = SEED if seed is None else seed
            self.stdout.write(f"Region data (scale {scale:g}, seed {seed}), with COPY:")
            build_region(
                scale=scale,
                seed=seed,
                password_hash=ctx.password_hash,
                write=lambda line: self.stdout.write(line) or self.stdout.flush(),
            )
        total = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Demo data ({size}) built in {total:.1f} s."))
        self._print_logins(ctx)

    def _print_logins(self, ctx: DemoContext) -> None:
        width = max(len(description) for description, _ in ctx.logins)
        self.stdout.write("")
        self.stdout.write(f"{'Demo login':<{width}}  Email")
        self.stdout.write(f"{'-' * width}  {'-' * 40}")
        for description, email in ctx.logins:
            self.stdout.write(f"{description:<{width}}  {email}")
        self.stdout.write(f"\nPassword for every demo login: {ctx.password}")
