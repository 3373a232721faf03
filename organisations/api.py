"""Organisations, schools, teams and people in the JSON API, scoped exactly like the UI.

Every endpoint with a slug resolves it through `get_access` (another tenant's organisation
is a 404, never its data) and fetches objects through the access helpers and selectors the
views use, so the API cannot see more than the web pages do.
"""

from typing import Annotated

from django.db.models import Q, prefetch_related_objects
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from accounts.api import ErrorOut
from core.converters import MAX_ID

from . import selectors
from .access import get_access, get_person_for_access, get_team_for_access, user_memberships
from .models import Membership, Organisation

MAX_PAGE_SIZE = 50
# Larger numbers are refused (400) before they reach the database, whose integers they overflow.
MAX_OFFSET = 2**31 - 1


class PageInput(Schema):
    limit: int = Field(
        MAX_PAGE_SIZE, ge=1, le=MAX_OFFSET, description=f"Rows per page, at most {MAX_PAGE_SIZE}."
    )
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")


class ApiPagination(LimitOffsetPagination):
    """`?limit=&offset=`, at most 50 rows a page like the web pages; a larger limit is cut to
    50 rather than refused, so a client asking for "everything" still gets pages."""

    Input = PageInput

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_PAGE_SIZE, **kwargs)


# Schemas -------------------------------------------------------------------------------------


class MembershipOrganisationOut(Schema):
    id: int
    slug: str
    name: str
    kind: Organisation.Kind


class MembershipOut(Schema):
    organisation: MembershipOrganisationOut
    role: Membership.Role
    role_display: str
    function: str


class MeOut(Schema):
    id: int
    email: str
    first_name: str
    last_name: str
    full_name: str
    language: str
    memberships: list[MembershipOut]


class OrganisationRefOut(Schema):
    id: int
    slug: str
    name: str


class MyOrganisationOut(Schema):
    """One of the user's organisations, with the user's role there."""

    id: int = Field(..., alias="organisation.id")
    slug: str = Field(..., alias="organisation.slug")
    name: str = Field(..., alias="organisation.name")
    kind: Organisation.Kind = Field(..., alias="organisation.kind")
    city: str = Field(..., alias="organisation.city")
    role: Membership.Role
    function: str


class SchoolOut(Schema):
    id: int
    slug: str
    name: str
    city: str
    community: OrganisationRefOut | None = Field(None, description="The school community.")
    role: Membership.Role = Field(..., description="The user's role in this school.")
    via_community: bool = Field(
        ..., description="True when access comes from managing the school's community."
    )


class OrganisationOut(Schema):
    id: int
    slug: str
    name: str
    kind: Organisation.Kind
    city: str
    community: OrganisationRefOut | None = Field(None, description="A school's community.")
    role: Membership.Role = Field(
        ..., description="The user's role here (inherited from the community)."
    )
    can_manage: bool


class TeamOut(Schema):
    id: int
    name: str
    mission: str = Field(..., description="The team's child-oriented mission.")
    member_count: int
    home_count: int = Field(..., description="Members for whom this is their home team.")


class TeamMemberOut(Schema):
    person_id: int = Field(..., alias="membership_id", description="Id in /people/{person_id}.")
    name: str
    function: str = Field(..., alias="membership.function")
    is_home: bool = Field(..., description="This team is the person's home team (nest).")

    @staticmethod
    def resolve_name(obj):
        return str(obj.membership.user)


class TeamDetailOut(Schema):
    id: int
    name: str
    mission: str
    members: list[TeamMemberOut]


class PersonTeamOut(Schema):
    id: int = Field(..., alias="team_id")
    name: str = Field(..., alias="team.name")
    is_home: bool


class PersonOut(Schema):
    id: int = Field(..., description="The person's id in this organisation (a membership).")
    name: str
    first_name: str = Field(..., alias="user.first_name")
    last_name: str = Field(..., alias="user.last_name")
    email: str = Field(..., alias="user.email")
    role: Membership.Role
    function: str
    teams: list[PersonTeamOut] = Field(..., alias="team_links")

    @staticmethod
    def resolve_name(obj):
        return str(obj.user)


class PeopleFilter(Schema):
    # No NUL character: PostgreSQL cannot compare text with one.
    q: str = Field(
        "",
        max_length=100,
        pattern=r"^[^\x00]*$",
        description="Words to find in name, email or function.",
    )


