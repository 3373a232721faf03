"""Erasure of a person by an administrator: every app's `personal_data.erase(user)` in one
transaction, then the audit event (who erased, when; not what or whom by name).

Apps are called in the reverse of INSTALLED_APPS, so accounts comes last: the others still
see the person's address (surveys find their invitations by it) before it is replaced."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from organisations.models import Membership

from .registry import personal_data_modules


def erasure_check(*, actor, membership: Membership) -> None:
    """Raise a LeerkringError with the reason when this person may not be erased here."""
    user = membership.user
    if user.pk == actor.pk:
        raise LeerkringError(_("You cannot erase yourself."))
    if user.is_erased:
        raise LeerkringError(_("This person has already been erased."))
    if user.is_superuser:
        raise LeerkringError(_("An administrator of the whole installation cannot be erased here."))
    others = Membership.objects.filter(user=user).exclude(
        organisation_id=membership.organisation_id
    )
    if others.exists():
        raise LeerkringError(
            _(
                "This person also belongs to another organisation. Ask its administrator to "
                "remove them there first: an erasure removes their data everywhere."
            )
        )


@transaction.atomic
def person_erase(*, actor, membership: Membership, confirmation: str) -> None:
    erasure_check(actor=actor, membership=membership)
    user = membership.user
    if " ".join(confirmation.split()).casefold() != str(user).casefold():
        raise LeerkringError(_("Type the person's name exactly as shown to confirm."))
    for module in reversed(personal_data_modules()):
        module.erase(user)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.DELETE,
        object_type="privacy.erasure",
        object_id=membership.pk,
        organisation=membership.organisation,
    )
