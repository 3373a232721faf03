"""Survey reports as a page, a PDF and an anonymised XLSX."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.converters import id_param
from core.pdf import pdf_response, render_pdf
from organisations.access import organisation_view

from ..access import (
    can_propose_points,
    can_view_report,
    get_survey_for_access,
    subject_can_sign_in,
)
from ..exports import report_xlsx_bytes
from ..report_cache import report_page
from ..reports import report_context


def _report_survey(request, pk, action):
    """The survey whose report the reader asks for, and whether they may read it. A leader
    of the school may not read a 360° about someone else: they get `_not_yours`."""
    survey, _can_manage = get_survey_for_access(request.access, pk)
    if not can_view_report(request.access, survey):
        if not survey.is_360:
            raise Http404
        return survey, False
    if survey.is_360 or action == AuditEvent.Action.EXPORT:
        audit_log(
            actor=request.user,
            action=action,
            obj=survey,
            organisation=survey.organisation,
            summary=f"report of {survey.title}",
        )
    return survey, True


def _not_yours(request, survey):
    """Who reads this 360° report and how its subject gets to it, instead of the results:
    only someone who manages the survey gets this far, and it shows them nothing of it."""
    context = {"survey": survey, "subject_can_sign_in": subject_can_sign_in(survey)}
    return render(request, "surveys/report_not_yours.html", context, status=403)


# The PDF has its own sheet, laid out for A4 (read from disk: no web server renders it).
PDF_STYLESHEETS = ("surveys/report_pdf.css",)


def render_report(request, survey, *, can_propose: bool, **extra):
    """The report page, or with `?dim=` the statements of that dimension: as the
    fragment HTMX asks for when the reader opens it, else within the whole page with that
    dimension open."""
    dimension = id_param(request, "dim")
    fragment = request.htmx and dimension is not None
    # The statements carry no development points: the fragment skips reading those sent.
    page = report_page(survey, request.GET.get("round"), can_propose=can_propose and not fragment)
    page["open_dimension"] = dimension
    if fragment:
        row = next((r for r in page.get("rows", ()) if r["dimension"].pk == dimension), None)
        if row is None:
            raise Http404
        return render(
            request, "surveys/_report_results.html#dimension-statements", {**page, "row": row}
        )
    return render(request, "surveys/report.html", {**page, **extra})


@organisation_view()
def report(request, pk):
    survey, allowed = _report_survey(request, pk, AuditEvent.Action.VIEW)
    if not allowed:
        return _not_yours(request, survey)
    return render_report(request, survey, can_propose=can_propose_points(request.access, survey))


@organisation_view()
def report_pdf(request, pk):
    survey, allowed = _report_survey(request, pk, AuditEvent.Action.EXPORT)
    if not allowed:
        return _not_yours(request, survey)
    context = {**report_context(survey, request.GET.get("round")), "pdf": True}
    pdf = render_pdf(request, "surveys/report_pdf.html", context, stylesheets=PDF_STYLESHEETS)
    return pdf_response(pdf, filename=f"{slugify(survey.title)}.pdf")


@organisation_view()
def report_xlsx(request, pk):
    survey, allowed = _report_survey(request, pk, AuditEvent.Action.EXPORT)
    if not allowed:
        return _not_yours(request, survey)
    response = HttpResponse(
        report_xlsx_bytes(survey),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{slugify(survey.title)}.xlsx"'
    return response
