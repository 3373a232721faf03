"""Writes for surveys: creating a survey and its rounds, inviting, reminding and sharing."""

import hashlib
import hmac
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import AuditEvent, User
from accounts.services import audit_log
from core.errors import LeerkringError
from core.tasks import send_email
from core.tokens import new_token
from development.models import DevelopmentPoint
from development.services import point_propose
from organisations.models import Membership, Organisation

from . import summaries
from .models import (
    Instrument,
    InstrumentVersion,
    Invitation,
    RaterGroup,
    Round,
    Survey,
)

# Groups a survey about no one in particular cannot have.
SUBJECT_GROUPS = ("self", "superior")


def pseudonym_for(*, email: str, survey: Survey) -> str:
    """The pseudonymous key linking one rater's answers across rounds of a survey.

    A keyed hash: without the server's secret it cannot be traced back to an email address.
    """
    message = f"{survey.pk}:{email.strip().lower()}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _clean(obj) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        raise LeerkringError(" ".join(error.messages)) from error


def _check_dates(opens_on, closes_on) -> None:
    if closes_on < opens_on:
        raise LeerkringError(_("The close date cannot be before the open date."), field="closes_on")


@transaction.atomic
def survey_create(
    *,
    organisation: Organisation,
    version: InstrumentVersion,
    title: str,
    subject: Membership | None,
    opens_on,
    closes_on,
    actor,
    rater_groups: list[str] | None = None,
    language: str | None = None,
) -> Survey:
    """Create a survey with its first round and its rater groups (the chosen kinds, or the
    instrument's usual ones). For a 360° the subject is invited as "self" straight away."""
    # A provider evaluates its own sessions; every other instrument is a school's own.
    is_evaluation = version.instrument.kind == Instrument.Kind.EVALUATION
    if not (organisation.is_school or (organisation.is_provider and is_evaluation)):
        raise LeerkringError(_("Only a school can send surveys."))
    is_360 = version.instrument.kind == Instrument.Kind.FEEDBACK_360
    if is_360 and subject is None:
        raise LeerkringError(_("Choose the person who is being rated."), field="subject")
    if subject is not None and subject.organisation_id != organisation.pk:
        raise LeerkringError(_("The subject must belong to this school."), field="subject")
    _check_dates(opens_on, closes_on)
    survey = Survey(
        organisation=organisation,
        version=version,
        title=title.strip() or version.title,
        subject=subject,
        created_by=actor,
        language=language or settings.LANGUAGE_CODE,
    )
    _clean(survey)
    survey.save()
    chosen = list(rater_groups or version.rater_groups)
    if subject is not None and "self" not in chosen:
        chosen.insert(0, "self")
    # Keep the order of the kinds' definition, so reports list groups the same way everywhere.
    order = list(RaterGroup.Kind.values)
    chosen.sort(key=order.index)
    kinds = [k for k in chosen if subject is not None or k not in SUBJECT_GROUPS]
    if not kinds:
        raise LeerkringError(_("Choose at least one rater group."), field="rater_groups")
    RaterGroup.objects.bulk_create(
        RaterGroup(
            survey=survey,
            kind=kind,
            position=position,
            threshold=1 if kind in RaterGroup.SMALL_KINDS else RaterGroup.MIN_THRESHOLD,
        )
        for position, kind in enumerate(kinds)
    )
    first = Round(survey=survey, version=version, number=1, opens_on=opens_on, closes_on=closes_on)
    _clean(first)
    first.save()
    if subject is not None and "self" in kinds:
        _invite(first, survey.rater_groups.get(kind="self"), subject.user.email)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=survey,
        organisation=organisation,
        summary=survey.title,
    )
    return survey


def _invite(round_: Round, group: RaterGroup, email: str) -> Invitation | None:
    if round_.invitations.filter(email__iexact=email).exists():
        return None
    return Invitation.objects.create(
        round=round_, rater_group=group, email=email, token=new_token()
    )


def parse_emails(text: str) -> tuple[list[str], list[str]]:
    """Split typed addresses on commas, semicolons and whitespace: (valid, invalid)."""
    valid, invalid = [], []
    for word in text.replace(",", " ").replace(";", " ").split():
        try:
            validate_email(word)
        except ValidationError:
            invalid.append(word)
        else:
            if word.lower() not in valid:
                valid.append(word.lower())
    return valid, invalid


