"""`manage.py networks_offer_places`: expire offers nobody answered in time and offer the
freed places to the next on each waiting list. Run it daily (cron or a scheduler); the same
happens lazily whenever someone registers, withdraws or answers an offer."""

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from networks.models import Application, Edition
from networks.services.selection import edition_fill_places


class Command(BaseCommand):
    help = "Expire unanswered offers and offer free places to the waiting lists."

    def handle(self, *args, **options):
        now = timezone.now()
        stale = Q(
            applications__status=Application.Status.OFFERED,
            applications__offer_expires_at__lt=now,
        )
        editions = Edition.objects.filter(stale).distinct().values_list("pk", flat=True)
        offered = 0
        for edition_id in editions:
            offered += len(edition_fill_places(edition_id=edition_id, now=now))
        self.stdout.write(
            f"{len(editions)} edition(s) with expired offers; {offered} new offer(s)."
        )
