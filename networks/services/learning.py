"""Writes for learning between sessions: submissions and feedback, peer coaching, research
groups, reflections."""

import itertools

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.uploads import validate_upload

from ..access import own_submission
from ..models import (
    Application,
    Assignment,
    CoachingGroup,
    CoachingMoment,
    Participant,
    Reflection,
    ResearchGroup,
    Session,
    Submission,
)

# Hand-ins are documents, not recordings; the submission form's help text names this limit.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def _check_upload(upload, *, field: str) -> None:
    """Refuse an empty, too large or disguised file, naming the form field it came in."""
    if upload is None:
        return
    try:
        validate_upload(upload, max_bytes=MAX_UPLOAD_BYTES)
    except ValidationError as error:
        raise LeerkringError(error.messages[0], field=field) from error


def _provider(edition):
    return edition.programme.provider


@transaction.atomic
def submission_save(
    *,
    assignment: Assignment,
    participant: Participant,
    text: str,
    upload=None,
    value_stream=None,
):
    """Hand in (or update) work for an assignment: a text, a file and/or a link to a value
    stream map of the participant's school (None unlinks it). A group assignment has one
    submission per learning group, which any member may update."""
    if assignment.edition_id != participant.edition_id:
        raise LeerkringError(_("This assignment is not part of your programme."))
    if value_stream is not None and value_stream.organisation_id != participant.school_id:
        raise LeerkringError(
            _("Choose a value stream map of your own school."), field="value_stream"
        )
    if not text.strip() and upload is None and value_stream is None:
        raise LeerkringError(_("Write something, add a file or choose a map."), field="text")
    _check_upload(upload, field="file")
    if assignment.is_group and participant.group_id is None:
        raise LeerkringError(_("This is a group assignment and you are not in a group yet."))
    submission = own_submission(participant, assignment) or Submission(
        assignment=assignment,
        participant=participant,
        group_id=participant.group_id if assignment.is_group else None,
    )
    submission.text = text.strip()
    submission.value_stream = value_stream
    if upload is not None:
        submission.file = upload
    submission.save()
    audit_log(
        actor=participant.user,
        action=AuditEvent.Action.UPDATE,
        obj=submission,
        organisation=_provider(assignment.edition),
    )
    return submission


@transaction.atomic
def submission_feedback(*, submission: Submission, feedback: str, actor) -> Submission:
    if not feedback.strip():
        raise LeerkringError(_("Write your feedback first."), field="feedback")
    submission.feedback = feedback.strip()
    submission.feedback_by = actor
    submission.feedback_at = timezone.now()
    submission.save(update_fields=["feedback", "feedback_by", "feedback_at"])
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=submission,
        organisation=_provider(submission.assignment.edition),
        summary="feedback",
    )
    return submission


def _accepted(edition):
    return Participant.objects.filter(
        edition=edition, is_active=True, application__status=Application.Status.ACCEPTED
    )


def previous_coaching_pairs(edition) -> set[frozenset[int]]:
    """Pairs of users (by user id) who coached each other before, in any edition of the
    same provider, so a new round does not repeat them."""
    groups = CoachingGroup.objects.filter(
        edition__programme__provider_id=edition.programme.provider_id
    ).prefetch_related("members")
    pairs = set()
    for group in groups:
        users = [m.user_id for m in group.members.all()]
        pairs.update(frozenset(p) for p in itertools.combinations(users, 2))
    return pairs


def coaching_suggest(*, edition, size: int = 2) -> list[list[Participant]]:
    """Suggest coaching pairs (or trios) within each learning group: partners from different
    schools who have not coached each other before. Rather than leave someone out, a
    left-over person joins a pair as a trio, if need be with a partner of their own school.
    People who still cannot be matched are listed by the caller."""
    previous = previous_coaching_pairs(edition)
    people = list(_accepted(edition).select_related("user", "school").order_by("group_id", "pk"))
    by_group = {}
    for person in people:
        by_group.setdefault(person.group_id, []).append(person)
    suggestions = []
    for members in by_group.values():
        # The most constrained people (most colleagues of the same school) go first.
        school_counts = {}
        for m in members:
            school_counts[m.school_id] = school_counts.get(m.school_id, 0) + 1
        pool = sorted(members, key=lambda m: (-school_counts[m.school_id], m.pk))
        formed = []
        left_over = []
        while pool:
            first = pool.pop(0)
            team = [first]
            for candidate in list(pool):
                if len(team) == size:
                    break
                if _fits(candidate, team, previous):
                    team.append(candidate)
                    pool.remove(candidate)
            if len(team) == size:
                formed.append(team)
            else:
                left_over.extend(team)
        for person in left_over:
            home = _trio_home(person, formed, size, previous)
            if home is not None:
                home.append(person)
        suggestions.extend(formed)
    return suggestions


