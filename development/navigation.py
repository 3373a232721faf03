"""A "Development points" link in the main navigation of a school's leaders."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import SCHOOL_DEVELOPMENT, NavItem


def items(request) -> list[NavItem]:
    organisation = getattr(request, "organisation", None)
    access = getattr(request, "access", None)
    if organisation is None or not organisation.is_school or access is None:
        return []
    if not access.can_manage:
        return []
    match = getattr(request, "resolver_match", None)
    current = bool(match and match.namespace == "development")
    url = reverse("development:point_list", kwargs={"slug": organisation.slug})
    return [
        NavItem(label=_("Development points"), url=url, current=current, group=SCHOOL_DEVELOPMENT)
    ]
