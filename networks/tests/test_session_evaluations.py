"""Session evaluations run through the survey engine: the trainer starts one per session."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from networks.models import Attendance, Session
from networks.services import registration
from organisations.models import Membership
from organisations.tests.factories import (
    MembershipFactory,
    ProviderFactory,
    SchoolFactory,
    UserFactory,
)
from surveys.loader import load_all
from surveys.models import Invitation, Survey
from surveys.tests.helpers import full_answers

from .factories import SessionFactory


def _url(name, provider, **kwargs):
    return reverse(f"networks:{name}", kwargs={"slug": provider.slug, **kwargs})


@pytest.fixture
def session(db, edition):
    load_all()
    edition.capacity = 40
    edition.starts_on = timezone.localdate() - datetime.timedelta(days=30)
    edition.save()
    people = UserFactory.create_batch(4)
    application = registration.application_submit(
        edition_id=edition.pk, applicant=people[0], people=people, school=SchoolFactory()
    )
    session = SessionFactory(
        edition=edition, date=timezone.localdate() - datetime.timedelta(days=1)
    )
    statuses = [Attendance.Status.PRESENT] * 3 + [Attendance.Status.EXCUSED]
    for participant, status in zip(application.participants.order_by("pk"), statuses, strict=True):
        Attendance.objects.create(session=session, participant=participant, status=status)
    return session


def _start(client, provider, session):
    return client.post(_url("session_evaluation_start", provider, pk=session.pk))


def test_start_creates_one_survey_and_mails_each_person_present(
    login, trainer, provider, session, mailoutbox
):
    response = _start(login(trainer), provider, session)
    assert response.status_code == 302
    session.refresh_from_db()
    survey = session.evaluation
    assert survey.organisation == provider
    assert survey.version.instrument.code == "sessie-evaluatie"
    present = set(
        session.attendances.filter(status=Attendance.Status.PRESENT).values_list(
            "participant__user__email", flat=True
        )
    )
    invitations = Invitation.objects.filter(round__survey=survey)
    assert {i.email for i in invitations} == {e.lower() for e in present}
    assert all(i.sent_at for i in invitations)
    assert {tuple(m.to) for m in mailoutbox} == {(e.lower(),) for e in present}
    assert all("/s/" in m.body for m in mailoutbox)


def test_a_second_start_is_refused(login, trainer, provider, session, mailoutbox):
    client = login(trainer)
    _start(client, provider, session)
    response = client.post(_url("session_evaluation_start", provider, pk=session.pk), follow=True)
    assert Survey.objects.count() == 1
    assert len(mailoutbox) == 3
    assert "al een evaluatie" in response.content.decode()


def test_a_session_nobody_attended_is_refused(login, trainer, provider, session):
    empty = SessionFactory(edition=session.edition)
    client = login(trainer)
    response = client.post(_url("session_evaluation_start", provider, pk=empty.pk), follow=True)
    empty.refresh_from_db()
    assert empty.evaluation is None
    assert "Niemand was aanwezig" in response.content.decode()


def test_provider_staff_who_are_not_trainers_get_403(login, provider, session):
    staff = MembershipFactory(organisation=provider, role=Membership.Role.STAFF)
    assert _start(login(staff), provider, session).status_code == 403
    assert Session.objects.get(pk=session.pk).evaluation is None


def test_another_provider_gets_404(login, provider, session):
    other = MembershipFactory(organisation=ProviderFactory(), role=Membership.Role.TRAINER)
    assert _start(login(other), other.organisation, session).status_code == 404
    assert _start(login(other), provider, session).status_code == 404
    assert Session.objects.get(pk=session.pk).evaluation is None


def test_the_overview_shows_the_count_and_the_report_keeps_the_threshold(
    client, login, trainer, provider, session
):
    trainer_client = login(trainer)
    overview_url = _url("edition_overview", provider, pk=session.edition_id)
    assert "Start de evaluatie" in trainer_client.get(overview_url).content.decode()
    _start(trainer_client, provider, session)
    session.refresh_from_db()
    invitations = list(Invitation.objects.filter(round__survey__network_session=session))
    for invitation in invitations[:2]:
        client.post(reverse("surveys:answer", args=[invitation.token]), full_answers(invitation))
    body = trainer_client.get(overview_url).content.decode()
    assert "2 antwoorden" in body
    assert "Start de evaluatie" not in body
    report = reverse(
        "surveys:shared_report", kwargs={"slug": provider.slug, "pk": session.evaluation_id}
    )
    assert report in body
    survey = Survey.objects.get(network_session=session)
    round_ = survey.rounds.get()
    round_.closed = True
    round_.save(update_fields=["closed"])
    response = trainer_client.get(report)
    assert response.status_code == 200
    assert response.context["survey"] == survey
    # Two answers stay below the threshold of three: the report shows none of them.
    assert "Te weinig mensen van deze groep antwoordden" in response.content.decode()


def test_the_evaluation_counts_add_no_queries_to_the_overview(login, trainer, provider, session):
    client = login(trainer)
    url = _url("edition_overview", provider, pk=session.edition_id)
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    _start(client, provider, session)
    other = SessionFactory(edition=session.edition)
    participant = session.attendances.first().participant
    Attendance.objects.create(session=other, participant=participant)
    _start(client, provider, other)
    client.get(url)
    with CaptureQueriesContext(connection) as after:
        body = client.get(url).content.decode()
    assert body.count("0 antwoorden") == 2
    assert len(after) == len(before)
