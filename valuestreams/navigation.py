"""A "Value streams" link in the main navigation on a school's pages."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import SCHOOL_DEVELOPMENT, NavItem


def items(request) -> list[NavItem]:
    organisation = getattr(request, "organisation", None)
    if organisation is None or not organisation.is_school:
        return []
    access = getattr(request, "access", None)
    if access is not None and access.is_trainer:
        return []
    match = getattr(request, "resolver_match", None)
    current = bool(match and match.namespace == "valuestreams")
    url = reverse("valuestreams:map_list", kwargs={"slug": organisation.slug})
    return [NavItem(label=_("Value streams"), url=url, current=current, group=SCHOOL_DEVELOPMENT)]
