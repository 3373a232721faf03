from django.shortcuts import render

from .. import selectors
from ..access import organisation_view


@organisation_view()
def organisation_overview(request):
    organisation = request.organisation
    context = {"figures": selectors.organisation_overview(organisation=organisation)}
    if organisation.is_school and request.access.can_manage:
        context["without_home"] = selectors.people_without_home_team(organisation=organisation)
    if organisation.kind == organisation.Kind.COMMUNITY:
        context["schools"] = selectors.community_schools(organisation=organisation)
    return render(request, "organisations/overview.html", context)
