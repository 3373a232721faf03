"""Deciding on applications: accept, waitlist, refuse, withdraw, invite to an intake, and
offering freed places to the waiting list, with the mails and audit records of each.

Like applying, every decision locks the edition row first (`registration.lock_edition`), so
a place freed by one decision is offered once and counted by the next.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError

from ..mails import application_mail
from ..models import Application, Edition
from .registration import deactivate_participants, expire_offers, free_places, lock_edition

Status = Application.Status


class NotEnoughPlaces(LeerkringError):
    """Accepting would go past the edition's capacity; the caller may offer the waiting list."""

    def __init__(self, message, *, free: int):
        super().__init__(message)
        self.free = free


def _site_url(path: str, base_url: str | None) -> str:
    """An absolute link for a mail: from the request when there is one (base_url), else
    from settings.SITE_URL (the daily command has no request)."""
    base = base_url or getattr(settings, "SITE_URL", "http://localhost:8000")
    return base.rstrip("/") + path


def _waiting_list(edition: Edition):
    return Application.objects.filter(edition=edition, status=Status.WAITLISTED).order_by(
        "waitlisted_at", "pk"
    )


def _next_in_line(edition: Edition, waiting, free: int):
    """The waiting applications that get `free` places, in order: the first application that
    fits gets them, so a group of five waits while a single person behind it may move up.
    Places are counted in the edition's unit (a group takes one group place). Each carries
    its `position` on the waiting list."""
    for position, application in enumerate(waiting, start=1):
        if free <= 0:
            break
        needed = edition.units(application.size)
        if needed > free:
            continue
        free -= needed
        application.position = position
        yield application


def withdrawal_offers(application: Application, *, now=None) -> list[Application]:
    """The waiting applications that would be offered a place if this one were withdrawn now:
    what the applicant is told before they confirm."""
    if application.status not in Application.HOLDS_PLACE:
        return []
    now = now or timezone.now()
    edition = application.edition
    free = free_places(edition, now=now) + edition.units(application.size)
    return list(_next_in_line(edition, _waiting_list(edition), free))


def _fill_places(edition: Edition, *, now, base_url=None) -> list[Application]:
    """Offer free places to the waiting list in order (see `_next_in_line`)."""
    offered = []
    waiting = _waiting_list(edition).select_related("applicant")
    for application in _next_in_line(edition, waiting, free_places(edition, now=now)):
        application.status = Status.OFFERED
        application.offer_token = secrets.token_urlsafe(32)
        application.offer_expires_at = now + timedelta(days=edition.offer_days)
        application.save()
        offered.append(application)
        path = reverse("networks:offer", kwargs={"token": application.offer_token})
        application.edition = edition
        application_mail(
            application,
            "offered",
            date=application.offer_expires_at,
            link=_site_url(path, base_url),
        )
    return offered


@transaction.atomic
def edition_fill_places(*, edition_id: int, now=None, base_url=None) -> list[Application]:
    """Expire stale offers and offer free places to the waiting list."""
    now = now or timezone.now()
    edition = lock_edition(edition_id)
    expire_offers(edition, now=now)
    return _fill_places(edition, now=now, base_url=base_url)


def _locked_application(application_id: int) -> tuple[Edition, Application]:
    edition_id = Application.objects.values_list("edition_id", flat=True).get(pk=application_id)
    edition = lock_edition(edition_id)
    return edition, Application.objects.select_related("applicant").get(pk=application_id)


def _record(
    application: Application, edition: Edition, *, actor, summary, mail=None, **params
) -> None:
    """Audit a change of an application and, when there is news for the applicant, mail it
    (`mail` is the kind of news, see networks.mails)."""
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=application,
        organisation=edition.programme.provider,
        summary=summary,
    )
    if mail:
        application.edition = edition
        application_mail(application, mail, **params)


def _not_enough_message(edition: Edition, application: Application, free: int) -> str:
    if edition.counts_groups:
        return _(
            "There is no group place left in this edition. Put it on the waiting list instead."
        )
    return ngettext(
        "This application is for %(size)d people and there is only %(free)d free place. "
        "Put it on the waiting list instead.",
        "This application is for %(size)d people and there are only %(free)d free places. "
        "Put it on the waiting list instead.",
        free,
    ) % {"size": application.size, "free": free}


