"""`manage.py surveys_purge_expired [--now]`: queue the retention purge of surveys whose last
round closed SURVEY_RETENTION_MONTHS ago (default 12). Run it daily from cron or a systemd
timer; the worker (`manage.py db_worker`) runs the task. `--now` runs it in this process."""

from django.core.management.base import BaseCommand

from surveys.retention import purge_expired, retention_months
from surveys.tasks import purge_expired_survey_data


class Command(BaseCommand):
    help = "Purge survey token links, addresses and pseudonymous keys after the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Run here instead of queueing.")

    def handle(self, *args, now, **options):
        months = retention_months()
        if now:
            result = purge_expired()
            self.stdout.write(
                f"Retention {months} months: {result.surveys} survey(s), "
                f"{result.invitations} invitation(s) and {result.responses} response key(s) "
                "purged."
            )
            return
        purge_expired_survey_data.enqueue()
        self.stdout.write(f"Retention purge ({months} months) queued for the worker.")
