"""Who may see and do what in a PLG: the one place that decides it.

A PLG belongs to a school or a school community, but its members may work at several schools
of the community, and a provider may read it where it was shared. So PLG pages cannot rely on
`organisation_view` alone: `plg_view` resolves the PLG from the owner's slug and its pk and
builds a `PLGAccess`. Whoever may not see a PLG gets a 404, so its existence is not revealed.
"""

from dataclasses import dataclass, field
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from organisations.access import Access, get_access, user_memberships
from organisations.models import Membership, Organisation

from .models import (
    LEADING_ROLES,
    MEETING_KEEPING_ROLES,
    PLG,
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    PLGMember,
    Product,
    Resource,
    Role,
)


@dataclass
class PLGAccess:
    plg: PLG
    user: object
    member: PLGMember | None
    roles: set = field(default_factory=set)
    org_access: Access | None = None  # the user's access to the owning organisation
    via_provider: bool = False  # a provider's reader of a shared PLG

    @property
    def is_member(self) -> bool:
        return self.member is not None

    @property
    def is_org_manager(self) -> bool:
        return self.org_access is not None and self.org_access.can_manage

    @property
    def can_lead(self) -> bool:
        """Plan meetings, manage members and roles, move the cycle on."""
        if self.is_org_manager:
            return True
        return self.plg.status == PLG.Status.ACTIVE and bool(self.roles & set(LEADING_ROLES))

    @property
    def can_contribute(self) -> bool:
        """Add evidence and publish products: every member of an active PLG."""
        return self.can_lead or (self.is_member and self.plg.status == PLG.Status.ACTIVE)

    @property
    def can_curate(self) -> bool:
        return self.can_lead or (
            self.plg.status == PLG.Status.ACTIVE and Role.CURATOR in self.roles
        )

    @property
    def can_join(self) -> bool:
        return (
            not self.is_member
            and self.plg.is_open
            and self.plg.status == PLG.Status.ACTIVE
            and joinable_person(self.user, self.plg) is not None
        )

    @property
    def can_read_minutes(self) -> bool:
        """Minutes, decisions, actions and evidence; a private group keeps them to its
        members (see `PLG.keeps_minutes_private`)."""
        return self.is_member or not self.plg.keeps_minutes_private

    def can_keep_meeting(self, meeting_roles: dict) -> bool:
        """Keep one meeting's record: agenda, attendance, minutes, decisions and actions.

        Whoever leads the group may; so may whoever holds a note-taker's, facilitator's or
        coach's role at this meeting (`meeting_roles`: role -> member), and the standing
        note-taker when no note-taker was named for it. Nobody outside a private group may."""
        if not self.can_read_minutes:
            return False
        if self.can_lead:
            return True
        if self.member is None or self.plg.status != PLG.Status.ACTIVE:
            return False
        if any(
            meeting_roles.get(role) is not None and meeting_roles[role].pk == self.member.pk
            for role in MEETING_KEEPING_ROLES
        ):
            return True
        return Role.NOTE_TAKER not in meeting_roles and Role.NOTE_TAKER in self.roles


def oversees_plgs(access: Access) -> bool:
    """School leaders and the school's coaches see every PLG of the organisation (except the
    minutes of private groups), approve proposals and read the coach overview."""
    return access.can_manage or access.role == Membership.Role.COACH


def _community_of(organisation: Organisation) -> int | None:
    if organisation.kind == Organisation.Kind.COMMUNITY:
        return organisation.pk
    return organisation.parent_id


def organisation_ids_for_plg(plg_org: Organisation) -> set[int]:
    """Organisations whose people may be members of a PLG of this owner: the owner, and the
    schools (and the community itself) of its school community."""
    community_id = _community_of(plg_org)
    ids = {plg_org.pk}
    if community_id:
        ids.add(community_id)
        ids.update(Organisation.objects.filter(parent_id=community_id).values_list("pk", flat=True))
    return ids


def joinable_person(user, plg: PLG) -> Membership | None:
    """The user's membership through which they would join: at the owner first, else at a
    school of the owner's community (for PLG's owned by a community)."""
    memberships = user_memberships(user)
    for membership in memberships:
        if membership.organisation_id == plg.organisation_id:
            return membership
    if plg.organisation.kind == Organisation.Kind.COMMUNITY:
        for membership in memberships:
            if membership.organisation.parent_id == plg.organisation_id:
                return membership
    return None


def _org_access(user, organisation: Organisation) -> Access | None:
    try:
        return get_access(user, organisation.slug)
    except Http404:
        return None


def _member_rows(plg_pk: int, user_pk: int) -> list[tuple]:
    """The user's membership of a PLG (through an active person) with its roles: (member id,
    person id, role) per role, or one row with role None."""
    return list(
        PLGMember.objects.filter(plg_id=plg_pk, person__user_id=user_pk, person__is_active=True)
        .order_by()
        .values_list("pk", "person_id", "roles__role")
    )


