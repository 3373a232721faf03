"""A "Surveys" link in the main navigation on school pages."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import NavItem


def items(request) -> list[NavItem]:
    organisation = getattr(request, "organisation", None)
    if organisation is None or not organisation.is_school:
        return []
    url = reverse("surveys:survey_list", kwargs={"slug": organisation.slug})
    match = getattr(request, "resolver_match", None)
    current = bool(match and match.namespace == "surveys")
    return [NavItem(label=_("Surveys"), url=url, current=current)]
