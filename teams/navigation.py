"""The "Decision matrix" link in the main navigation on a school's pages, and for leaders and
coaches "Collaboration" (between teams)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import TEAM_WORK, NavItem

from .access import can_see_collaboration


def items(request) -> list[NavItem]:
    organisation = getattr(request, "organisation", None)
    if organisation is None or not organisation.is_school:
        return []
    access = getattr(request, "access", None)
    if access is not None and access.is_trainer:
        return []
    match = getattr(request, "resolver_match", None)
    here = match.url_name if match and match.namespace == "teams" else None
    url = reverse("teams:decision_matrix", kwargs={"slug": organisation.slug})
    nav = [
        NavItem(
            label=_("Decision matrix"),
            url=url,
            current=here not in (None, "collaboration"),
            group=TEAM_WORK,
        )
    ]
    if access is not None and can_see_collaboration(access):
        url = reverse("teams:collaboration", kwargs={"slug": organisation.slug})
        nav.append(
            NavItem(
                label=_("Collaboration"),
                url=url,
                current=here == "collaboration",
                group=TEAM_WORK,
            )
        )
    return nav
