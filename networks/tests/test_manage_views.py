import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks.models import Application, DeadlineChange, Edition, Programme, Question
from networks.services import registration
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, ProviderFactory, UserFactory


def _url(name, provider, **kwargs):
    return reverse(f"networks:{name}", kwargs={"slug": provider.slug, **kwargs})


def test_a_trainer_creates_a_programme_with_an_edition_and_a_question(login, trainer, provider):
    client = login(trainer)
    response = client.post(
        _url("programme_create", provider),
        {
            "code": "EDU-200",
            "title": "Onderwijskundig leiderschap met impact",
            "kind": "course",
            "audience": "leaders",
            "theme": "PLG's",
            "fee": "350.00",
            "trainer": trainer.pk,
            "is_published": "on",
        },
    )
    programme = Programme.objects.get(code="EDU-200")
    assert response.status_code == 302 and programme.provider == provider
    response = client.post(
        _url("edition_create", provider, pk=programme.pk),
        {
            "name": "voorjaar 2027",
            "starts_on": "2027-03-10",
            "ends_on": "2027-03-17",
            "location": "Hogeschool Gent",
            "city": "Gent",
            "room": "B.204",
            "capacity": 24,
            "registration_deadline": "2027-02-20T23:59",
            "offer_days": 5,
        },
    )
    edition = Edition.objects.get(programme=programme)
    assert response["Location"] == _url("edition_overview", provider, pk=edition.pk)
    client.post(
        _url("question_create", provider, pk=programme.pk),
        {
            "text": "Welke rol heb je?",
            "kind": "choice",
            "choices": "directeur\nbeleid",
            "required": "on",
            "position": 1,
        },
    )
    assert Question.objects.get(programme=programme).choice_list == ["directeur", "beleid"]


def test_a_trainer_of_another_provider_cannot_pick_this_providers_trainer(login, trainer, provider):
    other = MembershipFactory(role=Membership.Role.TRAINER, organisation=ProviderFactory())
    client = login(trainer)
    response = client.post(
        _url("programme_create", provider),
        {
            "code": "X",
            "title": "X",
            "kind": "course",
            "audience": "leaders",
            "fee": 0,
            "trainer": other.pk,
        },
    )
    assert response.status_code == 200
    assert not Programme.objects.filter(code="X").exists()


def test_a_school_leader_cannot_manage_a_providers_programmes(login, leader, provider):
    assert login(leader).get(_url("programme_list", provider)).status_code == 404


def test_a_provider_staff_member_without_trainer_role_gets_403(login, provider):
    member = MembershipFactory(organisation=provider, role=Membership.Role.STAFF)
    assert login(member).get(_url("programme_list", provider)).status_code == 403


def test_extending_the_deadline_keeps_a_record(login, trainer, provider, edition):
    client = login(trainer)
    new = (timezone.localtime() + datetime.timedelta(days=40)).strftime("%Y-%m-%dT%H:%M")
    client.post(
        _url("edition_deadline", provider, pk=edition.pk),
        {"new_deadline": new, "reason": "Extra vraag"},
    )
    change = DeadlineChange.objects.get()
    assert change.reason == "Extra vraag" and change.changed_by == trainer.user
    body = client.get(_url("edition_overview", provider, pk=edition.pk)).content.decode()
    assert "Extra vraag" in body


@pytest.fixture
def selective(edition):
    edition.programme.selection = True
    edition.programme.save()
    return edition


def test_the_trainer_accepts_an_application_and_the_applicant_gets_mail(
    login, trainer, provider, selective, django_capture_on_commit_callbacks, mailoutbox
):
    application = registration.application_submit(edition_id=selective.pk, applicant=UserFactory())
    client = login(trainer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("application_decide", provider, pk=application.pk), {"decision": "accept"})
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    assert mailoutbox[-1].to == [application.applicant.email]


def test_the_trainer_schedules_an_intake_conversation(login, trainer, provider, selective):
    application = registration.application_submit(edition_id=selective.pk, applicant=UserFactory())
    login(trainer).post(
        _url("application_intake", provider, pk=application.pk),
        {"when": "2026-12-01T14:00", "note": "Op school"},
    )
    application.refresh_from_db()
    assert application.intake_at is not None and application.intake_note == "Op school"