def get_plg_access(user, slug: str, pk: int) -> PLGAccess:
    """The PLG with this pk owned by the organisation with this slug, and what the user may do
    there; Http404 when the user may not see it."""
    plg = PLG.objects.select_related("organisation", "shared_with").filter(pk=pk).first()
    if plg is None or plg.organisation.slug != slug or not user.is_authenticated:
        raise Http404
    rows = _member_rows(plg.pk, user.pk)
    member = PLGMember(pk=rows[0][0], plg=plg, person_id=rows[0][1]) if rows else None
    roles = {role for _pk, _person, role in rows if role}
    access = PLGAccess(plg=plg, user=user, member=member, roles=roles)
    access.org_access = _org_access(user, plg.organisation)
    if member is not None:
        return access
    org = access.org_access
    if org is not None and not org.is_trainer:
        if oversees_plgs(org):
            return access
        if plg.status == PLG.Status.ACTIVE and plg.is_open:
            return access
        if plg.status == PLG.Status.PROPOSED and plg.proposed_by_id == user.pk:
            return access
    elif (
        plg.organisation.kind == Organisation.Kind.COMMUNITY
        and plg.is_open
        and plg.status == PLG.Status.ACTIVE
        and joinable_person(user, plg) is not None
    ):
        return access
    if plg.shared_with_id and plg.shared_with_id in {
        m.organisation_id for m in user_memberships(user)
    }:
        access.via_provider = True
        return access
    raise Http404


def plg_view(*, lead: bool = False, provider_ok: bool = False):
    """Decorate a view taking `slug` and `pk` of a PLG: sets `request.plg_access` (and
    `request.organisation` when the user belongs to the owner). `lead` demands a leading role
    (403 otherwise). Provider readers only reach views marked `provider_ok`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, pk, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            access = get_plg_access(request.user, slug, pk)
            if access.via_provider and not provider_ok:
                raise Http404
            if lead and not access.can_lead:
                raise PermissionDenied
            request.plg_access = access
            if access.org_access is not None:
                request.access = access.org_access
                request.organisation = access.org_access.organisation
            return view(request, access.plg, *args, **kwargs)

        return wrapper

    return decorator


def _first_or_404(queryset):
    obj = queryset.first()
    if obj is None:
        raise Http404
    return obj


def get_meeting_for_access(access: PLGAccess, meeting_pk: int) -> Meeting:
    """A meeting of the PLG the access is for, or Http404."""
    meeting = _first_or_404(
        Meeting.objects.filter(plg=access.plg, pk=meeting_pk).select_related("minutes_by")
    )
    meeting.plg = access.plg  # already loaded, with its organisation
    return meeting


def get_agenda_item_for_meeting(meeting: Meeting, item_pk: int) -> AgendaItem:
    """An agenda item of this meeting (from `get_meeting_for_access`), or Http404."""
    return _first_or_404(AgendaItem.objects.filter(meeting=meeting, pk=item_pk))


def get_decision_for_meeting(meeting: Meeting, decision_pk: int) -> Decision:
    """A decision of this meeting (from `get_meeting_for_access`), or Http404."""
    return _first_or_404(Decision.objects.filter(meeting=meeting, pk=decision_pk))


def get_action_for_access(access: PLGAccess, action_pk: int) -> ActionItem:
    """An action item of the PLG the access is for, with its meeting, or Http404."""
    action = _first_or_404(
        ActionItem.objects.filter(plg=access.plg, pk=action_pk).select_related("meeting")
    )
    action.plg = access.plg
    if action.meeting is not None:
        action.meeting.plg = access.plg
    return action


def get_resource_for_access(access: PLGAccess, resource_pk: int) -> Resource:
    """A resource in the library of the PLG the access is for, or Http404."""
    return _first_or_404(Resource.objects.filter(plg=access.plg, pk=resource_pk))


def get_member_for_access(access: PLGAccess, member_pk: int) -> PLGMember:
    """A member of the PLG the access is for, with their user, or Http404."""
    return _first_or_404(
        PLGMember.objects.filter(plg=access.plg, pk=member_pk).select_related("person__user")
    )


def products_visible_from(organisation: Organisation):
    """Products colleagues of this organisation may find: their own organisation's, and those
    published to its school community by the community's other schools."""
    community_id = _community_of(organisation)
    condition = Q(organisation=organisation)
    if community_id:
        condition |= Q(audience=Product.Audience.COMMUNITY, community_id=community_id)
    return Product.objects.filter(condition)


def get_product_for_access(access: Access, pk: int) -> Product:
    """A product colleagues of the access's organisation may find, or Http404."""
    return _first_or_404(
        products_visible_from(access.organisation)
        .select_related("plg__organisation", "published_by")
        .filter(pk=pk)
    )
