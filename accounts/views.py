from functools import cache

from allauth.account.internal.flows.login import perform_password_login
from allauth.account.models import Login
from allauth.socialaccount.adapter import get_adapter as get_social_adapter
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from core.discovery import app_modules

from .forms import EmailAuthenticationForm, MailedPasswordResetForm, ProfileForm
from .sso import sign_in_origins
from .tokens import invitation_token_generator


class LoginView(auth_views.LoginView):
    """Email and password (checked by Django with axes' lockout), then allauth's login steps:
    the second step for those who set it up. The school's single sign-on buttons beside it."""

    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        login = Login(user=user, redirect_url=self.get_success_url(), email=user.email)
        return perform_password_login(self.request, {"email": user.email}, login)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "sso_providers": self.sso_providers}

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        origins = sign_in_origins(self.sso_providers)
        if origins:
            # The SSO buttons' forms end at the provider's sign-in page.
            response._csp_update = {"form-action": origins}
        return response

    @cached_property
    def sso_providers(self):
        return get_social_adapter(self.request).list_providers(self.request)


# Password reset by mail: Django's views in the site's layout. The request page answers the
# same whether or not the address is known.
password_reset = auth_views.PasswordResetView.as_view(
    form_class=MailedPasswordResetForm,
    template_name="accounts/password_reset_form.html",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_set.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """An invited person chooses their first password through the link in their mail, then
    logs in with it."""

    token_generator = invitation_token_generator
    template_name = "accounts/password_set.html"
    success_url = reverse_lazy("accounts:login")
    extra_context = {"invitation": True}

    def form_valid(self, form):
        messages.success(self.request, _("Your password is set. You can log in now."))
        return super().form_valid(form)


@cache
def _profile_sections():
    """`sections(request)` of every app with a profile.py: what the app shows of the user on
    their profile page, each a dict with the `template` that writes it as `section`."""
    return [module.sections for module in app_modules("profile")]


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None, initial={"first_name": user.first_name, "last_name": user.last_name}
    )
    if request.method == "POST" and form.is_valid():
        user.first_name = form.cleaned_data["first_name"].strip()
        user.last_name = form.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "profile_sections": [s for sections in _profile_sections() for s in sections(request)],
        },
    )