@transaction.atomic
def invitees_add(
    *, survey: Survey, rater_group: RaterGroup, emails: Iterable[str], actor
) -> tuple[int, int]:
    """Invite addresses in a rater group of the survey's latest round; returns (added,
    already invited). Nothing is mailed until the invitations are sent."""
    if rater_group.survey_id != survey.pk:
        raise LeerkringError(_("This rater group belongs to another survey."))
    current = survey.rounds.order_by("-number").first()
    if current.closes_on < timezone.localdate():
        raise LeerkringError(_("This round is closed; start a new round to invite people."))
    emails = list(dict.fromkeys(e.strip().lower() for e in emails if e.strip()))
    # Self and the superior are reported even when alone, so each holds exactly one person:
    # with two, each could read the other's answers in the report.
    if (
        rater_group.is_small_kind
        and current.invitations.filter(rater_group=rater_group).count() + len(emails) > 1
    ):
        if rater_group.kind == "self":
            raise LeerkringError(_("Only the subject answers as “self”."))
        raise LeerkringError(_("Invite only the one person who is the subject's superior."))
    added = sum(1 for email in emails if _invite(current, rater_group, email) is not None)
    if added:
        audit_log(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=survey,
            organisation=survey.organisation,
            summary=f"{added} invitations added ({rater_group.kind})",
        )
    return added, len(emails) - added


@transaction.atomic
def invitees_add_batches(
    *, survey: Survey, batches: list[tuple[RaterGroup, list[str]]], actor
) -> tuple[int, int]:
    """Invite several rater groups at once (the whole staff by function): all or nothing."""
    added = skipped = 0
    for rater_group, emails in batches:
        group_added, group_skipped = invitees_add(
            survey=survey, rater_group=rater_group, emails=emails, actor=actor
        )
        added, skipped = added + group_added, skipped + group_skipped
    return added, skipped


def _languages(survey: Survey, invitations: list[Invitation]) -> dict[str, str]:
    """The mail language per invitee: a colleague's own language setting (one query for all
    of them); typed addresses get the survey's language."""
    emails = {i.email.lower() for i in invitations}
    known = (
        User.objects.annotate(address=Lower("email"))
        .filter(address__in=emails, memberships__organisation=survey.organisation_id)
        .values_list("address", "language")
    )
    languages = dict.fromkeys(emails, survey.language or settings.LANGUAGE_CODE)
    languages.update(known)
    return languages


def _mail(
    invitation: Invitation, survey: Survey, link: str, *, reminder: bool, language: str
) -> None:
    with translation.override(language):
        values = {
            "survey": survey.title,
            "school": survey.organisation.name,
            "link": link,
            "date": invitation.round.closes_on.strftime("%d/%m/%Y"),
        }
        if reminder:
            subject = _("Reminder: %(survey)s") % values
            intro = _("We have not yet received your answers to “%(survey)s”.") % values
        else:
            subject = _("Your opinion: %(survey)s") % values
            intro = _("%(school)s asks for your opinion in “%(survey)s”.") % values
        body = "\n\n".join(
            [
                intro,
                _("Answer through your personal link (no account needed):\n%(link)s") % values,
                _("You can answer until %(date)s. Your answers are anonymous.") % values,
            ]
        )
    send_email.enqueue(subject=subject, body=body, to=[invitation.email])


def invitations_send(*, survey: Survey, link_for: Callable[[str], str], actor) -> int:
    """Mail every invitation of the latest round that has not been sent yet."""
    current = survey.rounds.order_by("-number").first()
    if current.closes_on < timezone.localdate():
        raise LeerkringError(_("This round is closed."))
    pending = list(current.invitations.filter(sent_at__isnull=True).select_related("round"))
    now = timezone.now()
    languages = _languages(survey, pending)
    for invitation in pending:
        _mail(
            invitation,
            survey,
            link_for(invitation.token),
            reminder=False,
            language=languages[invitation.email.lower()],
        )
    for invitation in pending:
        invitation.sent_at = now
        invitation.language = languages[invitation.email.lower()]
    Invitation.objects.bulk_update(pending, ["sent_at", "language"])
    if pending:
        audit_log(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            obj=survey,
            organisation=survey.organisation,
            summary=f"{len(pending)} invitations sent (round {current.number})",
        )
    return len(pending)


def reminders_send(*, survey: Survey, link_for: Callable[[str], str], actor) -> int:
    """Mail only the invitees of the latest round who have not completed."""
    current = survey.rounds.order_by("-number").first()
    if not current.is_open():
        raise LeerkringError(_("Reminders can only be sent while the round is open."))
    waiting = list(
        current.invitations.filter(sent_at__isnull=False)
        .exclude(status=Invitation.Status.COMPLETED)
        .select_related("round")
    )
    languages = _languages(survey, waiting)
    for invitation in waiting:
        _mail(
            invitation,
            survey,
            link_for(invitation.token),
            reminder=True,
            language=languages[invitation.email.lower()],
        )
    now = timezone.now()
    for invitation in waiting:
        invitation.reminded_at = now
        invitation.language = languages[invitation.email.lower()]
    Invitation.objects.bulk_update(waiting, ["reminded_at", "language"])
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=survey,
        organisation=survey.organisation,
        summary=f"{len(waiting)} reminders sent (round {current.number})",
    )
    return len(waiting)


