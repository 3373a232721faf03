"""A "Development points" link in the main navigation of a school's leaders, and "My action
plans" (the plans a person builds in their courses) under My growth for every member."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import MY_GROWTH, SCHOOL_DEVELOPMENT, NavItem


def items(request) -> list[NavItem]:
    organisation = getattr(request, "organisation", None)
    access = getattr(request, "access", None)
    if organisation is None or not organisation.is_school or access is None:
        return []
    entries = []
    if access.can_manage:
        match = getattr(request, "resolver_match", None)
        current = bool(match and match.namespace == "development")
        url = reverse("development:point_list", kwargs={"slug": organisation.slug})
        entries.append(
            NavItem(
                label=_("Development points"), url=url, current=current, group=SCHOOL_DEVELOPMENT
            )
        )
    if access.membership is not None:
        entries.append(
            NavItem(
                label=_("My action plans"),
                url=reverse("development:personal_plans"),
                group=MY_GROWTH,
            )
        )
    return entries
