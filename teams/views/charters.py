from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.converters import id_param
from core.errors import LeerkringError
from development.access import can_decide
from organisations.access import get_team_for_access, organisation_view

from .. import selectors, services
from ..access import can_edit_charter, can_leave_appreciation
from ..forms import AppreciationForm, CharterForm


def charter_team(request, pk):
    team, _can_manage = get_team_for_access(request.access, pk)
    members = list(selectors.charter_members(team=team))
    can_edit = can_edit_charter(request.access, team, {link.membership_id for link in members})
    return team, members, can_edit


def _measurements(request, team, goal_pk: int, can_edit: bool):
    """One goal's measurements table, as HTMX asks for it when the table is opened."""
    goal = selectors.team_goals(team_ids=[team.pk]).filter(pk=goal_pk).first()
    if goal is None:
        raise Http404
    card = selectors.goal_card(goal, timezone.localdate())
    return render(request, "teams/_goal.html#measurements", {"card": card, "can_edit": can_edit})


@organisation_view()
def charter(request, pk):
    team, members, can_edit = charter_team(request, pk)
    open_goal = id_param(request, "measurements")  # the goal whose table is asked for
    if request.htmx and open_goal is not None:
        return _measurements(request, team, open_goal, can_edit)
    member_ids = {link.membership_id for link in members}
    access = request.access
    appreciation_form = None
    if can_leave_appreciation(access):
        appreciation_form = AppreciationForm(team=team, members=members, viewer=access.membership)
    can_send = can_decide(access)
    context = {
        "can_send": can_send,
        "team": team,
        "charter": selectors.charter_of(team),
        "members": members,
        "history": selectors.mission_history(team=team),
        "decisions": selectors.team_decisions(team=team),
        "can_edit": can_edit,
        "goal_cards": selectors.goal_cards(team=team, today=timezone.localdate()),
        "open_measurements": open_goal,
        "appreciations": selectors.team_appreciations(
            team=team, access=access, member_ids=member_ids
        ),
        "appreciation_form": appreciation_form,
    }
    return render(request, "teams/charter.html", context)


@organisation_view()
def charter_edit(request, pk):
    team, members, can_edit = charter_team(request, pk)
    if not can_edit:
        raise PermissionDenied
    charter = selectors.charter_of(team)
    initial = {"pupils": charter.pupils, "mission": team.mission}
    initial |= {"meeting_rhythm": charter.meeting_rhythm}
    for link in members:
        role = getattr(link, "team_role", None)
        initial[f"role_{link.pk}"] = role.role if role else ""
    form = CharterForm(request.POST or None, initial=initial, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            services.charter_save(
                team=team,
                access=request.access,
                pupils=form.cleaned_data["pupils"],
                mission=form.cleaned_data["mission"],
                meeting_rhythm=form.cleaned_data["meeting_rhythm"],
                roles=form.roles(),
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The charter was saved."))
            return redirect("teams:charter", slug=request.organisation.slug, pk=team.pk)
    return render(request, "teams/charter_form.html", {"team": team, "form": form})
