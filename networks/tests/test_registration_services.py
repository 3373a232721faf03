import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.errors import LeerkringError
from networks.models import Application, DeadlineChange, Participant, Question
from networks.services import catalogue, registration, selection
from organisations.tests.factories import UserFactory

from .factories import EditionFactory, QuestionFactory

Status = Application.Status


@pytest.fixture
def edition(db):
    return EditionFactory(capacity=3)


def _apply(edition, user=None, **kwargs):
    user = user or UserFactory()
    return registration.application_submit(edition_id=edition.pk, applicant=user, **kwargs)


def test_applications_are_accepted_until_full_then_waitlisted_in_order(edition):
    statuses = [_apply(edition).status for _ in range(5)]
    assert statuses == [Status.ACCEPTED] * 3 + [Status.WAITLISTED] * 2
    waiting = Application.objects.filter(status=Status.WAITLISTED).order_by("pk")
    assert [registration.waitlist_position(a) for a in waiting] == [1, 2]


def test_a_person_cannot_register_twice_for_the_same_edition(edition):
    user = UserFactory()
    _apply(edition, user)
    with pytest.raises(LeerkringError, match="al ingeschreven"):
        _apply(edition, user)
    assert Participant.objects.filter(edition=edition, user=user).count() == 1


def test_the_database_refuses_a_second_active_participation(edition):
    application = _apply(edition)
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Participant.objects.create(
            edition=edition, application=application, user=application.applicant
        )


def test_after_the_deadline_registration_is_closed(edition):
    edition.registration_deadline = timezone.now() - datetime.timedelta(hours=1)
    edition.save()
    with pytest.raises(LeerkringError, match="afgesloten"):
        _apply(edition)
    assert not Application.objects.exists()


def test_an_extended_deadline_reopens_registration_and_is_recorded(edition):
    trainer = UserFactory()
    edition.registration_deadline = timezone.now() - datetime.timedelta(hours=1)
    edition.save()
    catalogue.edition_change_deadline(
        edition_id=edition.pk,
        new_deadline=timezone.now() + datetime.timedelta(days=3),
        reason="Nog plaatsen vrij",
        actor=trainer,
    )
    assert _apply(edition).status == Status.ACCEPTED
    change = DeadlineChange.objects.get()
    assert change.reason == "Nog plaatsen vrij" and change.changed_by == trainer


def test_a_group_is_one_application_decided_as_a_whole(edition):
    people = UserFactory.create_batch(3)
    application = _apply(edition, people[0], people=people)
    assert application.status == Status.ACCEPTED and application.size == 3
    assert application.participants.count() == 3


def test_a_group_larger_than_the_free_places_waits_as_a_whole(edition):
    _apply(edition)
    application = _apply(edition, people=UserFactory.create_batch(3))
    assert application.status == Status.WAITLISTED
    assert registration.free_places(edition) == 2


def test_a_group_larger_than_the_edition_is_refused_with_a_message(edition):
    with pytest.raises(LeerkringError, match="groter dan"):
        _apply(edition, people=UserFactory.create_batch(4))
    assert not Application.objects.exists()


def test_a_missing_required_answer_is_named(edition):
    question = QuestionFactory(programme=edition.programme, text="Welke school?")
    with pytest.raises(LeerkringError, match="Welke school") as error:
        _apply(edition, answers={})
    assert error.value.field == f"q_{question.pk}"
    assert not Application.objects.exists()


def test_a_choice_answer_must_be_one_of_the_options(edition):
    QuestionFactory(
        programme=edition.programme, kind=Question.Kind.CHOICE, choices="directeur\nbeleid"
    )
    with pytest.raises(LeerkringError):
        _apply(edition, answers={})
    application = _apply(edition, answers={edition.programme.questions.get().pk: "directeur"})
    assert application.answers.get().value == "directeur"


