from django.http import Http404
from django.shortcuts import redirect, render

from organisations.access import organisation_view

from .. import selectors, services
from ..access import can_edit_frameworks, can_guide, get_framework_for_access


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
