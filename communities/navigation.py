"""A "PLG's" link in the main navigation on the pages of a school or school community."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import NavItem
from organisations.models import Organisation


def items(request) -> list[NavItem]:
    organisation = getattr(request, "organisation", None)
    if organisation is None or organisation.kind not in (
        Organisation.Kind.SCHOOL,
        Organisation.Kind.COMMUNITY,
    ):
        return []
    access = getattr(request, "access", None)
    if access is not None and access.is_trainer:
        return []
    match = getattr(request, "resolver_match", None)
    current = bool(match and match.namespace == "communities")
    url = reverse("communities:plg_list", kwargs={"slug": organisation.slug})
    return [NavItem(label=_("PLG's"), url=url, current=current)]
