"""Main navigation: "Surveys" on school pages and for a provider's leaders (its evaluations),
"Reports shared with us" for a provider, and "Own instruments" for the leaders of a provider
or school community."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import NavItem

from .access import reads_shared_reports


def items(request) -> list[NavItem]:
    organisation = getattr(request, "organisation", None)
    access = getattr(request, "access", None)
    if organisation is None or access is None:
        return []
    match = getattr(request, "resolver_match", None)
    current = bool(match and match.namespace == "surveys")
    building = current and match.url_name.startswith(("instrument_", "part_"))
    if organisation.is_school:
        url = reverse("surveys:survey_list", kwargs={"slug": organisation.slug})
        return [NavItem(label=_("Surveys"), url=url, current=current)]
    found = []
    if organisation.is_provider and access.can_manage:
        url = reverse("surveys:survey_list", kwargs={"slug": organisation.slug})
        sending = current and not building and not match.url_name.startswith("shared_")
        found.append(NavItem(label=_("Surveys"), url=url, current=sending))
    if reads_shared_reports(access):
        url = reverse("surveys:shared_list", kwargs={"slug": organisation.slug})
        found.append(
            NavItem(
                label=_("Reports shared with us"),
                url=url,
                current=current and match.url_name.startswith("shared_"),
            )
        )
    if access.can_manage:
        url = reverse("surveys:instrument_list", kwargs={"slug": organisation.slug})
        found.append(NavItem(label=_("Own instruments"), url=url, current=building))
    return found
