from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.pdf import pdf_response, render_pdf
from organisations.access import organisation_view

from .. import matrix, selectors, services
from ..access import can_edit_matrix
from ..exports import matrix_xlsx
from ..forms import DecisionForm, MatrixRowForm
from ..models import Decision


def _school(request):
    if not request.organisation.is_school:
        raise Http404
    return request.organisation


def _audit_export(request, school, file_format):
    audit_log(
        actor=request.user,
        action=AuditEvent.Action.EXPORT,
        object_type="teams.decisionmatrix",
        object_id=school.pk,
        organisation=school,
        summary=f"decision matrix {file_format}",
    )


def _rows(request, school):
    decisions = selectors.matrix_decisions(organisation=school)
    if not decisions and services.starter_matrix(organisation=school):
        decisions = selectors.matrix_decisions(organisation=school)
    return matrix.rows(decisions, selectors.matrix_teams(organisation=school))


def _overview(rows) -> dict:
    return {
        "teams": [cell.team for cell in rows[0].cells] if rows else [],
        "groups": matrix.by_theme(rows),
        "moved": [row for row in rows if row.moved],
        "unclear": [row for row in rows if row.unclear],
        "years": matrix.years(rows),
    }


@organisation_view()
def decision_matrix(request):
    school = _school(request)
    can_edit = can_edit_matrix(request.access)
    context = {
        **_overview(_rows(request, school)),
        "can_edit": can_edit,
        "add_form": DecisionForm(prefix="add") if can_edit else None,
    }
    return render(request, "teams/decision_matrix.html", context)


@organisation_view(manage=True)
def decision_matrix_edit(request):
    """The grid of one theme's rows: a select per team and row, by keyboard alone. One theme
    at a time keeps the page light for a school with many teams."""
    school = _school(request)
    themes = selectors.matrix_themes(organisation=school)
    theme = request.GET.get("theme") or (themes[0] if themes else "")
    if theme not in themes:
        raise Http404
    teams = selectors.matrix_teams(organisation=school)
    rows = matrix.rows(selectors.matrix_decisions(organisation=school, theme=theme), teams)
    for row in rows:
        row.form = MatrixRowForm(request.POST or None, decision=row.decision, teams=teams)
    if request.method == "POST":
        if all(row.form.is_valid() for row in rows):
            try:
                count = services.matrix_save(
                    organisation=school,
                    access=request.access,
                    changes=[row.form.change() for row in rows],
                    actor=request.user,
                )
            except LeerkringError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request, _("The decision matrix was saved (%(n)s rows changed).") % {"n": count}
                )
                return redirect("teams:decision_matrix", slug=school.slug)
        else:
            messages.error(request, _("Nothing was saved: correct the marked cells."))
    context = {"teams": teams, "rows": rows, "theme": theme, "themes": themes}
    return render(request, "teams/decision_grid.html", context)


def _decision(request, pk):
    decision = Decision.objects.filter(organisation=_school(request), pk=pk).first()
    if decision is None:
        raise Http404
    return decision


def _decision_form(request, decision=None):
    """Add a row (`decision` None) or change one: the same form, service call and answers."""
    school = _school(request)
    # The matrix page's own add form posts here with its prefix.
    form = DecisionForm(request.POST or None, instance=decision, prefix=None if decision else "add")
    if request.method == "POST" and form.is_valid():
        fields = {
            "access": request.access,
            "theme": form.cleaned_data["theme"],
            "name": form.cleaned_data["name"],
            "actor": request.user,
        }
        try:
            if decision is None:
                services.decision_add(organisation=school, **fields)
            else:
                services.decision_update(decision=decision, **fields)
        except LeerkringError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request, _("The row was saved.") if decision else _("The row was added.")
            )
            return redirect("teams:decision_matrix", slug=school.slug)
    return render(request, "teams/decision_form.html", {"form": form, "decision": decision})


@organisation_view(manage=True)
def decision_add(request):
    return _decision_form(request)


@organisation_view(manage=True)
def decision_edit(request, pk):
    return _decision_form(request, _decision(request, pk))


@require_POST
@organisation_view(manage=True)
def decision_delete(request, pk):
    decision = _decision(request, pk)
    services.decision_delete(decision=decision, access=request.access, actor=request.user)
    messages.success(request, _("The row “%(name)s” was removed.") % {"name": decision.name})
    return redirect("teams:decision_matrix", slug=request.organisation.slug)


@organisation_view()
def decision_matrix_xlsx(request):
    school = _school(request)
    _audit_export(request, school, "xlsx")
    response = HttpResponse(
        matrix_xlsx(school=school, rows=_rows(request, school)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="beslissingsmatrix-{school.slug}.xlsx"'
    return response


@organisation_view()
def decision_matrix_pdf(request):
    school = _school(request)
    _audit_export(request, school, "pdf")
    context = {
        **_overview(_rows(request, school)),
        "school": school,
        "language": translation.get_language(),
    }
    pdf = render_pdf(request, "teams/decision_matrix_pdf.html", context)
    return pdf_response(pdf, filename=f"beslissingsmatrix-{school.slug}.pdf")
