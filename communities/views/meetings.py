from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from core.forms import SeriesForm
from core.ical import calendar_response
from core.pdf import pdf_response

from .. import exports, selectors, services
from ..access import get_action_for_access, get_meeting_for_access, plg_view
from ..meeting_forms import (
    ActionForm,
    AgendaFormSet,
    AgendaItemForm,
    DecisionForm,
    MeetingDetailsForm,
    MeetingForm,
    MeetingRolesForm,
    MinutesForm,
)
from ..models import Role
from ._helpers import apply_error, form_errors_to_messages, meeting_url, plg_redirect


def _meeting_redirect(meeting, section: str = ""):
    return redirect(meeting_url(meeting, section))


@plg_view(lead=True)
def meeting_create(request, plg):
    members = selectors.member_choices(plg=plg)
    form = MeetingForm(request.POST or None)
    agenda = AgendaFormSet(request.POST or None, members=members, prefix="agenda")
    if request.method == "POST" and form.is_valid() and agenda.is_valid():
        items = [
            (f.cleaned_data["time"], f.cleaned_data["title"], f.cleaned_data.get("owner"))
            for f in agenda
            if f.cleaned_data and f.cleaned_data.get("title")
        ]
        try:
            meeting = services.meeting_create(
                plg=plg,
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
            return _meeting_redirect(meeting)
    context = {"plg": plg, "form": form, "agenda": agenda}
    return render(request, "communities/meeting_form.html", context)


@plg_view(lead=True)
def meeting_series(request, plg):
    """Plan a series of meetings: previewed with the holidays skipped or moved, planned once
    the leader confirms that preview."""
    data = request.POST if request.method == "POST" else None
    series = SeriesForm(data, prefix="series")
    form = MeetingDetailsForm(data)
    preview = None
    if data is not None and series.is_valid() and form.is_valid():
        plan = series.plan()
        preview = series.preview(plan)
        if series.previewed(data):
            try:
                meetings = services.meeting_series_create(
                    plg=plg,
                    starts=[timezone.make_aware(start) for start in series.starts(plan)],
                    duration_minutes=form.cleaned_data["duration_minutes"],
                    place=form.cleaned_data["place"],
                    online_url=form.cleaned_data["online_url"],
                    actor=request.user,
                )
            except LeerkringError as error:
                if error.field == "date":
                    series.add_error("first_date", error.message)
                else:
                    apply_error(form, error)
                preview = None
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(n)d meeting was planned. Each can be changed on its own.",
                        "%(n)d meetings were planned. Each can be changed on its own.",
                        len(meetings),
                    )
                    % {"n": len(meetings)},
                )
                return plg_redirect(plg)
        elif data.get("confirm") == "yes":
            messages.warning(request, _("The series changed since its preview: check the dates."))
    context = {"plg": plg, "series": series, "form": form, "preview": preview}
    return render(request, "communities/meeting_series.html", context)


@plg_view(lead=True)
def meeting_edit(request, plg, meeting_pk):
    meeting = get_meeting_for_access(request.plg_access, meeting_pk)
    form = MeetingForm.editing(meeting, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=meeting, **form.changes(), actor=request.user)
        except LeerkringError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The meeting was changed."))
            return _meeting_redirect(meeting)
    context = {"plg": plg, "form": form, "meeting": meeting}
    return render(request, "communities/meeting_form.html", context)


# The meeting page shows the agenda and action forms together: a prefix keeps their ids apart.
AGENDA_PREFIX = "agenda-item"


def meeting_context(request, plg, meeting) -> dict:
    """What the meeting page (and each of its HTMX sections) shows to this user."""
    access = request.plg_access
    data = selectors.meeting_detail(meeting=meeting)
    can_keep = access.can_keep_meeting(data["role_holders"])
    members = data["members"]
    return {
        "plg": plg,
        "pa": access,
        "meeting": meeting,
        **data,
        "can_keep": can_keep,
        # The roles named for this meeting, in the order roles are listed everywhere else.
        "named_roles": [
            (label, data["role_holders"][role])
            for role, label in Role.choices
            if role in data["role_holders"]
        ],
        "decision_form": DecisionForm() if can_keep else None,
        "action_form": ActionForm(members=members) if can_keep else None,
        "agenda_form": AgendaItemForm(members=members, prefix=AGENDA_PREFIX) if can_keep else None,
        "roles_form": MeetingRolesForm(members=members, initial=data["role_holders"])
        if access.can_lead
        else None,
    }


@plg_view()
def meeting_detail(request, plg, meeting_pk):
    meeting = get_meeting_for_access(request.plg_access, meeting_pk)
    return render(
        request, "communities/meeting_detail.html", meeting_context(request, plg, meeting)
    )


def may_keep_action(access, action) -> bool:
    """Change an action: whoever keeps its meeting's record, or, for an action without a
    meeting, whoever leads the group (and may read its actions)."""
    if action.meeting is None:
        return access.can_lead and access.can_read_minutes
    return access.can_keep_meeting(selectors.meeting_role_holders(meeting=action.meeting))


