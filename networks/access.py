"""Access helpers for networks: every tenant-owned object is fetched through one of these.

Provider staff (trainers and administrators of the provider) reach programmes, editions and
applications through the provider's slug. Participants and applicants reach their own records
through their user, never through an id alone. Anything else is a 404.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404

from organisations.access import Access, organisation_view
from organisations.models import Membership

from .models import Application, Edition, LearningGroup, Participant, Programme, Session

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
    programme = Programme.objects.filter(provider=access.organisation, pk=pk).first()
    if programme is None:
        raise Http404
    return programme


def get_edition_for_access(access: Access, pk: int) -> Edition:
    """The edition with this pk of one of the provider's programmes."""
    edition = (
        Edition.objects.filter(programme__provider=access.organisation, pk=pk)
        .select_related("programme")
        .first()
    )
    if edition is None:
        raise Http404
    return edition


def get_application_for_access(access: Access, pk: int) -> Application:
    """An application for one of the provider's editions."""
    application = (
        Application.objects.filter(edition__programme__provider=access.organisation, pk=pk)
        .select_related("edition__programme", "applicant", "school")
        .first()
    )
    if application is None:
        raise Http404
    return application


def get_group_for_access(access: Access, pk: int) -> LearningGroup:
    group = (
        LearningGroup.objects.filter(edition__programme__provider=access.organisation, pk=pk)
        .select_related("edition__programme", "trainer__user")
        .first()
    )
    if group is None:
        raise Http404
    return group


def get_session_for_access(access: Access, pk: int) -> Session:
    session = (
        Session.objects.filter(edition__programme__provider=access.organisation, pk=pk)
        .select_related("edition__programme", "group")
        .first()
    )
    if session is None:
        raise Http404
    return session


def get_application_for_applicant(user, pk: int) -> Application:
    """The user's own application (as the one who submitted it)."""
    application = (
        Application.objects.filter(applicant=user, pk=pk)
        .select_related("edition__programme__provider", "school")
        .first()
    )
    if application is None:
        raise Http404
    return application


def get_participation_for_user(user, pk: int) -> Participant:
    """The user's own active participation in an accepted application."""
    participant = (
        Participant.objects.filter(
            user=user,
            pk=pk,
            is_active=True,
            application__status=Application.Status.ACCEPTED,
        )
        .select_related("edition__programme__provider", "group__trainer__user", "school")
        .first()
    )
    if participant is None:
        raise Http404
    return participant
