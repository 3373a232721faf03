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
from .access import can_decide, get_goal_for_access, get_point_for_access
from .forms import GoalForm, PointFilterForm
from .measures import attach_measures
from .models import DevelopmentPoint, Goal

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


@organisation_view(manage=True)
def plan(request):
    _school(request)
    goals = list(selectors.plan_goals(access=request.access))
    tasks = selectors.plan_core_tasks(access=request.access, goals=goals)
    context = {
        "goals": goals,
        "can_edit": can_decide(request.access),
        "statuses": Goal.Status.choices,
        "core_tasks": tasks,
        "tasks_without_goal": [task for task in tasks if not task.goal_count],
    }
    return render(request, "development/plan.html", context)


@organisation_view(manage=True)
def goal_measures(request, pk):
    """A goal's "did it work?": the latest measurement of each of its sources. The plan page
    loads it per goal, as every source costs queries of its own."""
    _school(request)
    goal = selectors.goal_with_points(access=request.access, pk=pk)
    if goal is None:
        raise Http404
    attach_measures([goal])
    context = {"goal": goal, "measured": True, "slug": request.organisation.slug}
    if request.htmx:
        return render(request, "development/plan.html#measures", context)
    return render(request, "development/goal_measures.html", context)


def _point_to_plan(request):
    """The accepted point a new goal is made from (`?point=` or the form's `point`), if any."""
    value = request.POST.get("point") or request.GET.get("point") or ""
    if not value:
        return None
    if not value.isdecimal():
        raise Http404
    point, _may_decide = get_point_for_access(request.access, int(value))
    return point


@organisation_view(manage=True)
def goal_create(request):
    school = _school(request)
    if not can_decide(request.access):
        raise PermissionDenied
    point = _point_to_plan(request)
    initial = {"title": point.description[:200]} if point else None
    form = GoalForm(request.POST or None, initial=initial, access=request.access)
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.goal_create(
                organisation=school,
                actor=request.user,
                points=[point] if point else [],
                **form.cleaned_data,
            )
        except LeerkringError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The goal was added to the plan."))
            url = reverse("development:plan", kwargs={"slug": school.slug})
            return redirect(f"{url}#goal-{goal.pk}")
    return render(request, "development/goal_form.html", {"form": form, "point": point})


@require_POST
@organisation_view(manage=True)
def goal_status(request, pk):
    school = _school(request)
    goal, may_edit = get_goal_for_access(request.access, pk)
    if not may_edit:
        raise PermissionDenied
    try:
        services.goal_set_status(
            goal=goal, status=request.POST.get("status", ""), actor=request.user
        )
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("“%(goal)s” is now %(status)s.")
            % {"goal": goal.title, "status": goal.get_status_display()},
        )
    url = reverse("development:plan", kwargs={"slug": school.slug})
    return redirect(f"{url}#goal-{goal.pk}")
