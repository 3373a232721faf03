"""A team's goals: set and change them, record measurements. The charter page shows them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from core.errors import LeerkringError
from development.access import can_decide
from organisations.access import get_team_for_access, organisation_view

from .. import goals, selectors, services
from ..access import can_edit_goals, get_goal_for_access, get_measurement_for_access
from ..forms import GoalForm, MeasurementForm


def _charter(request, team_id, goal_id=None):
    url = reverse("teams:charter", kwargs={"slug": request.organisation.slug, "pk": team_id})
    return redirect(url + (f"#goal-{goal_id}" if goal_id else "#goals"))


def _error(form, error: LeerkringError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _goal_form(request, team, goal=None):
    initial = GoalForm.initial_for(goal) if goal else None
    form = GoalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.goal_save(
                team=team, access=request.access, actor=request.user, goal=goal, **form.cleaned_data
            )
        except LeerkringError as error:
            _error(form, error)
        else:
            messages.success(request, _("The goal was saved."))
            return _charter(request, team.pk, goal.pk)
    context = {"team": team, "form": form, "goal": goal}
    return render(request, "teams/goal_form.html", context)


@organisation_view()
def goal_add(request, pk):
    team, _can_manage = get_team_for_access(request.access, pk)
    if not can_edit_goals(request.access, team):
        raise PermissionDenied
    return _goal_form(request, team)


@organisation_view()
def goal_edit(request, pk):
    goal, can_edit = get_goal_for_access(request.access, pk)
    if not can_edit:
        raise PermissionDenied
    return _goal_form(request, goal.team, goal)


@require_POST
@organisation_view()
def goal_delete(request, pk):
    goal, can_edit = get_goal_for_access(request.access, pk)
    if not can_edit:
        raise PermissionDenied
    services.goal_delete(goal=goal, access=request.access, actor=request.user)
    messages.success(request, _("The goal was deleted."))
    return _charter(request, goal.team_id)


@organisation_view()
def measurement_add(request, pk):
    """The form for a new measurement: a page of its own, or (for HTMX) a form inside the
    goal's card on the charter, which on success is replaced by the goal's card."""
    goal, can_edit = get_goal_for_access(request.access, pk)
    if not can_edit:
        raise PermissionDenied
    today = timezone.localdate()
    form = MeasurementForm(request.POST or None, prefix=f"m{goal.pk}", initial={"date": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.measurement_add(
                goal=goal, access=request.access, actor=request.user, **form.cleaned_data
            )
        except LeerkringError as error:
            _error(form, error)
        else:
            if not request.htmx:
                messages.success(request, _("The measurement was recorded."))
                return _charter(request, goal.team_id, goal.pk)
            card = selectors.goal_card(selectors.goal_with_measurements(goal=goal), today)
            context = {
                "card": card,
                "can_edit": True,
                "just_recorded": True,
                "can_send": can_decide(request.access),
            }
            response = render(request, "teams/_goal.html", context)
            return retarget(reswap(response, "outerHTML"), f"#goal-{goal.pk}")
    template = "teams/measurement_form.html"
    if request.htmx:
        template += "#form"
    return render(request, template, {"goal": goal, "team": goal.team, "form": form})


@organisation_view()
def school_goals(request):
    """Every team's goals with their latest measurement and standing, by team."""
    today = timezone.localdate()
    rows = [
        (goal, goals.standing(goal, goal.latest_value, goal.latest_date, today))
        for goal in selectors.school_goals_latest(organisation=request.organisation)
    ]
    context = {"rows": rows, "can_send": can_decide(request.access)}
    return render(request, "teams/school_goals.html", context)


@require_POST
@organisation_view()
def measurement_delete(request, pk):
    measurement, can_edit = get_measurement_for_access(request.access, pk)
    if not can_edit:
        raise PermissionDenied
    services.measurement_delete(measurement=measurement, access=request.access)
    messages.success(request, _("The measurement was deleted."))
    return _charter(request, measurement.goal.team_id, measurement.goal_id)


@require_POST
@organisation_view(manage=True)
def goal_point_propose(request, pk):
    """A leader sends an off-track goal to the school's development points, from its card on
    the charter or from the school's goals page (`back=school`)."""
    goal, _can_edit = get_goal_for_access(request.access, pk)
    slug = request.organisation.slug
    url = reverse("teams:charter", kwargs={"slug": slug, "pk": goal.team_id}) + f"#goal-{goal.pk}"
    try:
        _point, created = services.goal_point_propose(
            goal=goal, access=request.access, actor=request.user, url=url
        )
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        if created:
            messages.success(request, _("The goal was sent to the development points."))
        else:
            messages.info(request, _("This goal was already sent to the development points."))
    if request.POST.get("back") == "school":
        return redirect(reverse("teams:school_goals", kwargs={"slug": slug}) + f"#goal-{goal.pk}")
    return redirect(url)