def kept_meeting(request, meeting_pk):
    """The meeting, when the user may keep its record (403 otherwise)."""
    access = request.plg_access
    meeting = get_meeting_for_access(access, meeting_pk)
    if not access.can_keep_meeting(selectors.meeting_role_holders(meeting=meeting)):
        raise PermissionDenied
    return meeting


@require_POST
@plg_view()
def meeting_agenda_add(request, plg, meeting_pk):
    meeting = kept_meeting(request, meeting_pk)
    form = AgendaItemForm(
        request.POST, members=selectors.member_choices(plg=plg), prefix=AGENDA_PREFIX
    )
    if form.is_valid():
        try:
            services.agenda_item_add(meeting=meeting, actor=request.user, **form.cleaned_data)
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The agenda item was added."))
    else:
        form_errors_to_messages(request, form)
    return _meeting_redirect(meeting, "agenda")


@require_POST
@plg_view(lead=True)
def meeting_roles(request, plg, meeting_pk):
    meeting = get_meeting_for_access(request.plg_access, meeting_pk)
    form = MeetingRolesForm(request.POST, members=selectors.member_choices(plg=plg))
    if form.is_valid():
        services.meeting_roles_set(meeting=meeting, holders=form.holders(), actor=request.user)
        messages.success(request, _("The roles for this meeting were saved."))
    else:
        form_errors_to_messages(request, form)
    return _meeting_redirect(meeting)


@require_POST
@plg_view()
def meeting_attendance(request, plg, meeting_pk):
    meeting = kept_meeting(request, meeting_pk)
    present = [int(v) for v in request.POST.getlist("present") if v.isdigit()]
    services.attendance_set(meeting=meeting, present_ids=present, actor=request.user)
    messages.success(request, _("Attendance was saved."))
    return _meeting_redirect(meeting, "attendance")


@plg_view()
def meeting_minutes(request, plg, meeting_pk):
    meeting = kept_meeting(request, meeting_pk)
    form = MinutesForm(request.POST or None, initial={"minutes": meeting.minutes})
    if request.method == "POST" and form.is_valid():
        removed = services.minutes_save(
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
        return _meeting_redirect(meeting)
    return render(
        request, "communities/meeting_minutes.html", {"plg": plg, "meeting": meeting, "form": form}
    )


@require_POST
@plg_view()
def meeting_decision_add(request, plg, meeting_pk):
    meeting = kept_meeting(request, meeting_pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        services.decision_add(meeting=meeting, text=form.cleaned_data["text"], actor=request.user)
        messages.success(request, _("The decision was recorded."))
    else:
        form_errors_to_messages(request, form)
    return _meeting_redirect(meeting, "decisions")


@plg_view()
def meeting_action_add(request, plg, meeting_pk):
    meeting = kept_meeting(request, meeting_pk)
    form = ActionForm(request.POST or None, members=selectors.member_choices(plg=plg))
    if request.method == "POST" and form.is_valid():
        try:
            services.action_add(plg=plg, meeting=meeting, actor=request.user, **form.cleaned_data)
        except LeerkringError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The action was added."))
            return _meeting_redirect(meeting, "actions")
    # A refused action comes back with everything typed still in the form.
    context = {
        "plg": plg,
        "form": form,
        "heading": _("New action"),
        "submit_label": _("Add the action"),
        "cancel_url": meeting_url(meeting, "actions"),
    }
    return render(request, "communities/meeting_item_form.html", context)


@require_POST
@plg_view()
def action_done(request, plg, action_pk):
    access = request.plg_access
    action = get_action_for_access(access, action_pk)
    is_owner = access.member is not None and action.owner_id == access.member.pk
    if not (is_owner or may_keep_action(access, action)):
        raise PermissionDenied
    try:
        services.action_done(action=action, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Well done: the action is marked as done."))
    next_url = request.POST.get("next")
    if next_url == "home":
        return redirect("dashboard")
    if action.meeting is not None:
        return _meeting_redirect(action.meeting, "actions")
    return plg_redirect(plg)


@plg_view()
def meeting_ical(request, plg, meeting_pk):
    meeting = get_meeting_for_access(request.plg_access, meeting_pk)
    event = exports.meeting_event(meeting=meeting, request=request)
    return calendar_response([event], filename=f"plg-{plg.pk}-{meeting.pk}.ics")


@plg_view()
def meeting_pdf(request, plg, meeting_pk):
    if not request.plg_access.can_read_minutes:
        raise PermissionDenied
    meeting = get_meeting_for_access(request.plg_access, meeting_pk)
    pdf = exports.minutes_pdf(meeting=meeting, request=request)
    return pdf_response(pdf, filename=f"notulen-{meeting.pk}.pdf", inline=True)
