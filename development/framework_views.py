"""Quality frameworks (shipped and the school's own: view, import, export) and the school's
core tasks."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from organisations.access import organisation_view

from . import selectors, services
from .access import can_decide, get_core_task_for_access, get_framework_for_access
from .forms import CoreTaskForm, FrameworkImportForm
from .frameworks import framework_xlsx
from .views import _school


@organisation_view(manage=True)
def framework_list(request):
    _school(request)
    context = {
        "frameworks": selectors.frameworks(access=request.access),
        "can_edit": can_decide(request.access),
    }
    return render(request, "development/framework_list.html", context)


@organisation_view(manage=True)
def framework_detail(request, pk):
    _school(request)
    framework, _may_edit = get_framework_for_access(request.access, pk)
    expectations = list(framework.expectations.order_by("position", "pk"))
    rubrics = [
        (rubric, [e for e in expectations if e.rubric == rubric])
        for rubric in [
            *framework.rubrics,
            *sorted({e.rubric for e in expectations} - set(framework.rubrics)),
        ]
    ]
    return render(
        request,
        "development/framework_detail.html",
        {"framework": framework, "rubrics": rubrics},
    )


@organisation_view(manage=True)
def framework_xlsx_export(request, pk):
    _school(request)
    framework, _may_edit = get_framework_for_access(request.access, pk)
    content = framework_xlsx(
        framework=framework, expectations=framework.expectations.order_by("position", "pk")
    )
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="kwaliteitskader-{framework.pk}.xlsx"'
    return response


@organisation_view(manage=True)
def framework_import(request):
    school = _school(request)
    if not can_decide(request.access):
        raise PermissionDenied
    form = FrameworkImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            framework = services.framework_import(
                organisation=school,
                name=form.cleaned_data["name"],
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The framework was imported."))
            return redirect("development:framework_detail", slug=school.slug, pk=framework.pk)
    return render(request, "development/framework_import.html", {"form": form})


@organisation_view(manage=True)
def core_tasks(request):
    school = _school(request)
    may_edit = can_decide(request.access)
    form = CoreTaskForm(request.POST or None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.core_task_add(
                    organisation=school, name=form.cleaned_data["name"], actor=request.user
                )
            except LeerkringError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("The core task was added."))
                return redirect("development:core_tasks", slug=school.slug)
    context = {
        "tasks": selectors.core_tasks(access=request.access),
        "form": form,
        "can_edit": may_edit,
    }
    return render(request, "development/core_tasks.html", context)


@require_POST
@organisation_view(manage=True)
def core_task_delete(request, pk):
    school = _school(request)
    task, may_edit = get_core_task_for_access(request.access, pk)
    if not may_edit:
        raise PermissionDenied
    services.core_task_delete(task=task, actor=request.user)
    messages.success(request, _("The core task was removed."))
    return redirect(reverse("development:core_tasks", kwargs={"slug": school.slug}))