@transaction.atomic
def round_start_post(
    *, survey: Survey, opens_on, closes_on, actor, version: InstrumentVersion | None = None
) -> Round:
    """Start the post-measurement: a second round inviting the same people with new links,
    answered with `version` (a newer version of the same instrument) or, by default, the
    version of the pre-measurement."""
    rounds = list(survey.rounds.select_related("version").order_by("number"))
    if len(rounds) >= 2:
        raise LeerkringError(_("This survey already has a post-measurement."))
    _check_dates(opens_on, closes_on)
    if opens_on < rounds[0].opens_on:
        raise LeerkringError(
            _("The post-measurement cannot open before the pre-measurement."), field="opens_on"
        )
    version = version or rounds[0].version
    if (
        version.instrument_id != rounds[0].version.instrument_id
        or version.number < rounds[0].version.number
    ):
        raise LeerkringError(
            _("Choose the version of the pre-measurement or a newer version of its instrument."),
            field="version",
        )
    if not version.items.exists():
        raise LeerkringError(_("This version has no items yet."), field="version")
    post = Round(survey=survey, version=version, number=2, opens_on=opens_on, closes_on=closes_on)
    _clean(post)
    try:
        post.save()
    except IntegrityError as error:
        raise LeerkringError(_("This survey already has a post-measurement.")) from error
    Invitation.objects.bulk_create(
        Invitation(
            round=post,
            rater_group_id=old.rater_group_id,
            email=old.email,
            token=new_token(),
        )
        for old in rounds[0].invitations.all()
    )
    audit_log(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=post,
        organisation=survey.organisation,
        summary=f"post-measurement of {survey.title} (v{version.number})",
    )
    return post


def threshold_set(*, rater_group: RaterGroup, threshold: int, actor) -> RaterGroup:
    """Raise (or lower, never below the minimum) a group's anonymity threshold."""
    rater_group.threshold = threshold
    minimum = 1 if rater_group.is_small_kind else RaterGroup.MIN_THRESHOLD
    if threshold < minimum:
        raise LeerkringError(
            _("The threshold of this group cannot be below %(n)s.") % {"n": minimum},
            field="threshold",
        )
    _clean(rater_group)
    rater_group.save(update_fields=["threshold"])
    summaries.survey_summaries_refresh(survey=rater_group.survey)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=rater_group.survey,
        organisation=rater_group.survey.organisation,
        summary=f"threshold {rater_group.kind} = {threshold}",
    )
    return rater_group


def survey_share(*, survey: Survey, membership: Membership, actor) -> None:
    """Share a 360° report with a colleague of the same school (only its subject may)."""
    if membership.organisation_id != survey.organisation_id:
        raise LeerkringError(_("You can only share with people of this school."))
    survey.shared_with.add(membership)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=survey,
        organisation=survey.organisation,
        summary=f"report shared with membership {membership.pk}",
    )


def round_close(*, survey: Survey, actor) -> Round:
    """Close the latest round now; its results then appear in the report."""
    current = survey.rounds.order_by("-number").first()
    if current.is_finished():
        raise LeerkringError(_("This round is already closed."))
    current.closed = True
    current.closed_on = timezone.localdate()
    current.save(update_fields=["closed", "closed_on"])
    summaries.round_summary_write(round_=current)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=current,
        organisation=survey.organisation,
        summary=f"round {current.number} of {survey.title} closed",
    )
    return current


def survey_share_provider(*, survey: Survey, provider: Organisation, share: bool, actor) -> None:
    """Share a report with (or withdraw it from) a provider whose trainers coach the school."""
    if provider.kind != Organisation.Kind.PROVIDER:
        raise LeerkringError(_("Reports can only be shared with a provider."))
    if share:
        survey.shared_with_providers.add(provider)
    else:
        survey.shared_with_providers.remove(provider)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=survey,
        organisation=survey.organisation,
        summary=f"report {'shared with' if share else 'withdrawn from'} {provider.slug}",
    )


def development_point_propose(
    *, survey: Survey, round_: Round, proposal, actor
) -> tuple[DevelopmentPoint, bool]:
    """Send a report's development point to the school's plan as a proposal, its origin the
    round and its link back the report section; (point, created). A point already sent (a
    double click, two tabs) is returned as it is."""
    report_url = reverse(
        "surveys:report", kwargs={"slug": survey.organisation.slug, "pk": survey.pk}
    )
    return point_propose(
        organisation=survey.organisation,
        origin=round_,
        source=proposal.source,
        key=proposal.code,
        description=proposal.description,
        actor=actor,
        anchor=f"{report_url}?round={round_.number}#{proposal.anchor}",
    )
