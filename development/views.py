"""The school's inbox of development points: every point from every app, its link back, and
the leaders' decision on it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from core.pagination import paginate
from organisations.access import organisation_view

from . import selectors, services
from .access import can_decide, get_point_for_access
from .forms import PointFilterForm
from .models import DevelopmentPoint

_DECISIONS = {
    "accept": DevelopmentPoint.Status.ACCEPTED,
    "decline": DevelopmentPoint.Status.DECLINED,
}


def _school(request):
    if not request.organisation.is_school:
        raise Http404
    return request.organisation


@organisation_view(manage=True)
def point_list(request):
    _school(request)
    form = PointFilterForm(request.GET or None)
    points = selectors.inbox_points(access=request.access, **form.filters())
    context = {
        "form": form,
        "page": paginate(request, points),
        "can_decide": can_decide(request.access),
        "filtered": any(form.filters().values()),
    }
    return render(request, "development/point_list.html", context)


@require_POST
@organisation_view(manage=True)
def point_decide(request, pk):
    _school(request)
    point, may_decide = get_point_for_access(request.access, pk)
    if not may_decide:
        raise PermissionDenied
    error = None
    try:
        services.point_decide(
            point=point,
            status=_DECISIONS.get(request.POST.get("decision", ""), ""),
            actor=request.user,
        )
    except LeerkringError as problem:
        error = problem.message
    if request.htmx:
        context = {"point": point, "can_decide": True, "error": error}
        return render(request, "development/point_list.html#point_row", context)
    if error:
        messages.error(request, error)
    elif point.status == DevelopmentPoint.Status.ACCEPTED:
        messages.success(request, _("The point was accepted for the plan."))
    else:
        messages.success(request, _("The point was declined."))
    # Back to the same filtered list, at the row decided on.
    kept = {key: value for key, value in PointFilterForm(request.POST).filters().items() if value}
    url = reverse("development:point_list", kwargs={"slug": request.organisation.slug})
    return redirect(
        f"{url}?{urlencode(kept)}#point-{point.pk}" if kept else f"{url}#point-{point.pk}"
    )
