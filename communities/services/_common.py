from django.core.exceptions import ValidationError

from accounts.services import audit_log
from core.errors import LeerkringError


def validate(instance, *, exclude=None) -> None:
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        field = next(iter(error.message_dict), None)
        messages = [m for field_messages in error.message_dict.values() for m in field_messages]
        raise LeerkringError(" ".join(messages), field=field) from error


def audit(*, actor, action, obj, plg, summary=""):
    audit_log(actor=actor, action=action, obj=obj, organisation=plg.organisation, summary=summary)
