from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from core.pagination import paginate
from organisations.access import organisation_view

from .. import services
from ..access import oversees_plgs
from ..selectors_overview import attach_trends, coach_overview, process_coach_count


def _require_coach(access):
    if not oversees_plgs(access):
        raise PermissionDenied


@organisation_view()
def plg_overview(request):
    _require_coach(request.access)
    page = paginate(request, coach_overview(organisation=request.organisation))
    context = {
        "page": page,
        "plgs": attach_trends(page.object_list),
        "coach_count": process_coach_count(organisation=request.organisation),
    }
    return render(request, "communities/coach_overview.html", context)


@require_POST
@organisation_view()
def coach_group_create(request):
    access = request.access
    _require_coach(access)
    if access.membership is None:
        raise PermissionDenied
    try:
        plg = services.coach_group_start(
            organisation=request.organisation,
            name=request.POST.get("name") or _("Coach the coach"),
            starter=access.membership,
        )
    except LeerkringError as error:
        messages.error(request, error.message)
        return redirect("communities:coach_overview", slug=request.organisation.slug)
    messages.success(request, _("The coach-the-coach group has started with the process coaches."))
    return redirect("communities:plg_detail", slug=plg.organisation.slug, pk=plg.pk)
