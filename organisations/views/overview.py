from django.apps import apps
from django.http import Http404
from django.shortcuts import render

from core.discovery import app_modules

from .. import selectors
from ..access import organisation_view


def _overview_modules() -> dict[str, object]:
    """Every app's `overview.py`, by app label, in INSTALLED_APPS order."""
    return {
        apps.get_containing_app_config(module.__name__).label: module
        for module in app_modules("overview")
    }


def overview_apps() -> list[str]:
    """The labels of the apps with something on a school leader's overview."""
    return list(_overview_modules())


@organisation_view()
def organisation_overview(request):
    organisation = request.organisation
    context = {"figures": selectors.organisation_overview(organisation=organisation)}
    if organisation.is_school and request.access.can_manage:
        context["without_home"] = selectors.people_without_home_team(organisation=organisation)
        # Each app's sections load on their own request, so this page's cost does not grow
        # with the number of apps that have something to follow up.
        context["section_apps"] = [apps.get_app_config(label) for label in overview_apps()]
    if organisation.kind == organisation.Kind.COMMUNITY:
        context["schools"] = selectors.community_schools(organisation=organisation)
    return render(request, "organisations/overview.html", context)


@organisation_view(manage=True)
def overview_sections(request, app):
    """One app's sections of a school leader's overview: each a dict with its `template` and
    the figures that template shows. HTMX swaps them into the overview; without JavaScript they
    are a page of their own."""
    module = _overview_modules().get(app)
    if module is None or not request.organisation.is_school:
        raise Http404
    context = {"sections": module.sections(request), "app": apps.get_app_config(app)}
    template = "organisations/overview_sections.html"
    if request.htmx:
        template += "#cards"
    return render(request, template, context)
