from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_http_methods

from core.errors import LeerkringError

from ..access import get_staff_import_for_access, organisation_view
from ..imports import selectors, services, validation
from ..imports.forms import StaffImportChoicesForm, StaffImportForm
from ..imports.parsing import COLUMN_LABELS
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


CHANGEABLE = (StaffImport.Status.PREVIEWED, StaffImport.Status.FAILED)


def _choices_form(request, staff_import: StaffImport, data=None):
    """The questions about the stored file while the import can still change; None when
    there is nothing to ask."""
    source = staff_import.source
    if staff_import.status not in CHANGEABLE or not source.get("header"):
        return None
    # The school's teams are only needed (and read) when there are team names to match.
    teams = list(request.organisation.teams.all()) if source.get("unknown_teams") else []
    form = StaffImportChoicesForm(data, staff_import=staff_import, teams=teams)
    return form if form.fields else None


def _ignored_columns(staff_import: StaffImport) -> list[str]:
    source = staff_import.source
    mapping = source.get("mapping", [])
    return [
        cell
        for index, cell in enumerate(source.get("header", []))
        if cell and not (index < len(mapping) and mapping[index])
    ]


def _render_preview(request, staff_import: StaffImport, choices_form, status=200):
    only_problems = request.GET.get("show") == "problems"
    rows = _display_rows(staff_import, only_problems=only_problems)
    source = staff_import.source
    context = {
        "import": staff_import,
        "rows": rows,
        "only_problems": only_problems,
        "first_errors": [row for row in rows if row["has_error"]][:20],
        "choices_form": choices_form,
        "ignored_columns": _ignored_columns(staff_import),
        "missing_columns": [str(COLUMN_LABELS[c]) for c in source.get("missing", [])],
        "new_teams": [
            name
            for name in source.get("unknown_teams", [])
            if source.get("teams", {}).get(validation.team_key(name)) == validation.NEW_TEAM
        ],
    }
    return render(request, "organisations/import_preview.html", context, status=status)


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
    if request.htmx:
        return render(request, "organisations/import_status.html", {"import": staff_import})
    return _render_preview(request, staff_import, _choices_form(request, staff_import))


@organisation_view(manage=True)
@require_http_methods(["POST"])
def staff_import_check(request, pk):
    """Check the stored file again with the choices made in the preview: no second upload."""
    _require_school(request)
    staff_import, _can_apply = get_staff_import_for_access(request.access, pk)
    form = _choices_form(request, staff_import, request.POST)
    if form is None:
        messages.error(request, _("This import can no longer be changed."))
        return redirect("organisations:staff_import_detail", slug=request.organisation.slug, pk=pk)
    if form.is_valid():
        try:
            services.staff_import_recheck(
                staff_import=staff_import,
                mapping=form.cleaned_data["mapping"],
                team_choices=form.cleaned_data["team_choices"],
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The file was checked again with your choices."))
            return redirect(
                "organisations:staff_import_detail", slug=request.organisation.slug, pk=pk
            )
    return _render_preview(request, staff_import, form, status=400)
