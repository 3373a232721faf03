"""A consultation body's meetings: the pages are this app's, the forms, services and meeting
sections (agenda, decisions) are communities' own, as for a PLG. A body's meetings have no
rotating roles, attendance or action items: those refer to a PLG's members."""

import contextlib
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from communities import services as meeting_services
from communities.access import get_agenda_item_for_meeting, get_decision_for_meeting
from communities.meeting_forms import (
    AgendaFormSet,
    AgendaItemForm,
    DecisionForm,
    MeetingForm,
    MinutesForm,
)
from core.errors import LeerkringError
from organisations.access import organisation_view

from .. import selectors, services
from ..access import can_keep_meeting, can_read_minutes, get_body_for_access, get_meeting_for_body
from .bodies import apply_error, school_of

# The meeting page shows the agenda and decision forms together: a prefix keeps their ids apart.
AGENDA_PREFIX = "agenda-item"


def meeting_url(meeting, section: str = "") -> str:
    kwargs = {
        "slug": meeting.body.organisation.slug,
        "pk": meeting.body_id,
        "meeting_pk": meeting.pk,
    }
    url = reverse("consultation:meeting_detail", kwargs=kwargs)
    return f"{url}#meeting-{section}" if section else url


def agenda_item_form(*args, **kwargs) -> AgendaItemForm:
    """Communities' agenda item form without its owner: a body's agenda has no PLG members."""
    form = AgendaItemForm(*args, members=(), **kwargs)
    del form.fields["owner"]
    return form


def _body(request, pk):
    school_of(request)
    body, can_edit = get_body_for_access(request.access, pk)
    member_ids = set(body.members.values_list("pk", flat=True))
    return body, can_edit, member_ids


def _kept(request, pk, meeting_pk):
    """The body and its meeting, when the user may keep the meeting's record (403 otherwise)."""
    body, _can_edit, member_ids = _body(request, pk)
    meeting = get_meeting_for_body(body, meeting_pk)
    if not can_keep_meeting(request.access, body, member_ids):
        raise PermissionDenied
    return body, meeting


def meeting_context(request, body, meeting, member_ids) -> dict:
    can_keep = can_keep_meeting(request.access, body, member_ids)
    return {
        "body": body,
        "meeting": meeting,
        **selectors.meeting_record(meeting=meeting),
        "can_keep": can_keep,
        "can_edit": request.access.can_manage,
        "can_read_minutes": can_read_minutes(request.access, body, member_ids),
        # A body's agenda items have no owner: the shared agenda section leaves that column out.
        "show_owner": False,
        "decision_form": DecisionForm() if can_keep else None,
        "agenda_form": agenda_item_form(prefix=AGENDA_PREFIX) if can_keep else None,
    }


@organisation_view()
def meeting_detail(request, pk, meeting_pk):
    body, _can_edit, member_ids = _body(request, pk)
    meeting = get_meeting_for_body(body, meeting_pk)
    context = meeting_context(request, body, meeting, member_ids)
    return render(request, "consultation/meeting_detail.html", context)


def _initial_from_query(request, body) -> dict:
    """A planned date from the body's rule (`?date=…`) fills the form in."""
    initial = {"duration_minutes": body.rule_duration_minutes}
    with contextlib.suppress(ValueError):
        initial["date"] = datetime.date.fromisoformat(request.GET.get("date", ""))
    if body.rule_start:
        initial["time"] = timezone.localtime(body.rule_start).time().replace(second=0)
    return initial


@organisation_view(manage=True)
def meeting_create(request, pk):
    body, _can_edit, _ids = _body(request, pk)
    form = MeetingForm(request.POST or None, initial=_initial_from_query(request, body))
    agenda = AgendaFormSet(request.POST or None, members=(), prefix="agenda")
    if request.method == "POST" and form.is_valid() and agenda.is_valid():
        items = [
            (f.cleaned_data["time"], f.cleaned_data["title"], None)
            for f in agenda
            if f.cleaned_data and f.cleaned_data.get("title")
        ]
        try:
            meeting = meeting_services.meeting_create(
                body=body,
                starts_at=form.starts_at(),
                duration_minutes=form.cleaned_data["duration_minutes"],
                place=form.cleaned_data["place"],
                online_url=form.cleaned_data["online_url"],
                agenda=items,
                actor=request.user,
            )
        except LeerkringError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The meeting was planned."))
            return redirect(meeting_url(meeting))
    context = {"body": body, "form": form, "agenda": agenda}
    return render(request, "consultation/meeting_form.html", context)


