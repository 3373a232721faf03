from django.shortcuts import render

from core.discovery import app_modules

from .. import selectors
from ..access import organisation_view


def _leader_sections(request) -> list[dict]:
    """What every app with an `overview.py` puts on a school leader's starting point: each
    section is a dict with its `template` and the figures that template shows."""
    return [section for module in app_modules("overview") for section in module.sections(request)]


@organisation_view()
def organisation_overview(request):
    organisation = request.organisation
    context = {"figures": selectors.organisation_overview(organisation=organisation)}
    if organisation.is_school and request.access.can_manage:
        context["without_home"] = selectors.people_without_home_team(organisation=organisation)
        context["sections"] = _leader_sections(request)
    if organisation.kind == organisation.Kind.COMMUNITY:
        context["schools"] = selectors.community_schools(organisation=organisation)
    return render(request, "organisations/overview.html", context)
