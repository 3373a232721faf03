"""A course participant's own action plan, reached from their course page: goals and actions
they add on the first day and extend on the second, with its versions. Only the participant
sees it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.errors import LeerkringError

from . import history, personal, selectors
from .access import get_personal_goal, get_personal_plan
from .forms import PersonalActionForm, PersonalGoalForm
from .history_views import PlanPages, compare_page, history_page, version_page


def _pages(participant) -> PlanPages:
    pk = {"pk": participant.pk}
    return PlanPages(
        scope=history.PlanScope(participant_id=participant.pk),
        title=_("My action plan"),
        crumbs=[
            (_("My learning networks"), reverse("networks:home")),
            (participant.edition.programme.title, reverse("networks:participation", kwargs=pk)),
        ],
        plan_url=reverse("development:personal_plan", kwargs=pk),
        history_url=reverse("development:personal_history", kwargs=pk),
        compare_url=reverse("development:personal_compare", kwargs=pk),
        version_name="development:personal_version",
        url_kwargs=pk,
    )


@login_required
def personal_plans(request):
    """ "My action plans" (from My growth): the person's courses, each with its own plan."""
    plans = list(selectors.personal_plans(request.user))
    return render(request, "development/personal_plans.html", {"participations": plans})


@login_required
def personal_plan(request, pk):
    participant = get_personal_plan(request.user, pk)
    context = _pages(participant).context(
        participant=participant,
        goals=list(selectors.personal_goals(participant)),
        goal_form=PersonalGoalForm(auto_id="new-goal-%s"),
    )
    return render(request, "development/personal_plan.html", context)


def _form_page(request, participant, form, *, title, goal=None):
    context = _pages(participant).context(
        participant=participant, form=form, form_title=title, goal=goal
    )
    return render(request, "development/personal_form.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def personal_goal_new(request, pk):
    participant = get_personal_plan(request.user, pk)
    form = PersonalGoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            goal = personal.personal_goal_create(
                participant=participant, actor=request.user, **form.cleaned_data
            )
        except LeerkringError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The goal was added to your plan."))
            return redirect(f"{_pages(participant).plan_url}#goal-{goal.pk}")
    return _form_page(request, participant, form, title=_("New goal"))


@require_http_methods(["GET", "POST"])
@login_required
def personal_goal_edit(request, pk, goal_pk):
    participant = get_personal_plan(request.user, pk)
    goal = get_personal_goal(participant, goal_pk)
    initial = {name: getattr(goal, name) for name in ("title", "description", "deadline", "status")}
    form = PersonalGoalForm(request.POST or None, initial=initial, with_status=True)
    if request.method == "POST" and form.is_valid():
        try:
            personal.personal_goal_update(goal=goal, actor=request.user, **form.cleaned_data)
        except LeerkringError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Your goal was saved."))
            return redirect(f"{_pages(participant).plan_url}#goal-{goal.pk}")
    return _form_page(request, participant, form, title=_("Change the goal"), goal=goal)


@require_http_methods(["GET", "POST"])
@login_required
def personal_action_new(request, pk, goal_pk):
    participant = get_personal_plan(request.user, pk)
    goal = get_personal_goal(participant, goal_pk)
    form = PersonalActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action = personal.personal_action_add(
                goal=goal, actor=request.user, **form.cleaned_data
            )
        except LeerkringError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The action was added to your plan."))
            return redirect(f"{_pages(participant).plan_url}#action-{action.pk}")
    return _form_page(request, participant, form, title=_("New action"), goal=goal)


@login_required
def personal_history(request, pk):
    return history_page(request, _pages(get_personal_plan(request.user, pk)))


@login_required
def personal_version(request, pk, key):
    return version_page(request, _pages(get_personal_plan(request.user, pk)), key)


@login_required
def personal_compare(request, pk):
    return compare_page(request, _pages(get_personal_plan(request.user, pk)))
