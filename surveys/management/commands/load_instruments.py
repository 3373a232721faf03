from django.core.management.base import BaseCommand, CommandError

from surveys.loader import INSTRUMENT_DIR, InstrumentError, load_all


class Command(BaseCommand):
    help = "Validate and load the instrument files in surveys/instruments/ (idempotent)."

    def handle(self, *args, **options):
        try:
            results = load_all(INSTRUMENT_DIR)
        except InstrumentError as error:
            raise CommandError(str(error)) from error
        for result in results:
            state = "new version" if result.created else "unchanged"
            self.stdout.write(f"{result.version.instrument.code} v{result.version.number}: {state}")
