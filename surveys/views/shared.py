"""Reports a school shared with a provider, read by the provider's trainers."""

from django.http import Http404
from django.shortcuts import render

from accounts.models import AuditEvent
from accounts.services import audit_log
from organisations.access import organisation_view

from ..access import get_shared_survey_for_access, reads_shared_reports
from .report import render_report


@organisation_view()
def shared_list(request):
    access = request.access
    if not reads_shared_reports(access):
        raise Http404
    surveys = access.organisation.surveys_shared_with_us.select_related(
        "organisation", "version", "subject__user"
    ).order_by("organisation__name", "-created_at")
    return render(request, "surveys/shared_list.html", {"surveys": surveys})


@organisation_view()
def shared_report(request, pk):
    survey = get_shared_survey_for_access(request.access, pk)
    audit_log(
        actor=request.user,
        action=AuditEvent.Action.VIEW,
        obj=survey,
        organisation=survey.organisation,
        summary=f"shared report of {survey.title} read by {request.organisation.slug}",
    )
    return render_report(request, survey, can_propose=False, shared_view=True)
