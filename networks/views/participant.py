"""A participant's own pages: their applications, their editions, calendars."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.errors import LeerkringError

from .. import selectors, tailoring
from ..access import get_application_for_applicant, get_participation_for_user
from ..ical import calendar_response
from ..models import Application, Attendance, Participant
from ..services import registration, selection


@login_required
def home(request):
    return render(request, "networks/home.html", selectors.my_home(request.user))


@login_required
def my_application(request, pk):
    application = get_application_for_applicant(request.user, pk)
    context = {
        "application": application,
        "participants": application.participants.select_related("user"),
        "answers": application.answers.select_related("question"),
        "position": registration.waitlist_position(application),
        "can_withdraw": application.status in Application.ACTIVE
        and application.applicant_id == request.user.pk,
    }
    return render(request, "networks/my_application.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def my_application_withdraw(request, pk):
    """Withdrawing asks first (GET), saying who is offered the freed places; the POST of that
    page withdraws."""
    application = get_application_for_applicant(request.user, pk)
    if application.applicant_id != request.user.pk:
        raise PermissionDenied
    if request.method == "GET":
        if application.status not in Application.ACTIVE:
            return redirect("networks:my_application", pk=application.pk)
        context = {
            "application": application,
            "edition": application.edition,
            "offers": selection.withdrawal_offers(application),
        }
        return render(request, "networks/confirm_withdraw.html", context)
    try:
        selection.application_withdraw(
            application_id=application.pk,
            user=request.user,
            base_url=request.build_absolute_uri("/"),
        )
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your application was withdrawn."))
    return redirect("networks:my_application", pk=application.pk)


@login_required
def participation(request, pk):
    participant = get_participation_for_user(request.user, pk)
    sessions = selectors.participant_sessions(participant)
    today = timezone.localdate()
    past = [s for s in sessions if s.date <= today]
    missed = [
        s for s in past if s.my_status in (Attendance.Status.ABSENT, Attendance.Status.EXCUSED)
    ]
    group_members = []
    if participant.group_id:
        group_members = list(
            Participant.objects.filter(group_id=participant.group_id, is_active=True)
            .select_related("user", "school")
            .order_by("user__last_name", "user__first_name", "pk")
        )
    context = {
        "participant": participant,
        "edition": participant.edition,
        "sessions": sessions,
        "attended": sum(1 for s in past if s.my_status == Attendance.Status.PRESENT),
        "missed": missed,
        "group_members": group_members,
        "today": today,
        # Only told to someone who consented, while their 360° has no closed round yet.
        "has_closed_360": bool(participant.group_id and participant.profile_consent_at)
        and tailoring.has_closed_360(participant.user_id),
    }
    context.update(selectors.participant_learning(participant))
    return render(request, "networks/participation.html", context)


@login_required
def participation_ical(request, pk):
    participant = get_participation_for_user(request.user, pk)
    return calendar_response(
        selectors.participant_sessions(participant),
        name=str(participant.edition),
        filename=f"leerkring-{participant.edition.programme.code}.ics",
    )


@login_required
def group_ical(request, pk):
    participant = get_participation_for_user(request.user, pk)
    sessions = participant.edition.sessions.filter(group_id=participant.group_id)
    if participant.group_id is None:
        sessions = sessions.none()
    return calendar_response(
        sessions.order_by("date", "start_time"),
        name=str(participant.group or participant.edition),
        filename=f"leerkring-groep-{participant.group_id or 0}.ics",
    )
