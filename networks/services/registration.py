"""Applying for an edition: the answers, the places taken and free, the waiting-list position.

Every write that depends on the number of free places locks the edition row first
(`lock_edition`, inside `transaction.atomic`), so concurrent applications are counted one
after the other and no place is given twice. Decisions on applications and the offers of
freed places live in `selection`, which shares these helpers.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError

from ..mails import application_mail
from ..models import Answer, Application, Edition, Participant, Question

Status = Application.Status


def lock_edition(edition_id: int) -> Edition:
    """Lock the edition row so that places are counted by one writer at a time."""
    return Edition.objects.select_for_update().select_related("programme").get(pk=edition_id)


def places_taken(edition: Edition, *, now=None) -> int:
    """Places held by accepted applications and by offers that have not expired, in the
    edition's unit: people, or group applications."""
    now = now or timezone.now()
    held = Application.objects.filter(edition=edition).filter(
        Q(status=Status.ACCEPTED) | Q(status=Status.OFFERED, offer_expires_at__gte=now)
    )
    if edition.counts_groups:
        return held.aggregate(total=Count("pk"))["total"]
    return held.aggregate(total=Sum("size"))["total"] or 0


def free_places(edition: Edition, *, now=None) -> int:
    return max(edition.capacity - places_taken(edition, now=now), 0)


def waitlist_position(application: Application) -> int | None:
    if application.status != Status.WAITLISTED:
        return None
    ahead = Application.objects.filter(edition_id=application.edition_id, status=Status.WAITLISTED)
    ahead = ahead.filter(
        Q(waitlisted_at__lt=application.waitlisted_at)
        | Q(waitlisted_at=application.waitlisted_at, pk__lt=application.pk)
    )
    return ahead.count() + 1


def deactivate_participants(application: Application) -> None:
    application.participants.update(is_active=False)


def _check_answers(questions, answers: dict) -> dict[int, str]:
    clean = {}
    for question in questions:
        value = (answers.get(question.pk) or "").strip()
        if question.required and not value:
            raise LeerkringError(
                _("Please answer the question “%(question)s”.") % {"question": question.text},
                field=f"q_{question.pk}",
            )
        if value and question.kind == Question.Kind.CHOICE and value not in question.choice_list:
            raise LeerkringError(
                _("Choose one of the options for “%(question)s”.") % {"question": question.text},
                field=f"q_{question.pk}",
            )
        if value and question.kind == Question.Kind.YES_NO and value not in ("yes", "no"):
            raise LeerkringError(
                _("Answer “%(question)s” with yes or no.") % {"question": question.text},
                field=f"q_{question.pk}",
            )
        clean[question.pk] = value
    return clean


@transaction.atomic
def application_submit(
    *,
    edition_id: int,
    applicant,
    people=None,
    school=None,
    schools: dict | None = None,
    answers: dict | None = None,
    now=None,
) -> Application:
    """Apply for an edition, for the applicant alone or for a group of people (one application).

    `school` is the applicant's school; `schools` (user id -> school) gives colleagues from
    other schools of the community their own. Without selection the application is accepted
    at once while its whole group fits in the free places (a group takes one group place when
    the edition counts groups), and otherwise goes on the waiting list; with selection it waits
    for review.
    """
    edition = lock_edition(edition_id)
    # Taken after the lock, so waiting-list times follow the order in which applications
    # were really counted.
    now = now or timezone.now()
    if now > edition.registration_deadline:
        raise LeerkringError(
            _("Registration for this edition closed on %(date)s.")
            % {"date": formats.date_format(timezone.localtime(edition.registration_deadline))}
        )
    people = list(dict.fromkeys(people or [applicant]))
    clean_answers = _check_answers(list(edition.programme.questions.all()), answers or {})
    if not edition.counts_groups and len(people) > edition.capacity:
        raise LeerkringError(
            _(
                "Your group of %(size)d people is larger than this edition's %(capacity)d "
                "places. Register a smaller group or choose another edition."
            )
            % {"size": len(people), "capacity": edition.capacity}
        )
    already = (
        Participant.objects.filter(edition=edition, user__in=people, is_active=True)
        .select_related("user")
        .first()
    )
    if already is not None:
        raise LeerkringError(
            _("%(person)s is already registered for this edition.") % {"person": already.user}
        )
    expire_offers(edition, now=now)

    application = Application(edition=edition, applicant=applicant, school=school, size=len(people))
    if edition.programme.selection:
        application.status = Status.SUBMITTED
    elif free_places(edition, now=now) >= edition.units(len(people)):
        application.status = Status.ACCEPTED
        application.decided_at = now
    else:
        application.status = Status.WAITLISTED
        application.waitlisted_at = now
    application.save()
    try:
        with transaction.atomic():
            Participant.objects.bulk_create(
                Participant(
                    edition=edition,
                    application=application,
                    user=person,
                    school=(schools or {}).get(person.pk, school),
                )
                for person in people
            )
    except IntegrityError as error:
        # The edition lock makes this unreachable in practice; the constraint is the last word.
        raise LeerkringError(_("Someone in this group is already registered.")) from error
    Answer.objects.bulk_create(
        Answer(application=application, question_id=pk, value=value)
        for pk, value in clean_answers.items()
    )
    audit_log(
        actor=applicant,
        action=AuditEvent.Action.CREATE,
        obj=application,
        organisation=edition.programme.provider,
        summary=f"{application.status} ×{application.size}",
    )
    # Accepted, received for review, or on the waiting list: the applicant hears which.
    application_mail(application, application.status)
    return application


def expire_offers(edition: Edition, *, now) -> bool:
    """End the offers whose answer time has passed, so their places count as free again."""
    stale = list(
        Application.objects.filter(edition=edition, status=Status.OFFERED, offer_expires_at__lt=now)
    )
    for application in stale:
        application.status = Status.EXPIRED
        application.save(update_fields=["status", "updated_at"])
        deactivate_participants(application)
    return bool(stale)
