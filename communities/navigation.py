"""A "PLG's" link in the main navigation on the pages of a school or school community."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import NavItem
from organisations.models import Organisation


def items(request) -> list[NavItem]:
    organisation = getattr(request, "organisation", None)
    if organisation is None:
        return []
    match = getattr(request, "resolver_match", None)
    current = bool(match and match.namespace == "communities")
    if organisation.kind == Organisation.Kind.PROVIDER:
        url = reverse("communities:shared_reports", kwargs={"slug": organisation.slug})
        return [NavItem(label=_("Shared PLG reports"), url=url, current=current)]
    access = getattr(request, "access", None)
    if access is not None and access.is_trainer:
        return []
    url = reverse("communities:plg_list", kwargs={"slug": organisation.slug})
    return [NavItem(label=_("PLG's"), url=url, current=current)]
