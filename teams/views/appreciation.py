"""Appreciation notes for a team or one of its members, shown on the team's charter."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from organisations.access import get_team_for_access, organisation_view

from .. import services
from ..access import can_leave_appreciation, get_appreciation_for_access
from ..forms import AppreciationForm
from .charters import charter_team


def _charter(request, team_id):
    kwargs = {"slug": request.organisation.slug, "pk": team_id}
    return redirect(reverse("teams:charter", kwargs=kwargs) + "#appreciation")


@organisation_view()
def appreciation_add(request, pk):
    team, members, _can_edit = charter_team(request, pk)
    if not can_leave_appreciation(request.access):
        raise PermissionDenied
    form = AppreciationForm(
        request.POST or None, team=team, members=members, viewer=request.access.membership
    )
    if request.method == "POST" and form.is_valid():
        person = form.person()
        try:
            services.appreciation_add(
                access=request.access,
                author=request.user,
                text=form.cleaned_data["text"],
                visibility=form.cleaned_data["visibility"],
                team=None if person else team,
                membership=person,
            )
        except LeerkringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Thank you: your note was left."))
            return _charter(request, team.pk)
    return render(request, "teams/appreciation_form.html", {"team": team, "form": form})


@require_POST
@organisation_view()
def appreciation_delete(request, pk):
    note = get_appreciation_for_access(request.access, pk)
    services.appreciation_delete(note=note, user=request.user)
    messages.success(request, _("Your note was deleted."))
    team_id = note.team_id or request.POST.get("team", "")
    try:
        team, _can_manage = get_team_for_access(request.access, int(team_id))
    except (ValueError, Http404):
        return redirect("organisations:overview", slug=request.organisation.slug)
    return _charter(request, team.pk)
