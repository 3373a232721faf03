"""Links on a school's pages: my journal and my agreements (for a person with a membership
there) and the professionalisation plan (not for a provider's trainers)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import MY_GROWTH, SCHOOL_DEVELOPMENT, NavItem

PLAN_PAGES = {
    "plans",
    "plan",
    "need_new",
    "need_edit",
    "need_delete",
    "response_new",
    "response_edit",
    "response_delete",
}


def items(request) -> list[NavItem]:
    organisation = getattr(request, "organisation", None)
    access = getattr(request, "access", None)
    if organisation is None or access is None or not organisation.is_school:
        return []
    match = getattr(request, "resolver_match", None)
    here = match.url_name if match and match.namespace == "growth" else ""
    slug = {"slug": organisation.slug}
    items = []
    if access.membership is not None:
        items.append(
            NavItem(
                label=_("My journal"),
                url=reverse("growth:journal", kwargs=slug),
                current=here.startswith("journal"),
                group=MY_GROWTH,
            )
        )
        items.append(
            NavItem(
                label=_("Agreements"),
                url=reverse("growth:agreements", kwargs=slug),
                current=here.startswith("agreement"),
                group=MY_GROWTH,
            )
        )
    if not access.is_trainer:
        items.append(
            NavItem(
                label=_("Professionalisation"),
                url=reverse("growth:plans", kwargs=slug),
                current=here in PLAN_PAGES,
                group=SCHOOL_DEVELOPMENT,
            )
        )
    return items
