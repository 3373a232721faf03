"""`manage.py development_weekly_digest`: enqueue the weekly mail of overdue actions. Run it
once a week (cron or a scheduler)."""

from django.core.management.base import BaseCommand

from development.tasks import send_overdue_digest


class Command(BaseCommand):
    help = "Enqueue the weekly digest of overdue actions of the action plans."

    def handle(self, *args, **options):
        send_overdue_digest.enqueue()
        self.stdout.write("The weekly digest of overdue actions is queued.")
