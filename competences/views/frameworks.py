from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import LeerkringError
from organisations.access import organisation_view

from .. import selectors, services
from ..access import can_edit_frameworks, can_guide, get_framework_for_access
from ..exports import framework_xlsx
from ..forms import ImportForm


def school_of(request):
    if not request.organisation.is_school or request.access.is_trainer:
        raise Http404
    return request.organisation


@organisation_view()
def index(request):
    """The school's competences: its first framework, which a school without one gets from
    the starter framework on this first visit."""
    school = school_of(request)
    found = selectors.frameworks(school=school)
    if not found:
        services.starter_framework(school=school)
        found = selectors.frameworks(school=school)
    return redirect("competences:framework", slug=school.slug, fw=found[0].pk)


@organisation_view()
def framework(request, fw):
    school = school_of(request)
    current = get_framework_for_access(request.access, fw)
    access = request.access
    context = {
        "framework": current,
        "frameworks": selectors.frameworks(school=school),
        "competences": selectors.competences(framework=current),
        "teams": selectors.school_teams(school=school) if can_guide(access) else None,
        "my_teams": selectors.my_teams(access=access),
        "can_guide": can_guide(access),
        "can_edit": can_edit_frameworks(access),
    }
    return render(request, "competences/framework.html", context)


@organisation_view()
def export(request, fw):
    school_of(request)
    if not can_guide(request.access):
        raise PermissionDenied
    current = get_framework_for_access(request.access, fw)
    response = HttpResponse(
        framework_xlsx(framework=current, competences=selectors.competences(framework=current)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="competenties-{current.pk}.xlsx"'
    return response


@organisation_view(manage=True)
def import_framework(request):
    school = school_of(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.framework_import(
                school=school,
                access=request.access,
                name=form.cleaned_data["name"],
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The framework was imported."))
            return redirect("competences:framework", slug=school.slug, fw=created.pk)
    frameworks = selectors.frameworks(school=school)
    context = {"form": form, "framework": frameworks[0] if frameworks else None}
    return render(request, "competences/import.html", context)
