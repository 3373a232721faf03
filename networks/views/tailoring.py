"""Tailoring: a participant shares their 360° in combined form; the group's trainer reads the
combined profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import AuditEvent
from accounts.services import audit_log

from ..access import get_group_for_trainer, get_participation_for_user, provider_view
from ..services import running
from ..tailoring import MIN_LEADERS, group_profile


@require_POST
@login_required
def profile_consent(request, pk):
    participant = get_participation_for_user(request.user, pk)
    give = request.POST.get("consent") == "give"
    running.profile_consent_set(participant=participant, give=give, actor=request.user)
    if give:
        messages.success(
            request, _("Your trainer may now include your 360° in the group's combined profile.")
        )
    else:
        messages.success(request, _("Your 360° no longer counts in the group's profile."))
    return redirect(reverse("networks:participation", kwargs={"pk": participant.pk}) + "#tailoring")


@provider_view
def group_profile_view(request, pk):
    group = get_group_for_trainer(request.access, pk)
    profile = group_profile(group)
    if profile.available:
        running.profile_version_record(group=group, keys=profile.keys)
        shown = f"{profile.qualifying} leaders"
    elif profile.withheld:
        shown = "withheld: changed by one or two leaders"
    else:
        shown = "not available"
    # The profile rests on leaders' 360° reports: record every time it is read.
    audit_log(
        actor=request.user,
        action=AuditEvent.Action.VIEW,
        obj=group,
        organisation=request.organisation,
        summary=f"combined 360° profile ({shown})",
    )
    return render(
        request,
        "networks/manage/group_profile.html",
        {
            "group": group,
            "edition": group.edition,
            "profile": profile,
            "minimum": MIN_LEADERS,
        },
    )
