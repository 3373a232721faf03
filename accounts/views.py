from functools import cache

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.discovery import app_modules

from .forms import EmailAuthenticationForm, ProfileForm


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


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
