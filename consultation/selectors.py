"""Reads of the consultation structure, each in a fixed number of queries."""

import datetime

from django.db.models import Count
from django.utils import timezone

from communities.models import Meeting
from organisations.models import Membership

from .models import Body


def _from(day):
    """The start of a local day, so that a date range uses the (body, starts_at) index."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def bodies_of(*, organisation):
    """The school's bodies, each with its number of members, in one query."""
    return list(
        Body.objects.filter(organisation=organisation).annotate(
            member_count=Count("members", distinct=True)
        )
    )


def body_members(*, body) -> list[Membership]:
    return list(body.members.select_related("user").order_by("user__last_name", "user__first_name"))


def school_staff(*, organisation) -> list[tuple[int, str]]:
    """The school's active people as (membership id, name), to choose a body's members from:
    plain values, since a school has hundreds."""
    rows = (
        Membership.objects.filter(organisation=organisation, is_active=True)
        .order_by("user__last_name", "user__first_name", "pk")
        .values_list("pk", "user__first_name", "user__last_name", "user__email")
    )
    return [(pk, f"{first} {last}".strip() or email) for pk, first, last, email in rows]


def body_meetings(*, body, first, last):
    """The body's meetings from `first` to `last` (dates, included), oldest first, with their
    number of agenda items and decisions."""
    return list(
        Meeting.objects.filter(
            body=body,
            starts_at__gte=_from(first),
            starts_at__lt=_from(last + datetime.timedelta(days=1)),
        )
        .annotate(
            agenda_count=Count("agenda", distinct=True),
            decision_count=Count("decisions", distinct=True),
        )
        .order_by("starts_at", "pk")
    )


def meeting_record(*, meeting) -> dict:
    """What a body's meeting page shows besides the meeting: its agenda and decisions."""
    return {
        "agenda": list(meeting.agenda.all()),
        "decisions": list(meeting.decisions.all()),
    }


def year_meetings(*, organisation, first, last):
    """Every meeting of the school's bodies from `first` to `last` (dates, included), oldest
    first, each with its body."""
    return list(
        Meeting.objects.filter(
            body__organisation=organisation,
            starts_at__gte=_from(first),
            starts_at__lt=_from(last + datetime.timedelta(days=1)),
        )
        .select_related("body")
        .order_by("starts_at", "pk")
    )


def meetings_without_minutes(*, organisation, since):
    """The school's body meetings from `since` (a date) until now without minutes, newest
    first, each with its body's name only."""
    return list(
        Meeting.objects.filter(
            body__organisation=organisation,
            starts_at__gte=_from(since),
            starts_at__lt=timezone.now(),
            minutes="",
        )
        .select_related("body")
        .only("pk", "starts_at", "body_id", "body__name")
        .order_by("-starts_at", "-pk")
    )
