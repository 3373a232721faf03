"""Provider staff run an edition: the overview, applications, sessions, attendance, groups."""

from functools import partial

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.forms import SeriesForm

from .. import selectors
from ..access import (
    get_application_for_access,
    get_edition_for_access,
    get_group_for_access,
    get_session_for_access,
    provider_view,
)
from ..forms import (
    GroupMembersForm,
    IntakeForm,
    LearningGroupForm,
    SessionForm,
    SessionSeriesForm,
)
from ..models import Application, Attendance, Participant
from ..services import catalogue, evaluations, registration, running, selection
from .manage import edition_url, programme_url, save_form


@provider_view
def edition_overview(request, pk):
    edition = get_edition_for_access(request.access, pk)
    context = {"edition": edition, "programme": edition.programme}
    context.update(selectors.edition_overview(edition))
    return render(request, "networks/manage/edition_overview.html", context)


@provider_view
def application_detail(request, pk):
    application = get_application_for_access(request.access, pk)
    # The answers are personal (motivation, role): record who read them.
    audit_log(
        actor=request.user,
        action=AuditEvent.Action.VIEW,
        obj=application,
        organisation=request.organisation,
    )
    return render(
        request,
        "networks/manage/application_detail.html",
        {
            "application": application,
            "edition": application.edition,
            "participants": application.participants.select_related("user", "school"),
            "answers": application.answers.select_related("question"),
            "position": registration.waitlist_position(application),
            "intake_form": IntakeForm(),
        },
    )


@require_POST
@provider_view
def application_decide(request, pk):
    application = get_application_for_access(request.access, pk)
    actions = {
        "accept": (selection.application_accept, _("The application was accepted.")),
        "waitlist": (
            selection.application_waitlist,
            _("The application is on the waiting list."),
        ),
        # A refusal frees places, offered by mail with links to this site.
        "refuse": (
            partial(selection.application_refuse, base_url=request.build_absolute_uri("/")),
            _("The application was refused."),
        ),
    }
    decision = request.POST.get("decision")
    if decision == "refuse" and request.POST.get("confirm") != "yes":
        # Refusing ends the application and mails the applicant: ask once more.
        return render(
            request,
            "networks/manage/confirm_refuse.html",
            {"application": application, "edition": application.edition},
        )
    action = actions.get(decision)
    if action is None:
        messages.error(request, _("Choose accept, waiting list or refuse."))
    else:
        service, done = action
        try:
            service(application_id=application.pk, actor=request.user)
        except selection.NotEnoughPlaces as error:
            if application.status != Application.Status.SUBMITTED:
                messages.error(request, error.message)
            else:
                # Too few places: offer the waiting list rather than only refuse to accept.
                return render(
                    request,
                    "networks/manage/confirm_waitlist.html",
                    {
                        "application": application,
                        "edition": application.edition,
                        "free": error.free,
                    },
                )
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, done)
    return redirect(
        "networks:application_detail", slug=request.organisation.slug, pk=application.pk
    )


@require_POST
@provider_view
def application_intake(request, pk):
    application = get_application_for_access(request.access, pk)
    form = IntakeForm(request.POST)
    if form.is_valid():
        try:
            selection.application_schedule_intake(
                application_id=application.pk,
                when=form.cleaned_data["when"],
                note=form.cleaned_data["note"],
                actor=request.user,
            )
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The intake conversation was scheduled."))
    else:
        messages.error(request, _("Give a valid date and time for the intake conversation."))
    return redirect(
        "networks:application_detail", slug=request.organisation.slug, pk=application.pk
    )


@require_POST
@provider_view
def edition_fill(request, pk):
    edition = get_edition_for_access(request.access, pk)
    offered = selection.edition_fill_places(
        edition_id=edition.pk, base_url=request.build_absolute_uri("/")
    )
    messages.success(
        request, _("%(count)d place(s) offered to the waiting list.") % {"count": len(offered)}
    )
    return redirect(edition_url(request, edition))


@provider_view
def session_create(request, pk):
    edition = get_edition_for_access(request.access, pk)
    form = SessionForm(request.POST or None, edition=edition)
    return save_form(request, form, title=_("New session"), back=edition)


@provider_view
def session_series(request, pk):
    """Plan a series of sessions: the dates are previewed (with the holidays skipped or
    moved) and created only once the trainer confirms that preview."""
    edition = get_edition_for_access(request.access, pk)
    data = request.POST if request.method == "POST" else None
    series = SeriesForm(data, prefix="series")
    form = SessionSeriesForm(data, edition=edition)
    preview = None
    valid = data is not None and series.is_valid() and form.is_valid()
    if valid and form.cleaned_data["end_time"] <= series.cleaned_data["start_time"]:
        form.add_error("end_time", _("The session must end after it starts."))
        valid = False
    if valid:
        plan = series.plan()
        preview = series.preview(plan)
        if series.previewed(data):
            try:
                sessions = catalogue.session_series_create(
                    edition=edition,
                    session=form.save(commit=False),
                    dates=[step.date for step in plan if step.date],
                    start_time=series.cleaned_data["start_time"],
                    actor=request.user,
                )
            except LeerkringError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
                preview = None
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(n)d session was planned. Each can be changed on its own.",
                        "%(n)d sessions were planned. Each can be changed on its own.",
                        len(sessions),
                    )
                    % {"n": len(sessions)},
                )
                return redirect(edition_url(request, edition))
        elif data.get("confirm") == "yes":
            messages.warning(request, _("The series changed since its preview: check the dates."))
    return render(
        request,
        "networks/manage/session_series.html",
        {
            "edition": edition,
            "programme": edition.programme,
            "series": series,
            "form": form,
            "preview": preview,
        },
    )


