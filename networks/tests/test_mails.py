"""The mails about an application: a confirmation for every registration and application,
and every mail says what, when, where and what to bring, with the sessions as an .ics file,
in the recipient's language."""

import datetime

from django.utils import timezone

from networks.models import Application
from networks.services import registration, selection
from organisations.tests.factories import UserFactory

from .factories import SessionFactory

Status = Application.Status


def _prepare(edition):
    edition.what_to_bring = "Je laptop en het schoolwerkplan"
    edition.save()
    SessionFactory(edition=edition, title="Dag 1: PLG-types", date=edition.starts_on)


def _calendar(message):
    ((name, content, mimetype),) = message.attachments
    assert name.endswith(".ics") and mimetype == "text/calendar"
    return content


def test_a_direct_registration_is_confirmed_with_the_facts_and_a_calendar(
    edition, django_capture_on_commit_callbacks, mailoutbox
):
    _prepare(edition)
    person = UserFactory(first_name="Els")
    with django_capture_on_commit_callbacks(execute=True):
        application = registration.application_submit(edition_id=edition.pk, applicant=person)
    assert application.status == Status.ACCEPTED
    (message,) = mailoutbox
    assert message.to == [person.email]
    assert "Onderwijskundig leiderschap" in message.subject
    body = message.body
    assert "Je inschrijving is aanvaard" in body
    assert "Wat: Onderwijskundig leiderschap" in body
    day = edition.starts_on
    assert f"{day.day} " in body and str(day.year) in body  # "1 september 2026"
    assert "Pedagogisch Centrum, Gent (Zaal 2)" in body
    assert "Je laptop en het schoolwerkplan" in body
    assert "SUMMARY:Dag 1: PLG-types" in _calendar(message)


def test_a_submitted_application_and_a_waiting_place_are_confirmed(
    edition, django_capture_on_commit_callbacks, mailoutbox
):
    _prepare(edition)
    edition.programme.selection = True
    edition.programme.save()
    with django_capture_on_commit_callbacks(execute=True):
        registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    assert "De aanbieder laat je iets weten" in mailoutbox[-1].body
    assert _calendar(mailoutbox[-1])
    edition.programme.selection = False
    edition.programme.save()
    edition.capacity = 1
    edition.save()
    with django_capture_on_commit_callbacks(execute=True):
        registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
        registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    assert "wachtlijst" in mailoutbox[-1].subject


def test_the_acceptance_mail_is_in_the_recipients_language(
    edition, django_capture_on_commit_callbacks, mailoutbox
):
    _prepare(edition)
    edition.programme.selection = True
    edition.programme.save()
    person = UserFactory(language="en")
    application = registration.application_submit(edition_id=edition.pk, applicant=person)
    with django_capture_on_commit_callbacks(execute=True):
        selection.application_accept(application_id=application.pk, actor=UserFactory())
    (message,) = mailoutbox
    assert message.subject == "Your application: Onderwijskundig leiderschap"
    assert "Your application has been accepted. Welcome!" in message.body
    assert "What to bring: Je laptop en het schoolwerkplan" in message.body
    assert "SUMMARY:Dag 1: PLG-types" in _calendar(message)


def test_the_intake_mail_gives_the_time_in_the_recipients_language(
    edition, django_capture_on_commit_callbacks, mailoutbox
):
    edition.programme.selection = True
    edition.programme.save()
    application = registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    when = timezone.make_aware(datetime.datetime(2026, 9, 1, 14, 30))
    with django_capture_on_commit_callbacks(execute=True):
        selection.application_schedule_intake(
            application_id=application.pk, when=when, note="Bel even.", actor=UserFactory()
        )
    assert "1 september 2026 14:30" in mailoutbox[-1].body


def test_a_refusal_carries_no_calendar(edition, django_capture_on_commit_callbacks, mailoutbox):
    _prepare(edition)
    application = registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        selection.application_refuse(application_id=application.pk, actor=UserFactory())
    assert not mailoutbox[-1].attachments
