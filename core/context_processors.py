"""Navigation entries contributed by each app.

An app that wants a link in the main navigation of an organisation defines
`navigation.py` with `items(request) -> list[NavItem]`. `request.organisation` and
`request.access` are set on organisation pages; return [] where the link does not apply.
"""

from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext_lazy as _

from .discovery import app_modules

# The groups of the main navigation that several apps add pages to.
TEAM_WORK = _("Team work")
SCHOOL_DEVELOPMENT = _("School development")
MY_GROWTH = _("My growth")


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    current: bool = False
    # Items with the same group share one disclosure menu, so the bar stays one line of
    # domains however many pages the apps add.
    group: str = ""


@dataclass
class NavGroup:
    label: str
    items: list

    @property
    def current(self) -> bool:
        return any(item.current for item in self.items)


def grouped(items: list[NavItem]) -> list:
    """Items without a group as they are, the others in one NavGroup per group, each at the
    place of its first item."""
    entries, groups = [], {}
    for item in items:
        if not item.group:
            entries.append(item)
        elif str(item.group) in groups:
            groups[str(item.group)].items.append(item)
        else:
            groups[str(item.group)] = NavGroup(label=item.group, items=[item])
            entries.append(groups[str(item.group)])
    return entries


@cache
def _providers():
    return [module.items for module in app_modules("navigation")]


def navigation(request):
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {"app_nav": []}
    items = []
    for provider in _providers():
        items.extend(provider(request))
    return {"app_nav": grouped(items)}