@provider_view
def session_edit(request, pk):
    session = get_session_for_access(request.access, pk)
    form = SessionForm(request.POST or None, instance=session, edition=session.edition)
    return save_form(
        request,
        form,
        title=_("Edit session"),
        back=session.edition,
    )


@provider_view
def session_attendance(request, pk):
    """Record attendance for a session: one choice per participant it concerns."""
    session = get_session_for_access(request.access, pk)
    participants = Participant.objects.filter(
        edition=session.edition, is_active=True, application__status=Application.Status.ACCEPTED
    ).select_related("user", "school", "group")
    if session.group_id:
        participants = participants.filter(group_id=session.group_id)
    participants = list(participants)
    existing = dict(session.attendances.values_list("participant_id", "status"))
    if request.method == "POST":
        statuses = {
            p.pk: request.POST.get(f"p_{p.pk}")
            for p in participants
            if request.POST.get(f"p_{p.pk}") in Attendance.Status.values
        }
        with transaction.atomic():
            running.attendance_record(session=session, statuses=statuses, actor=request.user)
        messages.success(request, _("Attendance was saved."))
        return redirect(edition_url(request, session.edition))
    rows = [(p, existing.get(p.pk, "")) for p in participants]
    return render(
        request,
        "networks/manage/attendance.html",
        {
            "session": session,
            "edition": session.edition,
            "rows": rows,
            "choices": Attendance.Status.choices,
        },
    )


@require_POST
@provider_view
def session_evaluation_start(request, pk):
    session = get_session_for_access(request.access, pk)
    try:
        evaluations.session_evaluation_start(session=session, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The evaluation was started: everyone present got their link by mail.")
        )
    return redirect(edition_url(request, session.edition))


@provider_view
def group_create(request, pk):
    edition = get_edition_for_access(request.access, pk)
    form = LearningGroupForm(request.POST or None, edition=edition)
    return save_form(
        request,
        form,
        title=_("New learning group"),
        back=edition,
    )


@provider_view
def group_detail(request, pk):
    group = get_group_for_access(request.access, pk)
    edition = group.edition
    if request.method == "POST":
        form = GroupMembersForm(request.POST, edition=edition)
        if not form.is_valid():
            messages.error(request, form.errors["participants"][0])
            return redirect("networks:group_detail", slug=request.organisation.slug, pk=group.pk)
        ids = [p.pk for p in form.cleaned_data["participants"]]
        try:
            running.group_set_members(group=group, participant_ids=ids, actor=request.user)
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The learning group was saved."))
        return redirect("networks:group_detail", slug=request.organisation.slug, pk=group.pk)
    candidates = (
        Participant.objects.filter(
            edition=edition, is_active=True, application__status=Application.Status.ACCEPTED
        )
        .select_related("user", "school__parent", "group")
        .order_by("school__name", "user__last_name")
    )
    candidates = [p for p in candidates if p.group_id in (None, group.pk)]
    return render(
        request,
        "networks/manage/group_detail.html",
        {
            "group": group,
            "edition": edition,
            "candidates": candidates,
            "warnings": running.group_warnings(group),
        },
    )


def _confirm_delete(request, *, obj, title, question, back_url, done_url, delete, done):
    """The confirmation page (GET) and the deletion itself (POST) for a session or edition."""
    if request.method == "POST":
        try:
            delete()
        except LeerkringError as error:
            messages.error(request, error.message)
            return redirect(back_url)
        messages.success(request, done)
        return redirect(done_url)
    return render(
        request,
        "networks/manage/confirm_delete.html",
        {
            "edition": getattr(obj, "edition", obj),
            "title": title,
            "question": question,
            "cancel_url": back_url,
        },
    )


@provider_view
def session_delete(request, pk):
    session = get_session_for_access(request.access, pk)
    url = edition_url(request, session.edition)
    return _confirm_delete(
        request,
        obj=session,
        title=_("Delete session"),
        question=_("Delete the session “%(session)s”? Participants no longer see it.")
        % {"session": session},
        back_url=url,
        done_url=url,
        delete=lambda: catalogue.session_delete(session=session, actor=request.user),
        done=_("The session was deleted."),
    )


@provider_view
def edition_delete(request, pk):
    edition = get_edition_for_access(request.access, pk)
    return _confirm_delete(
        request,
        obj=edition,
        title=_("Delete edition"),
        question=_("Delete the edition “%(edition)s” with its sessions and groups?")
        % {"edition": edition.name},
        back_url=edition_url(request, edition),
        done_url=programme_url(request, edition.programme),
        delete=lambda: catalogue.edition_delete(edition=edition, actor=request.user),
        done=_("The edition was deleted."),
    )
