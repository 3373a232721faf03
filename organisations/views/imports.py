from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods

from core.errors import LeerkringError

from ..access import get_staff_import_for_access, organisation_view
from ..imports import selectors, services, validation
from ..imports.forms import StaffImportForm
from ..models import StaffImport

ACTION_LABELS = {
    validation.NEW: pgettext_lazy("staff import", "new person"),
    validation.UPDATE: pgettext_lazy("staff import", "updated"),
    validation.UNCHANGED: pgettext_lazy("staff import", "unchanged"),
}


def _require_school(request) -> None:
    if not request.organisation.is_school:
        raise Http404


@organisation_view(manage=True)
@require_http_methods(["GET", "POST"])
def staff_import(request):
    _require_school(request)
    if request.method == "POST":
        form = StaffImportForm(request.POST, request.FILES)
    else:
        form = StaffImportForm()
    if form.is_bound and form.is_valid():
        try:
            staff_import = services.staff_import_preview(
                organisation=request.organisation,
                uploaded_file=form.cleaned_data["file"],
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error("file", error.message)
        else:
            return redirect(
                "organisations:staff_import_detail",
                slug=request.organisation.slug,
                pk=staff_import.pk,
            )
    context = {
        "form": form,
        "imports": selectors.recent_staff_imports(organisation=request.organisation),
    }
    return render(request, "organisations/import_form.html", context)


def _display_rows(staff_import: StaffImport, *, only_problems: bool) -> list[dict]:
    rows = []
    for row in staff_import.rows:
        if only_problems and not row["problems"]:
            continue
        problems = [
            {"level": p["level"], "message": validation.problem_message(p)} for p in row["problems"]
        ]
        changes = [
            {
                "label": validation.CHANGE_LABELS[c["field"]],
                "old": c["old"],
                "new": c["new"],
            }
            for c in row["changes"]
        ]
        rows.append(
            {
                **row,
                "action_label": ACTION_LABELS.get(row["action"], ""),
                "has_error": row["action"] is None,
                "problem_list": problems,
                "change_list": changes,
            }
        )
    return rows


@organisation_view(manage=True)
@require_http_methods(["GET", "POST"])
def staff_import_detail(request, pk):
    _require_school(request)
    staff_import, _can_apply = get_staff_import_for_access(request.access, pk)
    if request.method == "POST":
        try:
            ran_now = services.staff_import_confirm(staff_import=staff_import, actor=request.user)
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            if ran_now:
                messages.success(request, _("The staff list was imported."))
        return redirect("organisations:staff_import_detail", slug=request.organisation.slug, pk=pk)
    context = {"import": staff_import}
    if request.htmx:
        return render(request, "organisations/import_status.html", context)
    only_problems = request.GET.get("show") == "problems"
    context["rows"] = _display_rows(staff_import, only_problems=only_problems)
    context["only_problems"] = only_problems
    context["first_errors"] = [row for row in context["rows"] if row["has_error"]][:20]
    return render(request, "organisations/import_preview.html", context)
