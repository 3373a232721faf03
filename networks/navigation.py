"""Main-navigation links of networks: the programmes for a provider's staff, and everyone's
own learning networks. Decided without queries (the nav is on every page)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.context_processors import NavItem

from .access import is_provider_staff


def items(request) -> list[NavItem]:
    match = getattr(request, "resolver_match", None)
    name = f"{match.namespace}:{match.url_name}" if match else ""
    access = getattr(request, "access", None)
    if access is not None and is_provider_staff(access):
        url = reverse("networks:programme_list", kwargs={"slug": access.organisation.slug})
        return [
            NavItem(
                _("Programmes"),
                url,
                current=name.startswith("networks:") and "slug" in match.kwargs,
            )
        ]
    return [
        NavItem(
            _("My learning networks"),
            reverse("networks:home"),
            current=name in ("networks:home", "networks:participation", "networks:my_application"),
        )
    ]
