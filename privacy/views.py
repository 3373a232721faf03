"""Privacy pages: one's sessions and tokens, one's data, and an administrator's erasure."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.models import ApiToken
from core.errors import LeerkringError
from organisations.access import get_person_for_access, organisation_view
from organisations.models import Membership

from .erasure import erasure_check, person_erase
from .export import personal_data_zip
from .sessions import idle_timeout, sessions_end_others, sessions_for


@never_cache
@login_required
def session_list(request):
    context = {
        "sessions": sessions_for(user=request.user, current_key=request.session.session_key),
        "tokens": ApiToken.objects.filter(user=request.user).order_by("-created_at"),
        "idle_minutes": idle_timeout() // 60,
    }
    return render(request, "privacy/sessions.html", context)


@require_POST
@login_required
def sessions_sign_out_others(request):
    ended = sessions_end_others(user=request.user, current_key=request.session.session_key)
    messages.success(
        request,
        _("You were signed out on %(count)s other browsers.") % {"count": ended}
        if ended
        else _("You were not signed in anywhere else."),
    )
    return redirect("privacy:sessions")


@login_required
def my_data(request):
    return render(request, "privacy/my_data.html")


@never_cache
@require_POST
@login_required
def my_data_download(request):
    handle = personal_data_zip(user=request.user)
    stamp = timezone.localdate().isoformat()
    return FileResponse(handle, as_attachment=True, filename=f"leerkring-mijn-gegevens-{stamp}.zip")


class ErasureForm(forms.Form):
    confirmation = forms.CharField(label=gettext_lazy("Type the person's name"), max_length=300)


@organisation_view()
def person_erase_view(request, pk):
    if request.access.role != Membership.Role.ADMIN:
        raise PermissionDenied
    membership, _can_edit = get_person_for_access(request.access, pk)
    form = ErasureForm(request.POST or None)
    refusal = None
    try:
        erasure_check(actor=request.user, membership=membership)
    except LeerkringError as error:
        refusal = error.message
    if request.method == "POST" and refusal is None and form.is_valid():
        try:
            person_erase(
                actor=request.user,
                membership=membership,
                confirmation=form.cleaned_data["confirmation"],
            )
        except LeerkringError as error:
            form.add_error("confirmation", error.message)
        else:
            messages.success(request, _("The person was erased."))
            return redirect("organisations:people_list", slug=request.organisation.slug)
    context = {"person": membership, "form": form, "refusal": refusal}
    return render(request, "privacy/person_erase.html", context)
