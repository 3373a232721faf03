"""Development points: sending a weak dimension, priority or perception gap of a report to
the school's plan (the development app's inbox, which links back to the report section)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from organisations.access import organisation_view

from .. import services
from ..access import can_propose_points, get_survey_for_access
from ..points import proposals
from ..reports import report_context


@require_POST
@organisation_view()
def point_propose(request, pk):
    survey, _can_manage = get_survey_for_access(request.access, pk)
    if not can_propose_points(request.access, survey):
        raise PermissionDenied
    report_url = reverse("surveys:report", kwargs={"slug": request.organisation.slug, "pk": pk})
    number = request.POST.get("round", "")
    # The point is looked up in the report as it is published now, never taken from the
    # request: only what the anonymity rules show can become a point.
    context = report_context(survey, number)
    current = context.get("current")
    proposal = None
    if current is not None and str(current.round.number) == number:
        proposal = proposals(context).get(
            (request.POST.get("source", ""), request.POST.get("code", ""))
        )
    if proposal is None:
        message = _("This point is not part of the report (any more); nothing was sent.")
        if request.htmx:
            return render(request, "surveys/_point_sent.html", {"error": message})
        messages.error(request, message)
        return redirect(report_url)
    point, _created = services.development_point_propose(
        survey=survey, round_=current.round, proposal=proposal, actor=request.user
    )
    if request.htmx:
        return render(request, "surveys/_point_sent.html", {"point": point})
    messages.success(request, _("The development point was sent to the plan as a proposal."))
    return redirect(point.origin_url())


@organisation_view()
def point_list(request):
    """The old list of the survey points: the school's inbox of development points holds
    them now."""
    return redirect("development:point_list", slug=request.organisation.slug)
