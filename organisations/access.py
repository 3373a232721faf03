"""Tenant scoping: the one place that decides what a user may see and change.

Every view and API endpoint resolves its organisation through `get_access` (or the
`organisation_view` decorator) and fetches tenant objects through the helpers below.
Another tenant's object is a 404, never a 403, so its existence is not revealed.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Membership, Organisation, Team

_CACHE_ATTR = "_leerkring_memberships"


def user_memberships(user) -> list[Membership]:
    """The user's active memberships with their organisations, loaded once per user object."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, is_active=True)
            .select_related("organisation__parent")
            .order_by("organisation__name", "pk")
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


@dataclass(frozen=True)
class Access:
    """What one user may do in one organisation."""

    organisation: Organisation
    role: str
    membership: Membership | None  # the user's own membership here; None for inherited access

    @property
    def can_manage(self) -> bool:
        return self.role in Membership.MANAGING_ROLES

    @property
    def is_trainer(self) -> bool:
        return self.role == Membership.Role.TRAINER


def get_access(user, slug: str) -> Access:
    """Resolve the user's access to the organisation with this slug, or raise Http404.

    A member gets their own role. A leader or administrator of a school community also
    manages the schools of that community.
    """
    if not user.is_authenticated:
        raise Http404
    memberships = user_memberships(user)
    for membership in memberships:
        if membership.organisation.slug == slug:
            return Access(membership.organisation, membership.role, membership)
    community_roles = {
        m.organisation_id: m.role
        for m in memberships
        if m.organisation.kind == Organisation.Kind.COMMUNITY and m.can_manage
    }
    if community_roles:
        school = Organisation.objects.filter(
            slug=slug, kind=Organisation.Kind.SCHOOL, parent_id__in=community_roles
        ).first()
        if school is not None:
            return Access(school, community_roles[school.parent_id], None)
    raise Http404


def organisation_view(*, manage: bool = False):
    """Decorate a view taking `slug`: sets `request.access` and `request.organisation`.

    Anonymous visitors go to the login page; non-members get a 404; members without the
    managing role get a 403 where `manage` is asked.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            access = get_access(request.user, slug)
            if manage and not access.can_manage:
                raise PermissionDenied
            request.access = access
            request.organisation = access.organisation
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def get_team_for_access(access: Access, pk: int) -> tuple[Team, bool]:
    """The team with this pk in the access's organisation, and whether the user may edit it."""
    team = Team.objects.filter(organisation=access.organisation, pk=pk).first()
    if team is None:
        raise Http404
    return team, access.can_manage


def get_person_for_access(access: Access, pk: int) -> tuple[Membership, bool]:
    """The membership (a person in this organisation) with this pk, and whether the user may
    edit it."""
    membership = (
        Membership.objects.filter(organisation=access.organisation, pk=pk)
        .select_related("user", "organisation")
        .first()
    )
    if membership is None:
        raise Http404
    return membership, access.can_manage


def get_staff_import_for_access(access: Access, pk: int):
    """The staff import with this pk of the access's organisation, and whether the user may
    apply it (managers only)."""
    from .models import StaffImport

    staff_import = (
        StaffImport.objects.filter(organisation=access.organisation, pk=pk)
        .select_related("created_by")
        .first()
    )
    if staff_import is None:
        raise Http404
    return staff_import, access.can_manage
