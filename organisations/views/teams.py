from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from core.pagination import paginate

from .. import selectors, services
from ..access import get_team_for_access, organisation_view
from ..forms import TeamForm, TeamMemberAddForm
from ..picker import person_picker, picker_matches


@organisation_view()
def team_list(request):
    page = paginate(request, selectors.team_list(organisation=request.organisation))
    return render(request, "organisations/team_list.html", {"page": page})


def _team_form(request, *, team=None):
    """The create and edit form of a team: one page, one flow."""
    form = TeamForm(request.POST or None, instance=team, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        fields = {"name": form.cleaned_data["name"], "mission": form.cleaned_data["mission"]}
        try:
            if team is None:
                saved = services.team_create(
                    organisation=request.organisation, actor=request.user, **fields
                )
                message = _("Team “%(team)s” was created.") % {"team": saved}
            else:
                saved = services.team_update(team=team, actor=request.user, **fields)
                message = _("The team was saved.")
        except LeerkringError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, message)
            return redirect(
                "organisations:team_detail", slug=request.organisation.slug, pk=saved.pk
            )
    return render(request, "organisations/team_form.html", {"form": form, "team": team})


@organisation_view(manage=True)
def team_create(request):
    return _team_form(request)


@organisation_view()
def team_detail(request, pk):
    team, can_edit = get_team_for_access(request.access, pk)
    picker = person_picker(request, selectors.team_candidates(team=team)) if can_edit else None
    if picker and (matches := picker_matches(request, picker)):
        return matches
    context = {
        "team": team,
        "can_edit": can_edit,
        "members": selectors.team_members(team=team),
        "add_form": TeamMemberAddForm(team=team) if can_edit else None,
        "picker": picker,
    }
    return render(request, "organisations/team_detail.html", context)


@organisation_view()
def team_edit(request, pk):
    return _team_form(request, team=_editable_team(request, pk))


def _editable_team(request, pk):
    team, can_edit = get_team_for_access(request.access, pk)
    if not can_edit:
        raise PermissionDenied
    return team


@require_POST
@organisation_view()
def team_member_add(request, pk):
    team = _editable_team(request, pk)
    form = TeamMemberAddForm(request.POST, team=team)
    if form.is_valid():
        try:
            services.team_member_add(
                team=team,
                membership=form.cleaned_data["person"],
                is_home=form.cleaned_data["is_home"],
                actor=request.user,
            )
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            person = form.cleaned_data["person"].user
            messages.success(request, _("%(person)s was added to the team.") % {"person": person})
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("organisations:team_detail", slug=request.organisation.slug, pk=team.pk)


def _team_member(request, pk, member_pk):
    team = _editable_team(request, pk)
    membership = get_object_or_404(
        request.organisation.memberships.select_related("user"), pk=member_pk
    )
    return team, membership


@require_POST
@organisation_view()
def team_member_remove(request, pk, member_pk):
    team, membership = _team_member(request, pk, member_pk)
    try:
        services.team_member_remove(team=team, membership=membership, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("%(person)s was removed from the team.") % {"person": membership.user}
        )
    return redirect("organisations:team_detail", slug=request.organisation.slug, pk=team.pk)


@require_POST
@organisation_view()
def team_member_make_home(request, pk, member_pk):
    team, membership = _team_member(request, pk, member_pk)
    try:
        services.team_member_make_home(team=team, membership=membership, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("This is now the home team of %(person)s.") % {"person": membership.user},
        )
    return redirect("organisations:team_detail", slug=request.organisation.slug, pk=team.pk)