# The same characters as the web pages' `<slug:slug>`; anything else is refused (400).
Slug = Annotated[str, Path(pattern=r"^[-a-zA-Z0-9_]+$", max_length=100)]
# A path id outside the id column's range is refused (400) rather than looked up.
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


# Endpoints -----------------------------------------------------------------------------------

router = Router(tags=["organisations"])
# Refused input (400), no token (401), an organisation or row the user may not see (404).
ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut}


@router.get("/me", response={200: MeOut, 401: ErrorOut}, url_name="me", tags=["me"])
def me(request):
    """The signed-in user and their active memberships, each with its role."""
    user = request.auth
    return {
        "id": user.pk,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "full_name": user.get_full_name(),
        "language": user.language,
        "memberships": [
            {
                "organisation": m.organisation,
                "role": m.role,
                "role_display": m.get_role_display(),
                "function": m.function,
            }
            for m in user_memberships(user)
        ],
    }


@router.get(
    "/organisations",
    response={200: list[MyOrganisationOut], 401: ErrorOut},
    url_name="organisation_list",
)
def organisation_list(request):
    """The organisations the user is an active member of, with their role in each."""
    return user_memberships(request.auth)


@router.get("/schools", response={200: list[SchoolOut], 401: ErrorOut}, url_name="school_list")
def school_list(request):
    """Schools the user can open: their own, and every school of a community they manage."""
    memberships = user_memberships(request.auth)
    direct = {m.organisation_id: m.role for m in memberships if m.organisation.is_school}
    managed = {
        m.organisation_id: m.role
        for m in memberships
        if m.organisation.kind == Organisation.Kind.COMMUNITY and m.can_manage
    }
    schools = (
        Organisation.objects.filter(kind=Organisation.Kind.SCHOOL)
        .filter(Q(pk__in=direct) | Q(parent_id__in=managed))
        .select_related("parent")
        .order_by("name")
    )
    # The same precedence as get_access: an own membership's role wins over the community's.
    return [
        {
            "id": school.pk,
            "slug": school.slug,
            "name": school.name,
            "city": school.city,
            "community": school.parent,
            "role": direct.get(school.pk) or managed[school.parent_id],
            "via_community": school.pk not in direct,
        }
        for school in schools
    ]


@router.get(
    "/organisations/{slug}",
    response={200: OrganisationOut, **ERRORS},
    url_name="organisation_detail",
)
def organisation_detail(request, slug: Slug):
    access = get_access(request.auth, slug)
    organisation = access.organisation
    community = None
    if organisation.parent_id:
        community = Organisation.objects.filter(pk=organisation.parent_id).first()
    return {
        "id": organisation.pk,
        "slug": organisation.slug,
        "name": organisation.name,
        "kind": organisation.kind,
        "city": organisation.city,
        "community": community,
        "role": access.role,
        "can_manage": access.can_manage,
    }


@router.get(
    "/organisations/{slug}/teams", response={200: list[TeamOut], **ERRORS}, url_name="team_list"
)
@paginate(ApiPagination)
def team_list(request, slug: Slug):
    """The organisation's teams by name, with their mission and member counts."""
    access = get_access(request.auth, slug)
    return selectors.team_list(organisation=access.organisation, members_preview=False)


@router.get(
    "/organisations/{slug}/teams/{team_id}",
    response={200: TeamDetailOut, **ERRORS},
    url_name="team_detail",
)
def team_detail(request, slug: Slug, team_id: Id):
    """A team with its members, home members first."""
    team, _can_edit = get_team_for_access(get_access(request.auth, slug), team_id)
    return {
        "id": team.pk,
        "name": team.name,
        "mission": team.mission,
        "members": list(selectors.team_members(team=team)),
    }


@router.get(
    "/organisations/{slug}/people",
    response={200: list[PersonOut], **ERRORS},
    url_name="people_list",
)
@paginate(ApiPagination)
def people_list(request, slug: Slug, filters: Query[PeopleFilter]):
    """The organisation's active people with their teams; `q` searches like the staff page."""
    access = get_access(request.auth, slug)
    return selectors.people_list(organisation=access.organisation, query=filters.q)


@router.get(
    "/organisations/{slug}/people/{person_id}",
    response={200: PersonOut, **ERRORS},
    url_name="person_detail",
)
def person_detail(request, slug: Slug, person_id: Id):
    """A person in this organisation with their teams, home team first."""
    person, _can_edit = get_person_for_access(get_access(request.auth, slug), person_id)
    prefetch_related_objects([person], selectors.team_links())
    return person
