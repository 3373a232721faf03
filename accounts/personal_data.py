"""The account itself: profile and API tokens (never a key, only its name and prefix)."""

from django.conf import settings

from privacy.registry import Part, record

from .models import ERASED_EMAIL_DOMAIN, ApiToken


def export(user) -> list[Part]:
    profile = record(
        user,
        exclude=("is_superuser", "is_staff", "groups", "user_permissions", "invited_at"),
    )
    tokens = [record(token) for token in ApiToken.objects.filter(user=user)]
    return [Part("profile", [profile]), Part("api_tokens", tokens)]


def erase(user) -> None:
    """Runs last (privacy/erasure.py): other apps still see the address before this."""
    ApiToken.objects.filter(user=user).delete()
    user.email = f"erased-{user.pk}@{ERASED_EMAIL_DOMAIN}"
    user.first_name = ""
    user.last_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.language = settings.LANGUAGE_CODE
    user.invited_at = None
    user.last_login = None
    user.save()
