"""Navigation entries contributed by each app.

An app that wants a link in the main navigation of an organisation defines
`navigation.py` with `items(request) -> list[NavItem]`. `request.organisation` and
`request.access` are set on organisation pages; return [] where the link does not apply.
"""

from dataclasses import dataclass
from functools import cache

from .discovery import app_modules


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool = False


@cache
def _providers():
    return [module.items for module in app_modules("navigation")]


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"app_nav": []}
    items = []
    for provider in _providers():
        items.extend(provider(request))
    return {"app_nav": items}
