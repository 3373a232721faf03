"""The actions of the action plan: a list, a board by status (buttons, and dragging as an
enhancement posting the same form), a timeline by month, and editing with a version check."""

import itertools

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from organisations.access import organisation_view

from . import action_services, selectors
from .access import get_action_for_access, get_evidence_for_access, get_goal_for_access
from .forms import ActionForm, ActionMoveForm
from .models import Action
from .views import _school

VIEWS = ("list", "board", "timeline")


def _fields(form) -> dict:
    data = dict(form.cleaned_data)
    data.pop("version", None)
    return data


@organisation_view(manage=True)
def action_create(request, pk):
    school = _school(request)
    goal, may_edit = get_goal_for_access(request.access, pk)
    if not may_edit:
        raise Http404
    form = ActionForm(
        request.POST or None,
        request.FILES or None,
        access=request.access,
        initial={"deadline": goal.deadline},
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = action_services.action_create(goal=goal, actor=request.user, **_fields(form))
        except LeerkringError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The action was added."))
            url = reverse("development:plan", kwargs={"slug": school.slug})
            return redirect(f"{url}#action-{action.pk}")
    return render(request, "development/action_form.html", {"form": form, "goal": goal})


@organisation_view()
def action_edit(request, pk):
    school = _school(request)
    action, _may_edit = get_action_for_access(request.access, pk)
    stale = None
    if request.method == "POST":
        form = ActionForm(request.POST, request.FILES, access=request.access)
        if form.is_valid():
            try:
                action_services.action_update(
                    action=action,
                    version=form.cleaned_data["version"] or 0,
                    actor=request.user,
                    **_fields(form),
                )
            except action_services.StaleAction as conflict:
                stale = conflict.current
                form.add_error(None, conflict.message)
                # The next save starts from what is stored now; the editor's text stays in
                # the form until they choose.
                form.data = form.data.copy()
                form.data["version"] = stale.version
            except LeerkringError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("The action was saved."))
                return redirect("development:action_edit", slug=school.slug, pk=action.pk)
    else:
        form = ActionForm(
            access=request.access,
            initial={
                "title": action.title,
                "owner": action.owner_id,
                "deadline": action.deadline,
                "status": action.status,
                "notes": action.notes,
                "version": action.version,
            },
        )
    context = {"form": form, "action": action, "goal": action.goal, "stale": stale}
    return render(request, "development/action_form.html", context)


@require_POST
@organisation_view()
def action_move(request, pk):
    school = _school(request)
    action, _may_edit = get_action_for_access(request.access, pk)
    form = ActionMoveForm(request.POST)
    back = request.POST.get("next") if request.POST.get("next") in VIEWS else "board"
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses."))
    else:
        try:
            action_services.action_move(
                action=action,
                version=form.cleaned_data["version"],
                status=form.cleaned_data["status"],
                actor=request.user,
            )
        except action_services.StaleAction:
            messages.error(
                request,
                _(
                    "Someone changed this action in the meantime, so it was not moved. Here "
                    "it is as it is now; move it again if that is still right."
                ),
            )
            return redirect("development:action_edit", slug=school.slug, pk=action.pk)
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("“%(action)s” is now in %(status)s.")
                % {"action": action.title, "status": action.get_status_display()},
            )
    url = reverse(f"development:action_{back}", kwargs={"slug": school.slug})
    return redirect(f"{url}#action-{action.pk}")


@organisation_view()
def evidence_file(request, pk):
    _school(request)
    evidence = get_evidence_for_access(request.access, pk)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.filename)


@organisation_view(manage=True)
def action_list(request):
    _school(request)
    context = {"actions": selectors.school_actions(access=request.access), "view": "list"}
    return render(request, "development/action_list.html", context)


@organisation_view(manage=True)
def action_board(request):
    _school(request)
    actions = list(selectors.school_actions(access=request.access))
    statuses = Action.Status.choices
    columns = [
        {
            "status": value,
            "label": label,
            "actions": [a for a in actions if a.status == value],
            "previous": statuses[index - 1] if index else None,
            "next": statuses[index + 1] if index + 1 < len(statuses) else None,
        }
        for index, (value, label) in enumerate(statuses)
    ]
    return render(request, "development/action_board.html", {"columns": columns, "view": "board"})


@organisation_view(manage=True)
def action_timeline(request):
    _school(request)
    actions = selectors.school_actions(access=request.access)
    months = [
        (month, list(group))
        for month, group in itertools.groupby(actions, key=lambda a: a.deadline.replace(day=1))
    ]
    return render(
        request, "development/action_timeline.html", {"months": months, "view": "timeline"}
    )
