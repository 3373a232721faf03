"""`manage.py surveys_round_summaries`: write the summaries of finished 360° rounds that have
none yet (rounds whose close date passed since the last run). Run it daily from cron or a
systemd timer, like `surveys_purge_expired`; closing a round by hand writes its summary at once."""

from django.core.management.base import BaseCommand

from surveys.summaries import round_summaries_write


class Command(BaseCommand):
    help = "Write the summaries of finished 360° rounds that have none yet."

    def handle(self, *args, **options):
        written = round_summaries_write()
        self.stdout.write(f"{written} round summar{'y' if written == 1 else 'ies'} written.")
