from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from organisations.access import organisation_view

from .. import islands
from ..access import can_see_collaboration


def _through(connection: islands.Connection) -> str:
    """What two teams share, in words: each connection is listed under both its teams."""
    parts = []
    if connection.people:
        n = connection.people
        parts.append(ngettext("%(n)s shared colleague", "%(n)s shared colleagues", n) % {"n": n})
    if connection.plgs:
        n = len(connection.plgs)
        names = ", ".join(connection.plgs)
        parts.append(ngettext("PLG %(names)s", "PLG's %(names)s", n) % {"names": names})
    if connection.meetings:
        n = connection.meetings
        parts.append(ngettext("%(n)s meeting together", "%(n)s meetings together", n) % {"n": n})
    return " · ".join(parts)


@organisation_view()
def collaboration(request):
    """How the school's teams are connected: a drawing, a list per team, the islands."""
    if not request.organisation.is_school:
        raise Http404
    if not can_see_collaboration(request.access):
        raise PermissionDenied
    slug = request.organisation.slug
    result = islands.collaboration(organisation=request.organisation)
    for node in result.teams:
        node.team.charter_url = reverse("teams:charter", kwargs={"slug": slug, "pk": node.team.pk})
    for connection in result.connections:
        connection.through = _through(connection)
    context = {
        "result": result,
        "island_people": [
            (team, ", ".join(person.name for person in people))
            for team, people in result.island_people_by_team()
        ],
        "drawing": islands.geometry(result),
        "strength_label": _("strength"),
    }
    return render(request, "teams/collaboration.html", context)
