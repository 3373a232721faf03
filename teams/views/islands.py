from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from organisations.access import organisation_view

from .. import islands
from ..access import can_see_collaboration


@organisation_view()
def collaboration(request):
    """How the school's teams are connected: a drawing, a list per team, the islands."""
    if not request.organisation.is_school:
        raise Http404
    if not can_see_collaboration(request.access):
        raise PermissionDenied
    result = islands.collaboration(organisation=request.organisation)
    context = {"result": result, "drawing": islands.geometry(result)}
    return render(request, "teams/collaboration.html", context)
