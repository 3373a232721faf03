"""Personal API tokens: list, create (the key is shown once) and revoke your own."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .models import ApiToken, AuditEvent
from .services import api_token_create, api_token_revoke, audit_log


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What the token is for, e.g. “Team overview spreadsheet”."),
    )


# never_cache: the page that shows a new key must not be kept by the browser or a proxy.
@never_cache
@login_required
def token_list(request):
    form = ApiTokenForm(request.POST or None)
    new_key = new_token = None
    if request.method == "POST" and form.is_valid():
        new_token, new_key = api_token_create(
            user=request.user, name=form.cleaned_data["name"].strip()
        )
        # Rendered straight away instead of redirecting: the key is never stored anywhere,
        # not even in the session, so this response is the only place it ever appears.
        form = ApiTokenForm()
    context = {
        "form": form,
        "tokens": ApiToken.objects.filter(user=request.user).order_by("-created_at"),
        "new_key": new_key,
        "new_token": new_token,
    }
    return render(request, "accounts/tokens.html", context)


@require_POST
@login_required
def token_revoke(request, pk):
    # Only the user's own tokens match: another user's token id is a 404, like a missing one.
    token = ApiToken.objects.filter(user=request.user, pk=pk).first()
    if token is None or not api_token_revoke(user=request.user, token_id=pk):
        raise Http404
    audit_log(
        actor=request.user,
        action=AuditEvent.Action.DELETE,
        object_type=ApiToken._meta.label_lower,
        object_id=pk,
        summary=token.name,
    )
    messages.success(request, _("The token was revoked. Programs using it no longer get in."))
    return redirect("accounts:tokens")