@organisation_view(manage=True)
def meeting_edit(request, pk, meeting_pk):
    body, _can_edit, _ids = _body(request, pk)
    meeting = get_meeting_for_body(body, meeting_pk)
    form = MeetingForm.editing(meeting, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_services.meeting_update(meeting=meeting, **form.changes(), actor=request.user)
        except LeerkringError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The meeting was changed."))
            return redirect(meeting_url(meeting))
    context = {"body": body, "form": form, "meeting": meeting}
    return render(request, "consultation/meeting_form.html", context)


@organisation_view()
def meeting_minutes(request, pk, meeting_pk):
    body, meeting = _kept(request, pk, meeting_pk)
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes})
    if request.method == "POST" and form.is_valid():
        removed = meeting_services.minutes_save(
            meeting=meeting, minutes=form.cleaned_data["minutes"], actor=request.user
        )
        if removed:
            messages.warning(
                request,
                _(
                    "The minutes were saved. We removed HTML code such as script tags, which "
                    "is not allowed; the text itself was kept."
                ),
            )
        else:
            messages.success(request, _("The minutes were saved."))
        return redirect(meeting_url(meeting))
    context = {
        "body": body,
        "meeting": meeting,
        "form": form,
        "heading": _("Minutes"),
        "submit_label": _("Save the minutes"),
        "cancel_url": meeting_url(meeting),
    }
    return render(request, "consultation/meeting_item_form.html", context)


def _errors_to_messages(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@require_POST
@organisation_view()
def meeting_agenda_add(request, pk, meeting_pk):
    _body_, meeting = _kept(request, pk, meeting_pk)
    form = agenda_item_form(request.POST, prefix=AGENDA_PREFIX)
    if form.is_valid():
        try:
            meeting_services.agenda_item_add(
                meeting=meeting, owner=None, actor=request.user, **form.cleaned_data
            )
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The agenda item was added."))
    else:
        _errors_to_messages(request, form)
    return redirect(meeting_url(meeting, "agenda"))


@require_POST
@organisation_view()
def meeting_decision_add(request, pk, meeting_pk):
    _body_, meeting = _kept(request, pk, meeting_pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        meeting_services.decision_add(
            meeting=meeting, text=form.cleaned_data["text"], actor=request.user
        )
        messages.success(request, _("The decision was recorded."))
    else:
        _errors_to_messages(request, form)
    return redirect(meeting_url(meeting, "decisions"))


def _edit_page(request, body, meeting, *, form, save, section, heading, done):
    back_url = meeting_url(meeting, section)
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except LeerkringError as error:
            apply_error(form, error)
        else:
            messages.success(request, done)
            return redirect(back_url)
    context = {
        "body": body,
        "meeting": meeting,
        "form": form,
        "heading": heading,
        "submit_label": _("Save the changes"),
        "cancel_url": back_url,
    }
    return render(request, "consultation/meeting_item_form.html", context)


def _removed(request, body, meeting, section: str, message: str):
    """After a removal: the section alone for HTMX, else back to the meeting page."""
    if request.htmx:
        member_ids = set(body.members.values_list("pk", flat=True))
        context = {
            **meeting_context(request, body, meeting, member_ids),
            "section_message": message,
        }
        return render(request, f"communities/_meeting_{section}.html", context)
    messages.success(request, message)
    return redirect(meeting_url(meeting, section))


@organisation_view()
def agenda_item_edit(request, pk, meeting_pk, item_pk):
    body, meeting = _kept(request, pk, meeting_pk)
    item = get_agenda_item_for_meeting(meeting, item_pk)
    form = agenda_item_form(request.POST or None, initial={"time": item.time, "title": item.title})

    def save(data):
        meeting_services.agenda_item_update(item=item, owner=None, actor=request.user, **data)

    return _edit_page(
        request,
        body,
        meeting,
        form=form,
        save=save,
        section="agenda",
        heading=_("Change the agenda item"),
        done=_("The agenda item was changed."),
    )


@require_POST
@organisation_view()
def agenda_item_delete(request, pk, meeting_pk, item_pk):
    body, meeting = _kept(request, pk, meeting_pk)
    item = get_agenda_item_for_meeting(meeting, item_pk)
    meeting_services.agenda_item_delete(item=item, actor=request.user)
    return _removed(request, body, meeting, "agenda", _("The agenda item was removed."))


@organisation_view()
def decision_edit(request, pk, meeting_pk, decision_pk):
    body, meeting = _kept(request, pk, meeting_pk)
    decision = get_decision_for_meeting(meeting, decision_pk)
    form = DecisionForm(request.POST or None, initial={"text": decision.text})

    def save(data):
        meeting_services.decision_update(decision=decision, text=data["text"], actor=request.user)

    return _edit_page(
        request,
        body,
        meeting,
        form=form,
        save=save,
        section="decisions",
        heading=_("Change the decision"),
        done=_("The decision was changed."),
    )


@require_POST
@organisation_view()
def decision_delete(request, pk, meeting_pk, decision_pk):
    body, meeting = _kept(request, pk, meeting_pk)
    decision = get_decision_for_meeting(meeting, decision_pk)
    meeting_services.decision_delete(decision=decision, actor=request.user)
    return _removed(request, body, meeting, "decisions", _("The decision was removed."))


@require_POST
@organisation_view(manage=True)
def meeting_delete(request, pk, meeting_pk):
    body, _can_edit, _ids = _body(request, pk)
    meeting = get_meeting_for_body(body, meeting_pk)
    services.body_meeting_delete(access=request.access, meeting=meeting, actor=request.user)
    messages.success(request, _("The meeting was cancelled."))
    return redirect("consultation:body_detail", slug=body.organisation.slug, pk=body.pk)
