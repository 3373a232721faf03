from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.tasks import send_email

from .models import ApiToken, AuditEvent, User
from .tokens import invitation_token_generator


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


# Mails: invitations and password reset -------------------------------------------------------


def mail_send(*, user: User, template: str, context: dict) -> None:
    """Queue a mail to the user in their own language, its subject and body from templates."""
    with translation.override(user.language):
        subject = render_to_string(f"accounts/mail/{template}_subject.txt", context)
        body = render_to_string(f"accounts/mail/{template}.txt", context)
    send_email.enqueue(subject=" ".join(subject.split()), body=body, to=[user.email])


def invitations_send(
    *, users: list[User], site_url: str, school: str, organisation=None, actor=None
) -> int:
    """Mail each user a one-time link to set a password, from `school` (the inviter's name).
    A resend stamps a new `invited_at`, which retires the earlier link."""
    now = timezone.now()
    User.objects.filter(pk__in=[user.pk for user in users]).update(invited_at=now)
    days = settings.INVITATION_TIMEOUT // (60 * 60 * 24)
    for user in users:
        user.invited_at = now
        path = reverse(
            "accounts:invitation_accept",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": invitation_token_generator.make_token(user),
            },
        )
        context = {"user": user, "link": site_url + path, "school": school, "days": days}
        mail_send(user=user, template="invitation", context=context)
    if users:
        audit_log(
            actor=actor,
            action=AuditEvent.Action.UPDATE,
            object_type="accounts.invitation",
            organisation=organisation,
            summary=", ".join(user.email for user in users),
        )
    return len(users)
