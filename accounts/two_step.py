"""Two-step login (allauth.mfa): who must use it, and sending them to set it up first."""

import time

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.conf import settings
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership

# Once the check passed, a session is not checked again for this long (a role given meanwhile
# takes effect then), so that ordinary pages cost no extra queries.
RECHECK_SECONDS = 300
SESSION_KEY = "two_step_checked"
# Pages a person who still has to set up two-step login may open: the set-up itself, the
# password confirmation it may ask for, logging out, and switching the language.
ALLOWED_URL_NAMES = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_reauthenticate",
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_generate_recovery_codes",
    "account_reauthenticate",
    "logout",
    "set_language",
}


def two_step_required(user) -> bool:
    """Whether `user` must sign in with a second step: superusers and active organisation
    administrators always, school leaders where the deployment says so."""
    if not user.is_authenticated:
        return False
    roles = []
    if settings.TWO_STEP_REQUIRED_FOR_ADMINISTRATORS:
        if user.is_superuser:
            return True
        roles.append(Membership.Role.ADMIN)
    if settings.TWO_STEP_REQUIRED_FOR_LEADERS:
        roles.append(Membership.Role.LEADER)
    return bool(roles) and user.memberships.filter(is_active=True, role__in=roles).exists()


def _in_force() -> bool:
    return settings.TWO_STEP_REQUIRED_FOR_ADMINISTRATORS or settings.TWO_STEP_REQUIRED_FOR_LEADERS


def has_two_step(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class TwoStepRequiredMiddleware:
    """Sends a signed-in person who must use two-step login but has not set it up to the
    set-up page, whatever they asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and _in_force() and not self._recently_checked(request):
            if two_step_required(user) and not has_two_step(user):
                match = request.resolver_match or _resolve(request.path_info)
                if not match or match.url_name not in ALLOWED_URL_NAMES:
                    return redirect("mfa_activate_totp")
            else:
                request.session[SESSION_KEY] = [user.pk, time.time()]
        return self.get_response(request)

    @staticmethod
    def _recently_checked(request) -> bool:
        checked = request.session.get(SESSION_KEY)
        return (
            isinstance(checked, list)
            and len(checked) == 2
            and checked[0] == request.user.pk
            and time.time() - checked[1] < RECHECK_SECONDS
        )


def _resolve(path):
    try:
        return resolve(path)
    except Resolver404:
        return None


@receiver(authenticator_added)
@receiver(authenticator_removed)
def _check_again(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session.pop(SESSION_KEY, None)


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _(
            "Two-step login is required for your role in Leerkring; you cannot switch it off."
        ),
    }

    def can_delete_authenticator(self, authenticator):
        return not two_step_required(authenticator.user)
