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

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.tasks import send_email

from ..models import Application, Edition
from .registration import deactivate_participants, expire_offers, free_places, lock_edition

Status = Application.Status


class NotEnoughPlaces(LeerkringError):
    """Accepting would go past the edition's capacity; the caller may offer the waiting list."""

    def __init__(self, message, *, free: int):
        super().__init__(message)
        self.free = free


def _mail(*, subject: str, body: str, to: list[str]) -> None:
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=to))


def _site_url(path: str, base_url: str | None) -> str:
    """An absolute link for a mail: from the request when there is one (base_url), else
    from settings.SITE_URL (the daily command has no request)."""
    base = base_url or getattr(settings, "SITE_URL", "http://localhost:8000")
    return base.rstrip("/") + path


def _fill_places(edition: Edition, *, now, base_url=None) -> list[Application]:
    """Offer free places to the waiting list in order: the first application that fits gets
    it, so a group of five waits while a single person behind it may move up."""
    free = free_places(edition, now=now)
    offered = []
    waiting = Application.objects.filter(edition=edition, status=Status.WAITLISTED).order_by(
        "waitlisted_at", "pk"
    )
    for application in waiting.select_related("applicant"):
        if free <= 0:
            break
        if application.size > free:
            continue
        application.status = Status.OFFERED
        application.offer_token = secrets.token_urlsafe(32)
        application.offer_expires_at = now + timedelta(days=edition.offer_days)
        application.save()
        free -= application.size
        offered.append(application)
        path = reverse("networks:offer", kwargs={"token": application.offer_token})
        link = _site_url(path, base_url)
        _mail(
            subject=_("A place is free for you: %(course)s") % {"course": edition.programme.title},
            body=_(
                "A place has come free in %(course)s (%(edition)s). Accept or decline it "
                "before %(date)s through this link:\n\n%(link)s"
            )
            % {
                "course": edition.programme.title,
                "edition": edition.name,
                "date": formats.date_format(timezone.localtime(application.offer_expires_at)),
                "link": link,
            },
            to=[application.applicant.email],
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


def _decision_mail(application: Application, text: str) -> None:
    _mail(
        subject=_("Your application: %(course)s") % {"course": application.edition.programme},
        body=text,
        to=[application.applicant.email],
    )


def _record(application: Application, edition: Edition, *, actor, summary, mail=None) -> None:
    """Audit a change of an application and, when there is news for the applicant, mail it."""
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=application,
        organisation=edition.programme.provider,
        summary=summary,
    )
    if mail:
        _decision_mail(application, mail)


@transaction.atomic
def application_accept(*, application_id: int, actor, now=None) -> Application:
    now = now or timezone.now()
    edition, application = _locked_application(application_id)
    if application.status not in (Status.SUBMITTED, Status.WAITLISTED):
        raise LeerkringError(_("Only a submitted or waitlisted application can be accepted."))
    expire_offers(edition, now=now)
    free = free_places(edition, now=now)
    if application.size > free:
        raise NotEnoughPlaces(
            _(
                "This application is for %(size)d people and there are only %(free)d free "
                "places. Put it on the waiting list instead."
            )
            % {"size": application.size, "free": free},
            free=free,
        )
    application.status = Status.ACCEPTED
    application.decided_at = now
    application.save()
    _record(
        application,
        edition,
        actor=actor,
        summary="accepted",
        mail=_("Your application has been accepted. Welcome!"),
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
        mail=_("Your application is on the waiting list."),
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
        mail=_("We are sorry: your application could not be accepted."),
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
    when_text = formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")
    _record(
        application,
        edition,
        actor=actor,
        summary="intake",
        mail=_("We invite you to an intake conversation on %(date)s. %(note)s")
        % {"date": when_text, "note": note},
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
