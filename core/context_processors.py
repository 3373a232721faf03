"""Navigation entries contributed by each app.

An app that wants a link in the main navigation of an organisation defines
`navigation.py` with `items(request) -> list[NavItem]`. `request.organisation` and
`request.access` are set on organisation pages; return [] where the link does not apply.
"""

import importlib
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.conf import settings


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool = False


@cache
def _providers():
    found = []
    for app in apps.get_app_configs():
        if not app.path.startswith(str(settings.BASE_DIR)):
            continue
        try:
            module = importlib.import_module(f"{app.name}.navigation")
        except ModuleNotFoundError as error:
            if error.name != f"{app.name}.navigation":
                raise
            continue
        found.append(module.items)
    return found


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"app_nav": []}
    items = []
    for provider in _providers():
        items.extend(provider(request))
    return {"app_nav": items}
