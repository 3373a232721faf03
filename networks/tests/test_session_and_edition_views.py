"""Provider staff add and delete sessions and form questions, and delete an edition nobody
registered for."""

from django.urls import reverse

from networks.models import Attendance, Edition, Question, Session
from networks.services import registration, selection
from organisations.tests.factories import SchoolFactory, UserFactory

from .factories import EditionFactory, QuestionFactory, SessionFactory


def _url(name, provider, **kwargs):
    return reverse(f"networks:{name}", kwargs={"slug": provider.slug, **kwargs})


def test_a_session_is_deleted_after_confirmation(login, trainer, provider, edition):
    session = SessionFactory(edition=edition, title="Vormingsdag per vergissing")
    client = login(trainer)
    url = _url("session_delete", provider, pk=session.pk)
    page = client.get(url)
    assert page.status_code == 200
    assert "Vormingsdag per vergissing" in page.content.decode()
    assert Session.objects.filter(pk=session.pk).exists()  # a GET only asks
    response = client.post(url)
    assert response.status_code == 302
    assert not Session.objects.filter(pk=session.pk).exists()


def test_a_session_with_attendance_is_kept(login, trainer, provider, edition):
    session = SessionFactory(edition=edition)
    person = UserFactory()
    application = registration.application_submit(
        edition_id=edition.pk, applicant=person, school=SchoolFactory()
    )
    Attendance.objects.create(session=session, participant=application.participants.get())
    response = login(trainer).post(_url("session_delete", provider, pk=session.pk), follow=True)
    assert Session.objects.filter(pk=session.pk).exists()
    assert "kan niet verwijderd worden" in response.content.decode()


def test_an_edition_without_registrations_is_deleted(login, trainer, provider, programme):
    edition = EditionFactory(programme=programme)
    SessionFactory(edition=edition)
    client = login(trainer)
    overview = client.get(_url("edition_overview", provider, pk=edition.pk)).content.decode()
    assert _url("edition_delete", provider, pk=edition.pk) in overview
    response = client.post(_url("edition_delete", provider, pk=edition.pk))
    assert response["Location"] == _url("programme_manage", provider, pk=programme.pk)
    assert not Edition.objects.filter(pk=edition.pk).exists()
    assert not Session.objects.filter(edition_id=edition.pk).exists()


def test_an_edition_with_a_withdrawn_application_is_kept(login, trainer, provider, edition):
    person = UserFactory()
    application = registration.application_submit(edition_id=edition.pk, applicant=person)
    selection.application_withdraw(application_id=application.pk, user=person)
    client = login(trainer)
    overview = client.get(_url("edition_overview", provider, pk=edition.pk)).content.decode()
    assert _url("edition_delete", provider, pk=edition.pk) not in overview
    client.post(_url("edition_delete", provider, pk=edition.pk))
    assert Edition.objects.filter(pk=edition.pk).exists()


def test_a_new_session_starts_at_the_editions_place(login, trainer, provider, edition):
    page = login(trainer).get(_url("session_create", provider, pk=edition.pk))
    form = page.context["form"]
    assert form["location"].value() == edition.location == "Pedagogisch Centrum"
    assert form["room"].value() == "Zaal 2"
    assert "alle deelnemers" in page.content.decode()


def test_an_unanswered_question_is_removed_from_the_form(login, trainer, provider, programme):
    question = QuestionFactory(programme=programme)
    login(trainer).post(_url("question_delete", provider, pk=question.pk))
    assert not Question.objects.filter(pk=question.pk).exists()


def test_an_answered_question_stays_with_the_applications(login, trainer, provider, edition):
    question = QuestionFactory(programme=edition.programme, required=False)
    registration.application_submit(
        edition_id=edition.pk, applicant=UserFactory(), answers={question.pk: "Om te leren"}
    )
    response = login(trainer).post(_url("question_delete", provider, pk=question.pk), follow=True)
    assert Question.objects.filter(pk=question.pk).exists()
    assert "al beantwoord" in response.content.decode()
