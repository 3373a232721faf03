"""A participant's own learning: assignments, reflections, coaching, research, certificate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from core.pdf import pdf_response, render_pdf

from .. import selectors
from ..access import (
    get_assignment_for_participant,
    get_coaching_group_for_participant,
    get_participation_for_user,
    get_research_group_for_participant,
    get_session_for_participant,
    own_submission,
)
from ..forms import CoachingMomentForm, ReflectionForm, ResearchGroupForm, SubmissionForm
from ..models import Attendance
from ..services import learning
from .learning import file_response


def _back(participant):
    return redirect("networks:participation", pk=participant.pk)


def _show_error(form, error):
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def assignment(request, pk, assignment_pk):
    participant = get_participation_for_user(request.user, pk)
    task = get_assignment_for_participant(participant, assignment_pk)
    submission = own_submission(participant, task)
    maps = selectors.submission_maps(participant)
    form = SubmissionForm(
        request.POST or None,
        request.FILES or None,
        initial={
            "text": submission.text if submission else "",
            "value_stream": submission.value_stream_id if submission else None,
        },
        maps=maps if maps.exists() else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            learning.submission_save(
                assignment=task,
                participant=participant,
                text=form.cleaned_data["text"],
                upload=form.cleaned_data["file"],
                value_stream=form.cleaned_data.get("value_stream"),
            )
        except LeerkringError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Your work was handed in."))
            return redirect("networks:assignment", pk=participant.pk, assignment_pk=task.pk)
    return render(
        request,
        "networks/assignment.html",
        {"participant": participant, "assignment": task, "submission": submission, "form": form},
    )


@login_required
def assignment_file(request, pk, assignment_pk):
    participant = get_participation_for_user(request.user, pk)
    task = get_assignment_for_participant(participant, assignment_pk)
    submission = own_submission(participant, task)
    if submission is None:
        raise Http404
    return file_response(submission.file)


@login_required
def reflection(request, pk, session_pk):
    participant = get_participation_for_user(request.user, pk)
    session = get_session_for_participant(participant, session_pk)
    existing = participant.reflections.filter(session=session).first()
    form = ReflectionForm(request.POST or None, initial={"text": existing.text if existing else ""})
    if request.method == "POST" and form.is_valid():
        try:
            learning.reflection_save(
                participant=participant, session=session, text=form.cleaned_data["text"]
            )
        except LeerkringError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Your reflection was saved."))
            return _back(participant)
    return render(
        request,
        "networks/reflection.html",
        {"participant": participant, "session": session, "form": form},
    )


@require_POST
@login_required
def coaching_moment(request, pk, coaching_pk):
    participant = get_participation_for_user(request.user, pk)
    group = get_coaching_group_for_participant(participant, coaching_pk)
    form = CoachingMomentForm(request.POST)
    if form.is_valid():
        learning.coaching_moment_log(
            coaching_group=group,
            participant=participant,
            date=form.cleaned_data["date"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("The coaching moment was logged."))
    else:
        messages.error(request, _("Give the date of the coaching moment."))
    return _back(participant)


@login_required
def research(request, pk):
    participant = get_participation_for_user(request.user, pk)
    group = participant.research_groups.first()
    initial = {}
    if group is not None:
        initial = {
            "theme": group.theme,
            "question": group.question,
            "plan": group.plan,
            "partners": [m.pk for m in group.members.all() if m.pk != participant.pk],
        }
    form = ResearchGroupForm(
        request.POST or None, request.FILES or None, participant=participant, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = learning.research_group_save(
                participant=participant,
                research_group=group,
                theme=form.cleaned_data["theme"],
                question=form.cleaned_data["question"],
                plan=form.cleaned_data["plan"],
                partner_ids=[p.pk for p in form.cleaned_data["partners"]],
                upload=form.cleaned_data["results"],
            )
        except LeerkringError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Your research group was saved."))
            if saved.one_school:
                messages.warning(request, saved.ONE_SCHOOL_WARNING)
            return _back(participant)
    return render(
        request,
        "networks/research.html",
        {"participant": participant, "group": group, "form": form},
    )


@login_required
def research_file(request, pk, group_pk):
    participant = get_participation_for_user(request.user, pk)
    return file_response(get_research_group_for_participant(participant, group_pk).results)


@login_required
def certificate(request, pk):
    """The certificate of participation as PDF, listing the sessions attended."""
    participant = get_participation_for_user(request.user, pk)
    attended = [
        s
        for s in selectors.participant_sessions(participant)
        if s.my_status == Attendance.Status.PRESENT
    ]
    context = {
        "participant": participant,
        "edition": participant.edition,
        "programme": participant.edition.programme,
        "attended": attended,
        "today": timezone.localdate(),
    }
    pdf = render_pdf(
        request, "networks/certificate.html", context, stylesheets=["networks/certificate.css"]
    )
    code = participant.edition.programme.code
    return pdf_response(pdf, filename=f"deelnameattest-{code}.pdf")
