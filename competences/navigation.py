"""A "Competences" link in the main navigation on a school's pages, and on a school
community's pages for its leaders and administrators."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import TEAM_WORK, NavItem

from .access import is_community


def items(request) -> list[NavItem]:
    organisation = getattr(request, "organisation", None)
    if organisation is None:
        return []
    access = getattr(request, "access", None)
    if is_community(organisation):
        if access is None or not access.can_manage:
            return []
        name = "competences:community"
    elif organisation.is_school:
        if access is not None and access.is_trainer:
            return []
        name = "competences:index"
    else:
        return []
    match = getattr(request, "resolver_match", None)
    current = bool(match and match.namespace == "competences")
    url = reverse(name, kwargs={"slug": organisation.slug})
    return [NavItem(label=_("Competences"), url=url, current=current, group=TEAM_WORK)]
