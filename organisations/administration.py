"""Writes that create tenants: a community adds its schools, the installation's administrator
adds communities and providers. Each new organisation gets its first manager by e-mail."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.validation import validate

from .models import Membership, Organisation

SLUG_LENGTH = 70  # leaves room for a "-2" suffix within the field's 80 characters


def unique_slug(name: str) -> str:
    """A free short name for the URL, made from `name`: "basisschool-de-linde", or with a
    number appended when that one is taken."""
    base = slugify(name)[:SLUG_LENGTH].strip("-") or "organisatie"
    taken = set(Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _member_by_email(*, organisation: Organisation, email: str, role: str, actor):
    """Give the person with this e-mail address `role` in the new organisation, creating
    their account (without a usable password) when they have none. Returns the membership
    and whether the account is new."""
    User = get_user_model()
    email = User.objects.normalize_email(email).lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User(email=email)
        # They sign in once an administrator or a password reset gives them a password.
        user.set_unusable_password()
        validate(user, exclude=["password"])
        user.save()
        audit_log(actor=actor, action=AuditEvent.Action.CREATE, obj=user, summary=email)
    membership = Membership(organisation=organisation, user=user, role=role)
    validate(membership)
    membership.save()
    audit_log(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=membership,
        organisation=organisation,
        summary=f"role:{role}",
    )
    return membership, created


def _create(*, kind: str, name: str, city: str, actor, **fields) -> Organisation:
    organisation = Organisation(
        kind=kind, name=name.strip(), city=city.strip(), slug=unique_slug(name), **fields
    )
    validate(organisation)
    organisation.save()
    audit_log(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=organisation,
        organisation=organisation,
        summary=organisation.name,
    )
    return organisation


@transaction.atomic
def school_create(
    *,
    community: Organisation,
    name: str,
    city: str,
    institution_number: str,
    leader_email: str,
    actor,
) -> tuple[Organisation, Membership, bool]:
    """Add a school to a school community with its school leader. Returns the school, the
    leader's membership and whether the leader's account is new."""
    if community.kind != Organisation.Kind.COMMUNITY:
        raise LeerkringError(_("Only a school community adds schools."))
    school = _create(
        kind=Organisation.Kind.SCHOOL,
        name=name,
        city=city,
        actor=actor,
        parent=community,
        institution_number=institution_number.strip(),
    )
    leader, created = _member_by_email(
        organisation=school, email=leader_email, role=Membership.Role.LEADER, actor=actor
    )
    return school, leader, created


@transaction.atomic
def organisation_create(
    *, kind: str, name: str, city: str = "", admin_email: str = "", actor
) -> tuple[Organisation, Membership | None, bool]:
    """The installation's administrator adds a school community or a provider, with its
    first administrator when an e-mail address is given."""
    if not getattr(actor, "is_superuser", False):
        raise LeerkringError(_("Only the administrator of the installation adds organisations."))
    if kind not in (Organisation.Kind.COMMUNITY, Organisation.Kind.PROVIDER):
        raise LeerkringError(_("A school is added by its school community."))
    organisation = _create(kind=kind, name=name, city=city, actor=actor)
    if not admin_email:
        return organisation, None, False
    admin, created = _member_by_email(
        organisation=organisation, email=admin_email, role=Membership.Role.ADMIN, actor=actor
    )
    return organisation, admin, created