@transaction.atomic
def application_accept(*, application_id: int, actor, now=None) -> Application:
    now = now or timezone.now()
    edition, application = _locked_application(application_id)
    if application.status not in (Status.SUBMITTED, Status.WAITLISTED):
        raise LeerkringError(_("Only a submitted or waitlisted application can be accepted."))
    expire_offers(edition, now=now)
    free = free_places(edition, now=now)
    if edition.units(application.size) > free:
        raise NotEnoughPlaces(_not_enough_message(edition, application, free), free=free)
    application.status = Status.ACCEPTED
    application.decided_at = now
    application.save()
    _record(
        application,
        edition,
        actor=actor,
        summary="accepted",
        mail="decided_accepted",
    )
    return application


@transaction.atomic
def application_waitlist(*, application_id: int, actor, now=None) -> Application:
    now = now or timezone.now()
    edition, application = _locked_application(application_id)
    if application.status != Status.SUBMITTED:
        raise LeerkringError(_("Only a submitted application can be put on the waiting list."))
    application.status = Status.WAITLISTED
    application.waitlisted_at = now
    application.save()
    _record(
        application,
        edition,
        actor=actor,
        summary="waitlisted",
        mail="waitlisted",
    )
    return application


def _check_active(application: Application) -> None:
    if application.status not in Application.ACTIVE:
        raise LeerkringError(_("This application has already ended."))


def _end(application: Application, edition: Edition, status: str, *, now, base_url=None) -> None:
    held_place = application.status in Application.HOLDS_PLACE
    application.status = status
    application.decided_at = now
    application.save()
    deactivate_participants(application)
    if held_place:
        _fill_places(edition, now=now, base_url=base_url)


@transaction.atomic
def application_refuse(*, application_id: int, actor, now=None, base_url=None) -> Application:
    now = now or timezone.now()
    edition, application = _locked_application(application_id)
    _check_active(application)
    _end(application, edition, Status.REFUSED, now=now, base_url=base_url)
    _record(
        application,
        edition,
        actor=actor,
        summary="refused",
        mail="refused",
    )
    return application


@transaction.atomic
def application_withdraw(*, application_id: int, user, now=None, base_url=None) -> Application:
    """The applicant withdraws (or leaves the waiting list); a freed place goes to the list."""
    now = now or timezone.now()
    edition, application = _locked_application(application_id)
    if application.applicant_id != user.pk:
        raise LeerkringError(_("Only the person who applied can withdraw this application."))
    _check_active(application)
    _end(application, edition, Status.WITHDRAWN, now=now, base_url=base_url)
    _record(application, edition, actor=user, summary="withdrawn")
    return application


@transaction.atomic
def application_schedule_intake(*, application_id: int, when, note: str = "", actor) -> Application:
    edition, application = _locked_application(application_id)
    _check_active(application)
    application.intake_at = when
    application.intake_note = note.strip()
    application.save()
    _record(
        application,
        edition,
        actor=actor,
        summary="intake",
        mail="intake",
        date=when,
        note=application.intake_note,
    )
    return application


def offer_respond(*, token: str, accept: bool, now=None, base_url=None) -> Application:
    """Accept or decline an offered place through the link in the offer mail.

    An expired offer is ended (and its place offered on) before the error is raised, so the
    rollback of the error does not undo that.
    """
    now = now or timezone.now()
    with transaction.atomic():
        edition_id = Application.objects.values_list("edition_id", flat=True).get(offer_token=token)
        edition = lock_edition(edition_id)
        application = Application.objects.get(offer_token=token)
        expired = application.status == Status.EXPIRED or (
            application.status == Status.OFFERED and application.offer_expires_at < now
        )
        if expired:
            if application.status == Status.OFFERED:
                _end(application, edition, Status.EXPIRED, now=now, base_url=base_url)
        elif application.status == Status.OFFERED:
            if accept:
                application.status = Status.ACCEPTED
                application.decided_at = now
                application.save()
            else:
                _end(application, edition, Status.DECLINED, now=now, base_url=base_url)
            _record(
                application,
                edition,
                actor=application.applicant,
                summary="offer accepted" if accept else "offer declined",
            )
            return application
    if expired:
        raise LeerkringError(
            _("This offer expired on %(date)s. The place has gone to the next on the list.")
            % {"date": formats.date_format(timezone.localtime(application.offer_expires_at))}
        )
    raise LeerkringError(_("You have already answered this offer."))
