"""Changing and removing what a meeting recorded: agenda items, decisions and action items.

An edit has a page of its own (GET shows the form, POST saves), so what was typed stays when
it is refused. A removal is a POST from a confirmation on the meeting page; with HTMX it
answers with the changed section only, so the reader keeps their place on the page.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError

from .. import selectors, services
from ..access import (
    get_action_for_access,
    get_agenda_item_for_meeting,
    get_decision_for_meeting,
    plg_view,
)
from ..meeting_forms import ActionForm, AgendaItemForm, DecisionForm
from ._helpers import apply_error, meeting_url, plg_redirect
from .meetings import kept_meeting, may_keep_action, meeting_context


def _removed(request, plg, meeting, section: str, message: str):
    """After a removal: the section alone for HTMX, else back to the meeting page."""
    if request.htmx:
        context = {**meeting_context(request, plg, meeting), "section_message": message}
        return render(request, f"communities/_meeting_{section}.html", context)
    messages.success(request, message)
    return redirect(meeting_url(meeting, section))


def _edit_page(request, plg, *, form, save, back_url: str, heading: str, done: str):
    """Show `form` on a page of its own; on a valid POST call `save(cleaned_data)` and go back
    to `back_url`. A refused change comes back with everything typed still in the form."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except LeerkringError as error:
            apply_error(form, error)
        else:
            messages.success(request, done)
            return redirect(back_url)
    context = {
        "plg": plg,
        "form": form,
        "heading": heading,
        "submit_label": _("Save the changes"),
        "cancel_url": back_url,
    }
    return render(request, "communities/meeting_item_form.html", context)


@plg_view()
def agenda_item_edit(request, plg, meeting_pk, item_pk):
    meeting = kept_meeting(request, meeting_pk)
    item = get_agenda_item_for_meeting(meeting, item_pk)
    initial = {"time": item.time, "title": item.title, "owner": item.owner_id}
    form = AgendaItemForm(
        request.POST or None, initial=initial, members=selectors.member_choices(plg=plg)
    )

    def save(data):
        services.agenda_item_update(item=item, actor=request.user, **data)

    return _edit_page(
        request,
        plg,
        form=form,
        save=save,
        back_url=meeting_url(meeting, "agenda"),
        heading=_("Change the agenda item"),
        done=_("The agenda item was changed."),
    )


@require_POST
@plg_view()
def agenda_item_delete(request, plg, meeting_pk, item_pk):
    meeting = kept_meeting(request, meeting_pk)
    item = get_agenda_item_for_meeting(meeting, item_pk)
    services.agenda_item_delete(item=item, actor=request.user)
    return _removed(request, plg, meeting, "agenda", _("The agenda item was removed."))


@plg_view()
def decision_edit(request, plg, meeting_pk, decision_pk):
    meeting = kept_meeting(request, meeting_pk)
    decision = get_decision_for_meeting(meeting, decision_pk)
    form = DecisionForm(request.POST or None, initial={"text": decision.text})

    def save(data):
        services.decision_update(decision=decision, text=data["text"], actor=request.user)

    return _edit_page(
        request,
        plg,
        form=form,
        save=save,
        back_url=meeting_url(meeting, "decisions"),
        heading=_("Change the decision"),
        done=_("The decision was changed."),
    )


@require_POST
@plg_view()
def decision_delete(request, plg, meeting_pk, decision_pk):
    meeting = kept_meeting(request, meeting_pk)
    decision = get_decision_for_meeting(meeting, decision_pk)
    services.decision_delete(decision=decision, actor=request.user)
    return _removed(request, plg, meeting, "decisions", _("The decision was removed."))


def _kept_action(request, action_pk):
    action = get_action_for_access(request.plg_access, action_pk)
    if not may_keep_action(request.plg_access, action):
        raise PermissionDenied
    return action


@plg_view()
def action_edit(request, plg, action_pk):
    action = _kept_action(request, action_pk)
    initial = {
        "description": action.description,
        "owner": action.owner_id,
        "deadline": action.deadline,
    }
    form = ActionForm(
        request.POST or None, initial=initial, members=selectors.member_choices(plg=plg)
    )

    def save(data):
        services.action_update(action=action, actor=request.user, **data)

    if action.meeting is not None:
        back_url = meeting_url(action.meeting, "actions")
    else:
        back_url = reverse(
            "communities:plg_detail", kwargs={"slug": plg.organisation.slug, "pk": plg.pk}
        )
    return _edit_page(
        request,
        plg,
        form=form,
        save=save,
        back_url=back_url,
        heading=_("Change the action"),
        done=_("The action was changed."),
    )


@require_POST
@plg_view()
def action_delete(request, plg, action_pk):
    action = _kept_action(request, action_pk)
    meeting = action.meeting
    services.action_delete(action=action, actor=request.user)
    message = _("The action was removed.")
    if meeting is None:
        messages.success(request, message)
        return plg_redirect(plg)
    return _removed(request, plg, meeting, "actions", message)