def _trio_home(person, formed, size, previous):
    """The pair a left-over person joins: best one where all are of different schools,
    else one where nobody coached each other before."""
    pairs = [t for t in formed if len(t) == size]
    for fits in (
        lambda t: _fits(person, t, previous),
        lambda t: not any(frozenset((person.user_id, p.user_id)) in previous for p in t),
    ):
        home = next((t for t in pairs if fits(t)), None)
        if home is not None:
            return home
    return None


def _fits(candidate, team, previous) -> bool:
    for partner in team:
        if candidate.school_id is not None and candidate.school_id == partner.school_id:
            return False
        if frozenset((candidate.user_id, partner.user_id)) in previous:
            return False
    return True


@transaction.atomic
def coaching_form(*, edition, teams: list[list[int]], actor, starts_on=None) -> list[CoachingGroup]:
    """Create coaching pairs or trios from lists of participant ids of this edition, all
    starting on the same date."""
    accepted = {p.pk: p for p in _accepted(edition).select_related("user")}
    previous = previous_coaching_pairs(edition)
    created = []
    for ids in teams:
        if not 2 <= len(ids) <= 3 or any(pk not in accepted for pk in ids):
            raise LeerkringError(_("A coaching group has two or three accepted participants."))
        members = [accepted[pk] for pk in ids]
        for a, b in itertools.combinations(members, 2):
            if frozenset((a.user_id, b.user_id)) in previous:
                raise LeerkringError(
                    _("%(a)s and %(b)s already coached each other.") % {"a": a.user, "b": b.user}
                )
            previous.add(frozenset((a.user_id, b.user_id)))
        group = CoachingGroup.objects.create(edition=edition, starts_on=starts_on)
        group.members.set(members)
        created.append(group)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        object_type="networks.coachinggroup",
        object_id=edition.pk,
        organisation=_provider(edition),
        summary=f"{len(created)} coaching groups",
    )
    return created


@transaction.atomic
def coaching_moment_log(*, coaching_group, participant, date, note: str) -> CoachingMoment:
    if not coaching_group.members.filter(pk=participant.pk).exists():
        raise LeerkringError(_("You are not in this coaching group."))
    return CoachingMoment.objects.create(
        coaching_group=coaching_group, date=date, note=note.strip(), logged_by=participant
    )


@transaction.atomic
def research_group_save(
    *, participant, research_group=None, theme, question, plan, partner_ids, upload=None
) -> ResearchGroup:
    """Create or update the participant's research duo or trio."""
    partners = list(
        _accepted(participant.edition).filter(pk__in=partner_ids).exclude(pk=participant.pk)
    )
    if len(partners) != len(set(partner_ids) - {participant.pk}) or not 1 <= len(partners) <= 2:
        raise LeerkringError(
            _("A research group is a duo or trio: choose one or two fellow participants."),
            field="partners",
        )
    taken = (
        ResearchGroup.objects.filter(edition=participant.edition, members__in=partners)
        .exclude(pk=getattr(research_group, "pk", None))
        .exists()
    )
    if taken:
        raise LeerkringError(_("Someone you chose is already in another research group."))
    _check_upload(upload, field="results")
    group = research_group or ResearchGroup(edition=participant.edition)
    group.theme, group.question, group.plan = theme.strip(), question.strip(), plan.strip()
    if upload is not None:
        group.results = upload
    if not group.theme:
        raise LeerkringError(_("Choose a theme."), field="theme")
    group.save()
    group.members.set([participant, *partners])
    return group


@transaction.atomic
def research_schedule_set(
    *, research_group, year: int, session: Session | None, presents_on=None, actor
) -> None:
    """The trainer places a research group in the trajectory: its year and when it presents
    (a session of the edition, or a date of its own)."""
    if session is not None and session.edition_id != research_group.edition_id:
        raise LeerkringError(_("Choose a session of this edition."))
    if year not in ResearchGroup.Year.values:
        raise LeerkringError(_("Choose year 1 or year 2."))
    research_group.year = year
    research_group.presentation_session = session
    research_group.presents_on = presents_on
    research_group.save(update_fields=["year", "presentation_session", "presents_on"])
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=research_group,
        organisation=_provider(research_group.edition),
        summary="schedule",
    )


@transaction.atomic
def reflection_save(*, participant, session, text: str) -> Reflection:
    if session.edition_id != participant.edition_id or session.group_id not in (
        None,
        participant.group_id,
    ):
        raise LeerkringError(_("This session is not part of your programme."))
    if not text.strip():
        raise LeerkringError(_("Write your reflection first."), field="text")
    reflection, _created = Reflection.objects.update_or_create(
        session=session, participant=participant, defaults={"text": text.strip()}
    )
    return reflection