def test_a_withdrawal_offers_the_place_to_the_first_that_fits(
    edition, django_capture_on_commit_callbacks
):
    first = _apply(edition)
    _apply(edition)
    _apply(edition)
    big = _apply(edition, people=UserFactory.create_batch(2))
    small = _apply(edition)
    with django_capture_on_commit_callbacks(execute=True):
        selection.application_withdraw(application_id=first.pk, user=first.applicant)
    big.refresh_from_db()
    small.refresh_from_db()
    assert big.status == Status.WAITLISTED
    assert small.status == Status.OFFERED
    assert small.offer_token
    assert mail.outbox[-1].to == [small.applicant.email]
    assert small.offer_token in mail.outbox[-1].body


def test_accepting_an_offer_promotes_and_declining_passes_it_on(edition):
    first, *_rest = [_apply(edition) for _ in range(3)]
    second_waiting = [_apply(edition) for _ in range(2)]
    selection.application_withdraw(application_id=first.pk, user=first.applicant)
    offered = Application.objects.get(status=Status.OFFERED)
    assert offered == second_waiting[0]
    selection.offer_respond(token=offered.offer_token, accept=False)
    nxt = Application.objects.get(status=Status.OFFERED)
    assert nxt == second_waiting[1]
    selection.offer_respond(token=nxt.offer_token, accept=True)
    nxt.refresh_from_db()
    assert nxt.status == Status.ACCEPTED
    assert registration.free_places(edition) == 0
    with pytest.raises(LeerkringError, match="al op dit aanbod"):
        selection.offer_respond(token=nxt.offer_token, accept=True)


def test_an_expired_offer_link_explains_and_passes_the_place_on(edition):
    first, *_rest = [_apply(edition) for _ in range(3)]
    waiting = [_apply(edition) for _ in range(2)]
    selection.application_withdraw(application_id=first.pk, user=first.applicant)
    later = timezone.now() + datetime.timedelta(days=edition.offer_days + 1)
    token = Application.objects.get(pk=waiting[0].pk).offer_token
    with pytest.raises(LeerkringError, match="verlopen"):
        selection.offer_respond(token=token, accept=True, now=later)
    statuses = dict(
        Application.objects.filter(pk__in=[w.pk for w in waiting]).values_list("pk", "status")
    )
    assert statuses == {waiting[0].pk: Status.EXPIRED, waiting[1].pk: Status.OFFERED}
    assert registration.free_places(edition, now=later) == 0


def test_leaving_the_waiting_list_keeps_the_order_of_the_others(edition):
    for _ in range(3):
        _apply(edition)
    a, b, c = (_apply(edition) for _ in range(3))
    selection.application_withdraw(application_id=b.pk, user=b.applicant)
    c.refresh_from_db()
    assert registration.waitlist_position(c) == 2
    assert registration.free_places(edition) == 0


def test_with_selection_applications_wait_for_review(edition):
    edition.programme.selection = True
    edition.programme.save()
    application = _apply(edition)
    assert application.status == Status.SUBMITTED
    selection.application_accept(application_id=application.pk, actor=UserFactory())
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED


def test_accepting_more_than_the_free_places_is_refused(edition):
    edition.programme.selection = True
    edition.programme.save()
    a = _apply(edition, people=UserFactory.create_batch(2))
    b = _apply(edition, people=UserFactory.create_batch(2))
    selection.application_accept(application_id=a.pk, actor=UserFactory())
    with pytest.raises(LeerkringError, match="maar 1 vrije"):
        selection.application_accept(application_id=b.pk, actor=UserFactory())
    b.refresh_from_db()
    assert b.status == Status.SUBMITTED


def test_refusing_an_accepted_application_frees_its_places(edition):
    accepted = [_apply(edition) for _ in range(3)]
    waiting = _apply(edition)
    selection.application_refuse(application_id=accepted[0].pk, actor=UserFactory())
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    assert not accepted[0].participants.get().is_active
    # The refused person may apply again later (the constraint only covers active people).
    again = _apply(edition, accepted[0].applicant)
    assert again.status == Status.WAITLISTED
