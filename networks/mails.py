"""The mails about an application: what happened, and the edition's facts (what, when, where,
what to bring) with its sessions attached as an .ics file, in the recipient's language."""

import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from . import ical
from .tasks import send_email_with_calendar

# Each kind of news: its subject and its opening line. The lines are formatted with the
# mail's `facts` (see application_mail), so each is translated in the recipient's language.
KINDS = {
    "accepted": (
        _("Your registration is confirmed: %(course)s"),
        _("Your registration is accepted. Welcome!"),
    ),
    "submitted": (
        _("Your application was received: %(course)s"),
        _("Your application was received. The provider will let you know."),
    ),
    "waitlisted": (
        _("You are on the waiting list: %(course)s"),
        _("Your application is on the waiting list."),
    ),
    "decided_accepted": (
        _("Your application: %(course)s"),
        _("Your application has been accepted. Welcome!"),
    ),
    "refused": (
        _("Your application: %(course)s"),
        _("We are sorry: your application could not be accepted."),
    ),
    "intake": (
        _("Your application: %(course)s"),
        _("We invite you to an intake conversation on %(date)s. %(note)s"),
    ),
    "offered": (
        _("A place is free for you: %(course)s"),
        _(
            "A place has come free in %(course)s (%(edition)s). Accept or decline it "
            "before %(date)s through this link:\n\n%(link)s"
        ),
    ),
}

# A refusal carries no calendar: its sessions are no longer the person's.
WITHOUT_CALENDAR = {"refused"}


def application_mail(application, kind: str, **params) -> None:
    """Mail the applicant `kind` news about their application once the transaction commits.
    `params` fill the opening line; a datetime among them is written in the recipient's
    language and time zone."""
    user = application.applicant
    edition = application.edition
    sessions = list(edition.sessions.filter(group=None).order_by("date", "start_time", "pk"))
    subject, opening = KINDS[kind]
    with translation.override(user.language or settings.LANGUAGE_CODE):
        values = {
            "course": edition.programme.title,
            "edition": edition.name,
            **{key: _local(value) for key, value in params.items()},
        }
        context = {
            "user": user,
            "edition": edition,
            "programme": edition.programme,
            "application": application,
            "sessions": sessions,
            "opening": opening % values,
            "with_calendar": kind not in WITHOUT_CALENDAR and bool(sessions),
        }
        body = render_to_string("networks/mail/application.txt", context)
        subject = str(subject % values)
    calendar = ""
    if context["with_calendar"]:
        calendar = ical.calendar_text(sessions, name=str(edition))
    mail = {
        "subject": subject,
        "body": body,
        "to": [user.email],
        "calendar": calendar,
        "filename": f"{edition.programme.code}-{edition.pk}.ics",
    }
    transaction.on_commit(lambda: send_email_with_calendar.enqueue(**mail))


def _local(value):
    """A date and time in the active language and the local time zone; others unchanged."""
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "j F Y H:i")
    return value
