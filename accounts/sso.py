"""Single sign-on with a school's own accounts (Microsoft Entra ID, Google Workspace, OpenID
Connect) through allauth: who may sign in that way and what a failure shows."""

import time
from urllib.parse import urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.account.models import EmailAddress
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

# Microsoft tenants open to every organisation: their e-mail addresses are not vouched for by
# the school.
MICROSOFT_SHARED_TENANTS = {"common", "organizations", "consumers"}


# allauth's "Successfully signed in as …": the page one lands on shows one's name already, and
# staff who sign in every day would read it every day.
SILENT_MESSAGES = {"account/messages/logged_in.txt"}


class AccountAdapter(DefaultAccountAdapter):
    def add_message(self, request, level, message_template=None, *args, **kwargs):
        if message_template in SILENT_MESSAGES:
            return
        super().add_message(request, level, message_template, *args, **kwargs)

    def is_open_for_signup(self, request):
        # Accounts are imported or invited by a school; nobody creates one themselves.
        return False

    def is_reauthentication_required(self, *, app, **kwargs):
        # Someone who logged in a few minutes ago is not asked for their password again
        # before setting up two-step login; later they are.
        request = context.request
        if request is not None and request.user.is_authenticated:
            records = get_authentication_records(request, request.user)
            if (
                records
                and time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT
            ):
                return False
        return super().is_reauthentication_required(app=app, **kwargs)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return False

    def authenticate_by_email(self, sociallogin):
        if sociallogin.account.provider == "microsoft" and _is_own_microsoft_tenant(sociallogin):
            # Microsoft Graph says nothing about verification, but in the school's own tenant
            # the address is set by the school's administrator.
            for address in sociallogin.email_addresses:
                address.verified = True
        return super().authenticate_by_email(sociallogin)

    def pre_social_login(self, request, sociallogin):
        if not sociallogin.is_existing:
            messages.error(
                request,
                _(
                    "No Leerkring account belongs to this school account. Ask your school's "
                    "administrator to add you with the same e-mail address."
                ),
            )
            raise ImmediateHttpResponse(redirect("accounts:login"))
        if not sociallogin.user.is_active:
            messages.error(request, _("This account is inactive."))
            raise ImmediateHttpResponse(redirect("accounts:login"))
        email = getattr(sociallogin, "_did_authenticate_by_email", None)
        if email:
            # Matched by an address the provider verified. The account itself was made by the
            # school, not signed up by a stranger, so the address is marked verified and the
            # person keeps their password (allauth would otherwise clear it).
            EmailAddress.objects.update_or_create(
                user=sociallogin.user,
                email=email.lower(),
                defaults={"verified": True, "primary": email.lower() == sociallogin.user.email},
            )

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        messages.error(
            request,
            _(
                "Signing in with your school account did not succeed, or the link was no "
                "longer valid. Nothing was changed; please try again."
            ),
        )
        raise ImmediateHttpResponse(redirect("accounts:login"))


def _is_own_microsoft_tenant(sociallogin) -> bool:
    app = sociallogin.provider.app
    tenant = (app.settings.get("tenant") if app else None) or "common"
    return tenant.lower() not in MICROSOFT_SHARED_TENANTS


def sign_in_origins(providers) -> list[str]:
    """Where the login page's SSO forms lead (through Leerkring's redirect), for the page's
    Content-Security-Policy form-action."""
    origins = []
    for provider in providers:
        app = provider.app
        if app.provider == "microsoft":
            url = app.settings.get("login_url", "https://login.microsoftonline.com")
        elif app.provider == "google":
            url = "https://accounts.google.com"
        else:
            url = app.settings.get("server_url", "")
        parts = urlsplit(url)
        if parts.scheme and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins
