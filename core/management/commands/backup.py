"""`manage.py backup [--output FILE | --dir DIR] [--keep N] [--encrypt]`: one archive with the
database and the uploaded files (see core/backups.py and docs/deployment.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup_encryption import BackupKeyError, key_from_environment
from core.backups import BackupError, default_backup_path, make_backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded files (MEDIA_ROOT) into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", type=Path, help="The archive to write.")
        parser.add_argument(
            "--dir",
            type=Path,
            help="Folder for a time-stamped archive (default: BACKUP_DIR, or backups/).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=0,
            help="After a successful backup, keep only the newest N archives in the folder.",
        )
        parser.add_argument(
            "--encrypt",
            action="store_true",
            help="Encrypt the archive with the key in LEERKRING_BACKUP_KEY.",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, output, dir, keep, encrypt, database, **options):
        key = None
        if encrypt:
            try:
                key = key_from_environment()
            except BackupKeyError as error:
                raise CommandError(str(error)) from error
        path = output or default_backup_path(dir, encrypted=encrypt)
        try:
            info = make_backup(path, alias=database, key=key)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written: {info.path} ({info.engine}, {info.media_files} media files, "
                f"{info.size} bytes{', encrypted' if encrypt else ''})."
            )
        )
        if keep > 0:
            archives = sorted(
                path
                for path in info.path.parent.glob("leerkring-*")
                if path.name.endswith((".tar.gz", ".tar.gz.enc"))
            )
            for old in archives[:-keep]:
                old.unlink()
                self.stdout.write(f"Removed old backup {old}.")
