"""`manage.py restore FILE [--check] [--no-input]`: replace the database and the uploaded files
with a backup's, after checking the whole archive (see core/backups.py). An encrypted backup
is opened with the key in LEERKRING_BACKUP_KEY."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, inspect_backup, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: checks the archive completely, then "
        "replaces ALL data in the database and MEDIA_ROOT with the backup's."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--check", action="store_true", help="Only verify the archive; change nothing."
        )
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask to confirm."
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, archive, check, interactive, database, **options):
        try:
            manifest = inspect_backup(archive, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        summary = (
            f"{archive}: a {manifest['engine']} backup of {manifest['created_at']} with "
            f"{media} media files; every checksum matches."
        )
        if check:
            self.stdout.write(self.style.SUCCESS(summary))
            return
        self.stdout.write(summary)
        if interactive:
            answer = input(
                "This replaces ALL data in the database and every uploaded file. "
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing changed.")
        try:
            restore_backup(archive, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                "Restored. Run `manage.py migrate` if this backup is older than the code."
            )
        )
