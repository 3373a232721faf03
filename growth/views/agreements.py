"""Development agreements: the person's and the leader's pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from organisations.access import organisation_view

from .. import selectors, services
from ..access import can_edit_plan, can_make_agreements
from ..forms import AgreementForm, ProgressNoteForm


def _field(form, error):
    return error.field if error.field in form.fields else None


@organisation_view()
def agreements(request):
    if request.access.membership is None:
        raise Http404
    rows = list(selectors.agreements_for(access=request.access))
    mine = request.access.membership.pk
    context = {
        "own": [a for a in rows if a.person_id == mine],
        "made": [a for a in rows if a.leader_id == mine],
        "can_make": can_make_agreements(request.access),
        "today": timezone.localdate(),
    }
    return render(request, "growth/agreements.html", context)


@organisation_view(manage=True)
def agreement_new(request):
    if not can_make_agreements(request.access):
        raise PermissionDenied
    form = AgreementForm(
        request.POST or None,
        initial={"conversation_on": timezone.localdate()},
        people=selectors.agreement_people(access=request.access),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = services.agreement_create(
                access=request.access,
                person=data["person"],
                conversation_on=data["conversation_on"],
                goal=data["goal"],
                support=data["support"],
                due_on=data["due_on"],
            )
        except LeerkringError as error:
            form.add_error(_field(form, error), error.message)
        else:
            messages.success(request, _("The agreement was recorded."))
            return redirect("growth:agreement", slug=request.organisation.slug, pk=agreement.pk)
    return render(request, "growth/agreement_form.html", {"form": form})


@organisation_view()
def agreement(request, pk):
    agreement, is_leader = selectors.agreement_for_access(access=request.access, pk=pk)
    is_person = agreement.person_id == request.access.membership.pk
    form = ProgressNoteForm(request.POST or None) if is_person else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.progress_note_add(
                    access=request.access, agreement=agreement, text=form.cleaned_data["text"]
                )
            except LeerkringError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your progress note was added."))
                return redirect("growth:agreement", slug=request.organisation.slug, pk=pk)
    context = {
        "agreement": agreement,
        "is_leader": is_leader,
        "notes": selectors.agreement_notes(agreement=agreement),
        "form": form,
        "today": timezone.localdate(),
        "can_plan": is_leader and can_edit_plan(request.access),
    }
    return render(request, "growth/agreement.html", context)


@organisation_view()
def agreement_edit(request, pk):
    agreement, is_leader = selectors.agreement_for_access(access=request.access, pk=pk)
    if not is_leader:
        raise PermissionDenied
    was_due_on = agreement.due_on
    form = AgreementForm(request.POST or None, instance=agreement)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agreement.due_on = was_due_on  # the form changed the instance; the service decides
        try:
            services.agreement_update(
                access=request.access,
                agreement=agreement,
                goal=data["goal"],
                support=data["support"],
                due_on=data["due_on"],
                status=data["status"],
                conversation_on=data["conversation_on"],
            )
        except LeerkringError as error:
            form.add_error(_field(form, error), error.message)
        else:
            messages.success(request, _("The agreement was saved."))
            return redirect("growth:agreement", slug=request.organisation.slug, pk=pk)
    return render(request, "growth/agreement_form.html", {"form": form, "agreement": agreement})


@require_POST
@organisation_view(manage=True)
def agreement_to_plan(request, pk):
    agreement, _is_leader = selectors.agreement_for_access(access=request.access, pk=pk)
    try:
        need = services.need_from_agreement(access=request.access, agreement=agreement)
    except LeerkringError as error:
        messages.error(request, error.message)
        return redirect("growth:agreement", slug=request.organisation.slug, pk=pk)
    messages.success(request, _("The agreement is now a need in the professionalisation plan."))
    return redirect("growth:plan", slug=request.organisation.slug, pk=need.plan_id)
