"""Writes for the provider's catalogue: programmes, editions, questions, sessions."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core import ordering
from core.errors import LeerkringError
from core.validation import validate
from organisations.models import Membership

from ..models import DeadlineChange, Edition, Session


def _check_trainer(trainer, provider) -> None:
    if trainer is not None and (
        trainer.organisation_id != provider.pk or trainer.role != Membership.Role.TRAINER
    ):
        raise LeerkringError(_("The trainer must be a trainer of this provider."))


@transaction.atomic
def object_save(*, instance, provider, actor):
    """Validate and save a catalogue object (programme, edition, question, session, group)
    that a provider's staff member edited, and record who did it."""
    _check_trainer(getattr(instance, "trainer", None), provider)
    creating = instance.pk is None
    validate(instance)
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:
        raise LeerkringError(_("This conflicts with an existing record.")) from error
    audit_log(
        actor=actor,
        action=AuditEvent.Action.CREATE if creating else AuditEvent.Action.UPDATE,
        obj=instance,
        organisation=provider,
    )
    return instance


@transaction.atomic
def object_delete(*, instance, provider, actor) -> None:
    audit_log(actor=actor, action=AuditEvent.Action.DELETE, obj=instance, organisation=provider)
    instance.delete()


@transaction.atomic
def question_delete(*, question, actor) -> None:
    """Remove a question from the application form; once someone answered it, the answers
    belong to their applications and the question stays."""
    if question.answers.exists():
        raise LeerkringError(
            _(
                "Applicants already answered this question, so it stays: their answers "
                "belong to their applications."
            )
        )
    object_delete(instance=question, provider=question.programme.provider, actor=actor)


@transaction.atomic
def question_move(*, question, direction: str | int, actor) -> bool:
    """Move a question of the application form up, down or to a place (core.ordering, as
    the survey builder's items)."""
    siblings = list(question.programme.questions.order_by("position", "pk"))
    return ordering.move(siblings, question, direction)


@transaction.atomic
def session_delete(*, session, actor) -> None:
    """Delete a session that nobody's record depends on yet: attendance and reflections are
    part of participants' history (and their certificate), so those sessions stay."""
    if session.attendances.exists() or session.reflections.exists():
        raise LeerkringError(
            _(
                "Attendance or reflections were already recorded for this session, so it "
                "cannot be deleted. Change its date or title instead."
            )
        )
    object_delete(instance=session, provider=session.edition.programme.provider, actor=actor)


@transaction.atomic
def edition_delete(*, edition, actor) -> None:
    """Delete an edition nobody registered for (for example one created by mistake)."""
    edition = (
        Edition.objects.select_for_update().select_related("programme__provider").get(pk=edition.pk)
    )
    if edition.applications.exists():
        raise LeerkringError(_("People registered for this edition, so it cannot be deleted."))
    object_delete(instance=edition, provider=edition.programme.provider, actor=actor)


@transaction.atomic
def edition_change_deadline(*, edition_id: int, new_deadline, reason: str = "", actor) -> Edition:
    """Move the registration deadline (normally: extend it) and keep a record of the change."""
    edition = Edition.objects.select_for_update().select_related("programme").get(pk=edition_id)
    if new_deadline == edition.registration_deadline:
        raise LeerkringError(_("The new deadline is the same as the current one."))
    DeadlineChange.objects.create(
        edition=edition,
        previous=edition.registration_deadline,
        new=new_deadline,
        reason=reason.strip(),
        changed_by=actor,
    )
    edition.registration_deadline = new_deadline
    edition.save(update_fields=["registration_deadline"])
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=edition,
        organisation=edition.programme.provider,
        summary="deadline",
    )
    return edition


@transaction.atomic
def session_series_create(
    *, edition: Edition, session: Session, dates, start_time, actor
) -> list[Session]:
    """Create a session on each of `dates`, like `session` (its kind, title, group, end time
    and place), numbered after their title. Everything or nothing is created."""
    dates = list(dates)
    if not dates:
        raise LeerkringError(_("The series has no dates left: every date falls in a holiday."))
    if session.end_time <= start_time:
        raise LeerkringError(_("The session must end after it starts."), field="end_time")
    if session.group_id and session.group.edition_id != edition.pk:
        raise LeerkringError(_("Choose a learning group of this edition."), field="group")
    title = session.title.strip()[: 200 - 4]
    created = []
    for number, day in enumerate(dates, start=1):
        created.append(
            object_save(
                instance=Session(
                    edition=edition,
                    group=session.group,
                    kind=session.kind,
                    title=f"{title} {number}" if len(dates) > 1 else title,
                    date=day,
                    start_time=start_time,
                    end_time=session.end_time,
                    location=session.location,
                    room=session.room,
                    online_link=session.online_link,
                ),
                provider=edition.programme.provider,
                actor=actor,
            )
        )
    return created
