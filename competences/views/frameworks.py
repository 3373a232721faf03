from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.errors import LeerkringError
from organisations.access import organisation_view

from .. import selectors, services
from ..access import (
    can_edit_framework,
    can_edit_frameworks,
    can_guide,
    get_framework_for_access,
    is_community,
)
from ..exports import framework_xlsx
from ..forms import ImportForm


def school_of(request):
    if not request.organisation.is_school or request.access.is_trainer:
        raise Http404
    return request.organisation


def community_of(request):
    """A school community, on the pages of its leaders and administrators."""
    if not is_community(request.organisation):
        raise Http404
    if not request.access.can_manage:
        raise PermissionDenied
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
        "owns": can_edit_framework(access, current),
    }
    return render(request, "competences/framework.html", context)


def _export(request, fw):
    current = get_framework_for_access(request.access, fw)
    response = HttpResponse(
        framework_xlsx(framework=current, competences=selectors.competences(framework=current)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="competenties-{current.pk}.xlsx"'
    return response


@organisation_view()
def export(request, fw):
    school_of(request)
    if not can_guide(request.access):
        raise PermissionDenied
    return _export(request, fw)


def _import(request, owner, *, done, back):
    """The import page of a school or of a school community: `done` names the framework page
    to go to afterwards, `back` the competences page of the breadcrumb."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.framework_import(
                owner=owner,
                access=request.access,
                name=form.cleaned_data["name"],
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The framework was imported."))
            return redirect(done, slug=owner.slug, fw=created.pk)
    return render(request, "competences/import.html", {"form": form, "back": back})


@organisation_view(manage=True)
def import_framework(request):
    school = school_of(request)
    frameworks = selectors.frameworks(school=school)
    back = (
        reverse("competences:framework", kwargs={"slug": school.slug, "fw": frameworks[0].pk})
        if frameworks
        else None
    )
    return _import(request, school, done="competences:framework", back=back)


# A school community's frameworks -------------------------------------------------------------


@organisation_view()
def community(request):
    """The school community's frameworks, which every school of the community may use."""
    owner = community_of(request)
    context = {"frameworks": selectors.owned_frameworks(owner=owner)}
    return render(request, "competences/community.html", context)


@organisation_view()
def community_framework(request, fw):
    community_of(request)
    current = get_framework_for_access(request.access, fw)
    context = {
        "framework": current,
        "competences": selectors.competences(framework=current),
        "community": True,
        "owns": can_edit_framework(request.access, current),
    }
    return render(request, "competences/framework.html", context)


@organisation_view()
def community_export(request, fw):
    community_of(request)
    return _export(request, fw)


@organisation_view()
def community_import(request):
    owner = community_of(request)
    back = reverse("competences:community", kwargs={"slug": owner.slug})
    return _import(request, owner, done="competences:community_framework", back=back)
