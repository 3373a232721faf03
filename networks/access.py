"""Access helpers for networks: every tenant-owned object is fetched through one of these.

Provider staff (trainers and administrators of the provider) reach programmes, editions and
applications through the provider's slug. Participants and applicants reach their own records
through their user, never through an id alone. Anything else is a 404.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.access import Access, organisation_view
from organisations.models import Membership

from .models import (
    Application,
    Assignment,
    Edition,
    LearningGroup,
    Participant,
    Programme,
    Question,
    ResearchGroup,
    Session,
    Submission,
)

STAFF_ROLES = (Membership.Role.TRAINER, Membership.Role.ADMIN)


def is_provider_staff(access: Access) -> bool:
    return access.organisation.is_provider and access.role in STAFF_ROLES


def provider_view(view):
    """`organisation_view` for provider staff: other members of the provider get a 403, and a
    school's slug gives a 404 (schools have no catalogue)."""

    @organisation_view()
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.organisation.is_provider:
            raise Http404
        if request.access.role not in STAFF_ROLES:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def get_programme_for_access(access: Access, pk: int) -> Programme:
    """The provider's programme with this pk."""
    return get_object_or_404(Programme.objects.filter(provider=access.organisation, pk=pk))


def get_question_for_access(access: Access, pk: int) -> Question:
    """A question of the application form of one of the provider's programmes."""
    return get_object_or_404(
        Question.objects.filter(programme__provider=access.organisation, pk=pk).select_related(
            "programme"
        )
    )


def get_edition_for_access(access: Access, pk: int) -> Edition:
    """The edition with this pk of one of the provider's programmes."""
    return get_object_or_404(
        Edition.objects.filter(programme__provider=access.organisation, pk=pk).select_related(
            "programme"
        )
    )


def get_application_for_access(access: Access, pk: int) -> Application:
    """An application for one of the provider's editions."""
    return get_object_or_404(
        Application.objects.filter(
            edition__programme__provider=access.organisation, pk=pk
        ).select_related("edition__programme", "applicant", "school")
    )


def get_group_for_access(access: Access, pk: int) -> LearningGroup:
    return get_object_or_404(
        LearningGroup.objects.filter(
            edition__programme__provider=access.organisation, pk=pk
        ).select_related("edition__programme", "trainer__user")
    )


def get_session_for_access(access: Access, pk: int) -> Session:
    return get_object_or_404(
        Session.objects.filter(
            edition__programme__provider=access.organisation, pk=pk
        ).select_related("edition__programme", "group")
    )


def get_application_for_applicant(user, pk: int) -> Application:
    """An application the user submitted or is one of the people of (a colleague registered
    their group). Only the applicant may withdraw it; the view checks that."""
    return get_object_or_404(
        Application.objects.filter(pk=pk)
        .filter(Q(applicant=user) | Q(participants__user=user))
        .distinct()
        .select_related("edition__programme__provider", "school", "applicant")
    )


def get_participation_for_user(user, pk: int) -> Participant:
    """The user's own active participation in an accepted application."""
    participant = get_object_or_404(
        Participant.objects.filter(
            user=user,
            pk=pk,
            is_active=True,
            application__status=Application.Status.ACCEPTED,
        ).select_related(
            "application", "edition__programme__provider", "group__trainer__user", "school"
        )
    )
    participant.user = user  # who asked: no need to read them again
    return participant


def get_assignment_for_access(access: Access, pk: int):
    """An assignment of one of the provider's editions."""
    return get_object_or_404(
        Assignment.objects.filter(
            edition__programme__provider=access.organisation, pk=pk
        ).select_related("edition__programme")
    )


def get_submission_for_access(access: Access, pk: int):
    """A submission for an assignment of one of the provider's editions."""
    return get_object_or_404(
        Submission.objects.filter(
            assignment__edition__programme__provider=access.organisation, pk=pk
        ).select_related(
            "assignment__edition__programme",
            "participant__user",
            "group",
            "value_stream__organisation",
        )
    )


def get_submission_map_for_trainer(access: Access, pk: int):
    """(submission, value stream map) for a submission of one of the provider's editions that
    links a map of the participant's school, when the user trains that edition (its
    programme's trainer or a learning group's). The school shares this one map with them and
    nothing else: any other user, submission or map is a 404."""
    submission = get_submission_for_access(access, pk)
    if not can_see_submission_map(access, submission):
        raise Http404
    return submission, submission.value_stream


def can_see_submission_map(access: Access, submission: Submission) -> bool:
    """Whether the submission links a map of the school of the participant who handed it in
    (for a group submission: of an active member of the group) and the user trains its
    edition."""
    value_stream = submission.value_stream
    if value_stream is None or access.membership is None:
        return False
    edition = submission.assignment.edition
    if not (
        edition.programme.trainer_id == access.membership.pk
        or edition.groups.filter(trainer=access.membership).exists()
    ):
        return False
    if value_stream.organisation_id == submission.participant.school_id:
        return True
    return (
        submission.group_id is not None
        and submission.group.participants.filter(
            is_active=True, school_id=value_stream.organisation_id
        ).exists()
    )


def get_research_group_for_access(access: Access, pk: int) -> ResearchGroup:
    """A research group of one of the provider's editions."""
    return get_object_or_404(
        ResearchGroup.objects.filter(edition__programme__provider=access.organisation, pk=pk)
    )


def get_assignment_for_participant(participant: Participant, pk: int):
    """An assignment of the participant's own edition."""
    return get_object_or_404(participant.edition.assignments.filter(pk=pk))


def own_submission(participant: Participant, assignment):
    """The participant's own submission, or for a group assignment their group's: never
    another group's or another person's."""
    if assignment.is_group:
        if participant.group_id is None:
            return None
        return Submission.objects.filter(
            assignment=assignment, group_id=participant.group_id
        ).first()
    return Submission.objects.filter(assignment=assignment, participant=participant).first()


def get_session_for_participant(participant: Participant, pk: int) -> Session:
    """A session of the participant's edition that is for everyone or for their own group."""
    return get_object_or_404(
        Session.objects.filter(edition_id=participant.edition_id, pk=pk).filter(
            Q(group=None) | Q(group_id=participant.group_id)
        )
    )


def get_coaching_group_for_participant(participant: Participant, pk: int):
    return get_object_or_404(participant.coaching_groups.filter(pk=pk))


def get_research_group_for_participant(participant: Participant, pk: int):
    return get_object_or_404(participant.research_groups.filter(pk=pk))


def get_group_for_trainer(access: Access, pk: int) -> LearningGroup:
    """A learning group of the provider whose trainer is the user: the group's combined
    profile is shared with its own trainer only, so another trainer gets a 404."""
    if access.membership is None:
        raise Http404
    return get_object_or_404(
        LearningGroup.objects.filter(
            edition__programme__provider=access.organisation, pk=pk, trainer=access.membership
        ).select_related("edition__programme", "trainer__user")
    )