def test_accepting_beyond_capacity_offers_the_waiting_list(login, trainer, provider, selective):
    apps = [
        registration.application_submit(
            edition_id=selective.pk, applicant=u, people=[u, UserFactory()]
        )
        for u in UserFactory.create_batch(3)
    ]
    client = login(trainer)
    for application in apps[:2]:
        client.post(_url("application_decide", provider, pk=application.pk), {"decision": "accept"})
    response = client.post(
        _url("application_decide", provider, pk=apps[2].pk), {"decision": "accept"}
    )
    # No error, but the question whether to put it on the waiting list instead.
    assert response.status_code == 200
    page = " ".join(response.content.decode().split())
    assert "Er zijn 0 vrije plaatsen." in page
    assert 'name="decision" value="waitlist"' in page
    apps[2].refresh_from_db()
    assert apps[2].status == Application.Status.SUBMITTED
    client.post(_url("application_decide", provider, pk=apps[2].pk), {"decision": "waitlist"})
    apps[2].refresh_from_db()
    assert apps[2].status == Application.Status.WAITLISTED
    # Once on the waiting list, accepting it past capacity says why it cannot.
    response = client.post(
        _url("application_decide", provider, pk=apps[2].pk), {"decision": "accept"}, follow=True
    )
    assert "maar 0 vrije plaatsen" in response.content.decode()


def test_another_providers_trainer_never_sees_these_applications(login, provider, edition):
    application = registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    stranger = MembershipFactory(organisation=ProviderFactory(), role=Membership.Role.TRAINER)
    client = login(stranger)
    own_slug = stranger.organisation.slug
    for name, pk in (("application_detail", application.pk), ("edition_overview", edition.pk)):
        # Neither under this provider's slug nor smuggled under their own.
        assert client.get(_url(name, provider, pk=pk)).status_code == 404
        url = reverse(f"networks:{name}", kwargs={"slug": own_slug, "pk": pk})
        assert client.get(url).status_code == 404
    response = client.post(
        reverse("networks:application_decide", kwargs={"slug": own_slug, "pk": application.pk}),
        {"decision": "refuse"},
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED


def test_refusing_asks_for_confirmation_first(login, trainer, provider, edition):
    edition.programme.selection = True
    edition.programme.save()
    application = registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    client = login(trainer)
    url = _url("application_decide", provider, pk=application.pk)
    page = client.post(url, {"decision": "refuse"})
    assert page.status_code == 200 and "Ja, weigeren" in page.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    client.post(url, {"decision": "refuse", "confirm": "yes"})
    application.refresh_from_db()
    assert application.status == Application.Status.REFUSED


def test_a_trainer_moves_an_application_question_up(login, trainer, provider):
    programme = Programme.objects.create(
        provider=provider, code="MV-1", title="Volgorde", kind="course", audience="leaders", fee=0
    )
    client = login(trainer)
    for text in ("Eerste", "Tweede", "Derde"):
        client.post(
            _url("question_create", provider, pk=programme.pk), {"text": text, "kind": "text"}
        )
    texts = lambda: list(programme.questions.values_list("text", flat=True))  # noqa: E731
    assert texts() == ["Eerste", "Tweede", "Derde"]
    third = programme.questions.get(text="Derde")
    response = client.post(_url("question_move", provider, pk=third.pk), {"direction": "up"})
    assert response.status_code == 302
    assert texts() == ["Eerste", "Derde", "Tweede"]
    response = client.post(
        _url("question_move", provider, pk=third.pk),
        {"direction": "up"},
        headers={"HX-Request": "true"},
    )
    assert 'id="question-list"' in response.content.decode()
    assert texts() == ["Derde", "Eerste", "Tweede"]


def test_a_trainer_drags_an_application_question_to_the_top(login, trainer, provider):
    programme = Programme.objects.create(
        provider=provider, code="MV-2", title="Slepen", kind="course", audience="leaders", fee=0
    )
    client = login(trainer)
    for text in ("Eerste", "Tweede", "Derde"):
        client.post(
            _url("question_create", provider, pk=programme.pk), {"text": text, "kind": "text"}
        )
    texts = lambda: list(programme.questions.values_list("text", flat=True))  # noqa: E731
    third = programme.questions.get(text="Derde")
    response = client.post(_url("question_move", provider, pk=third.pk), {"direction": "1"})
    assert response.status_code == 302
    assert texts() == ["Derde", "Eerste", "Tweede"]
    response = client.post(_url("question_move", provider, pk=third.pk), {"direction": "0"})
    assert response.status_code == 404
    assert texts() == ["Derde", "Eerste", "Tweede"]
