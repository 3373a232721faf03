from django.db import transaction
from django.utils import timezone

from .models import ApiToken, AuditEvent, User


def audit_log(
    *, actor, action, obj=None, object_type="", object_id="", organisation=None, summary=""
):
    """Record an audit event. Pass either a model instance or an explicit type and id."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    return AuditEvent.objects.create(
        actor=actor if actor and actor.is_authenticated else None,
        organisation=organisation,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        summary=summary[:255],
    )


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token and return it with its plain key, which is never stored."""
    key = ApiToken.generate_key()
    token = ApiToken(user=user, name=name, prefix=key[3:11], key_hash=ApiToken.hash_key(key))
    token.full_clean()
    token.save()
    audit_log(actor=user, action=AuditEvent.Action.CREATE, obj=token, summary=name)
    return token, key


def api_token_authenticate(key: str) -> User | None:
    """Return the active user a token belongs to, or None."""
    if not key:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Only write the timestamp once a minute: the API should not cost a write per request.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def api_token_revoke(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)
