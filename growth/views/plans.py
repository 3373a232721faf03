"""The school's professionalisation plan: the list of years, the plan page with its totals,
and the leaders' forms for needs and responses."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from organisations.access import organisation_view

from .. import selectors, services
from ..access import can_edit_plan
from ..forms import NeedForm, PlanForm, ResponseForm


def _field(form, error):
    return error.field if error.field in form.fields else None


def _to_plan(request, plan_id):
    return redirect("growth:plan", slug=request.organisation.slug, pk=plan_id)


@organisation_view()
def plans(request):
    access = request.access
    can_edit = can_edit_plan(access)
    form = PlanForm(request.POST or None) if can_edit else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                plan = services.plan_create(
                    access=access,
                    school_year=form.cleaned_data["school_year"],
                    focus=form.cleaned_data["focus"],
                )
            except LeerkringError as error:
                form.add_error(_field(form, error), error.message)
            else:
                messages.success(request, _("The plan was made."))
                return _to_plan(request, plan.pk)
    context = {"plans": selectors.plans_of(access=access), "form": form, "can_edit": can_edit}
    return render(request, "growth/plans.html", context)


@organisation_view()
def plan(request, pk):
    plan, can_edit = selectors.plan_for_access(access=request.access, pk=pk)
    context = {
        "plan": plan,
        "can_edit": can_edit,
        "needs": selectors.plan_needs(access=request.access, plan=plan),
        "totals": selectors.plan_totals(access=request.access, plan=plan),
    }
    return render(request, "growth/plan.html", context)


def _need_form(request, plan, need=None):
    access = request.access
    form = NeedForm(
        request.POST or None,
        instance=need,
        teams=selectors.plan_teams(access=access),
        people=selectors.agreement_people(access=access),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.need_save(
                access=access,
                plan=plan,
                need=need,
                dimension=data["dimension"],
                description=data["description"],
                source=data["source"],
                team=data["team"],
                person=data["person"],
            )
        except LeerkringError as error:
            form.add_error(_field(form, error), error.message)
        else:
            messages.success(request, _("The need was saved."))
            return _to_plan(request, plan.pk)
    return render(request, "growth/need_form.html", {"form": form, "plan": plan, "need": need})


@organisation_view(manage=True)
def need_new(request, pk):
    plan, _can_edit = selectors.plan_for_access(access=request.access, pk=pk)
    return _need_form(request, plan)


@organisation_view(manage=True)
def need_edit(request, pk):
    need = selectors.need_for_access(access=request.access, pk=pk)
    return _need_form(request, need.plan, need)


@require_POST
@organisation_view(manage=True)
def need_delete(request, pk):
    need = selectors.need_for_access(access=request.access, pk=pk)
    services.need_delete(access=request.access, need=need)
    messages.success(request, _("The need and its responses were removed."))
    return _to_plan(request, need.plan_id)


def _response_form(request, need, response=None):
    form = ResponseForm(
        request.POST or None, instance=response, editions=selectors.catalogue_editions()
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.response_save(
                access=request.access,
                need=need,
                response=response,
                kind=data["kind"],
                edition=data["edition"],
                description=data["description"],
                budget=data["budget"],
                hours=data["hours"],
                status=data["status"],
            )
        except LeerkringError as error:
            form.add_error(_field(form, error), error.message)
        else:
            messages.success(request, _("The response was saved."))
            return _to_plan(request, need.plan_id)
    context = {"form": form, "need": need, "plan": need.plan, "response": response}
    return render(request, "growth/response_form.html", context)


@organisation_view(manage=True)
def response_new(request, pk):
    return _response_form(request, selectors.need_for_access(access=request.access, pk=pk))


@organisation_view(manage=True)
def response_edit(request, pk):
    response = selectors.response_for_access(access=request.access, pk=pk)
    return _response_form(request, response.need, response)


@require_POST
@organisation_view(manage=True)
def response_delete(request, pk):
    response = selectors.response_for_access(access=request.access, pk=pk)
    services.response_delete(access=request.access, response=response)
    messages.success(request, _("The response was removed."))
    return _to_plan(request, response.need.plan_id)
