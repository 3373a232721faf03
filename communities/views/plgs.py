from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from core.pagination import paginate
from organisations.access import organisation_view
from organisations.picker import person_picker, picker_matches

from .. import selectors, services
from ..access import get_member_for_access, joinable_person, oversees_plgs, plg_view
from ..cycles import CYCLES
from ..forms import (
    AdvanceForm,
    EvidenceForm,
    MemberAddForm,
    MemberRolesForm,
    PLGEditForm,
    PLGStartForm,
)
from ._helpers import apply_error, form_errors_to_messages, plg_redirect


@organisation_view()
def plg_list(request):
    access = request.access
    reader = {
        "organisation": request.organisation,
        "user": request.user,
        "see_all": oversees_plgs(access),
    }
    context = {
        "page": paginate(request, selectors.plg_list(**reader)),
        "proposals": selectors.plg_proposals(**reader),
        "can_start": not access.is_trainer and access.membership is not None,
        "sees_all": oversees_plgs(access),
    }
    return render(request, "communities/plg_list.html", context)


@organisation_view()
def plg_create(request):
    access = request.access
    if access.is_trainer or access.membership is None:
        raise PermissionDenied
    approved = oversees_plgs(access)
    form = PLGStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plg = services.plg_start(
                organisation=request.organisation,
                starter=access.membership,
                approved=approved,
                **form.cleaned_data,
            )
        except LeerkringError as error:
            apply_error(form, error)
        else:
            if approved:
                messages.success(request, _("The PLG “%(plg)s” has started.") % {"plg": plg})
            else:
                messages.success(
                    request, _("Your proposal was sent. A school leader will approve it.")
                )
            return plg_redirect(plg)
    context = {"form": form, "approved": approved, "cycles": CYCLES.values()}
    return render(request, "communities/plg_form.html", context)


def _detail(request, plg, *, evidence_form=None, status=200):
    access = request.plg_access
    context = {
        "plg": plg,
        "pa": access,
        **selectors.plg_detail(plg=plg),
        "advance_form": AdvanceForm() if access.can_lead else None,
        "evidence_form": evidence_form or (EvidenceForm() if access.can_contribute else None),
        "next_phase": plg.cycle.next_phase(plg.current_phase) or plg.cycle.first,
    }
    return render(request, "communities/plg_detail.html", context, status=status)


@plg_view()
def plg_detail(request, plg):
    return _detail(request, plg)


@plg_view(lead=True)
def plg_edit(request, plg):
    form = PLGEditForm(
        request.POST or None, instance=plg, can_share=request.plg_access.is_org_manager
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.plg_update(plg=plg, actor=request.user, **form.cleaned_data)
        except LeerkringError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The PLG was saved."))
            return plg_redirect(plg)
    return render(request, "communities/plg_edit.html", {"form": form, "plg": plg})


@require_POST
@plg_view()
def plg_approve(request, plg):
    if not request.plg_access.is_org_manager:
        raise PermissionDenied
    try:
        services.plg_approve(plg=plg, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The PLG was approved and can start."))
    return plg_redirect(plg)


@require_POST
@plg_view(lead=True)
def plg_close(request, plg):
    try:
        services.plg_close(plg=plg, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The PLG was closed."))
    return plg_redirect(plg)


@require_POST
@plg_view()
def plg_join(request, plg):
    person = joinable_person(request.user, plg)
    if person is None:
        raise PermissionDenied
    try:
        services.plg_join(plg=plg, person=person)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Welcome to “%(plg)s”.") % {"plg": plg})
    return plg_redirect(plg)


@require_POST
@plg_view()
def plg_leave(request, plg):
    member = request.plg_access.member
    if member is None:
        raise PermissionDenied
    try:
        services.plg_leave(member=member)
    except LeerkringError as error:
        messages.error(request, error.message)
        return plg_redirect(plg)
    messages.success(request, _("You left “%(plg)s”.") % {"plg": plg})
    if request.plg_access.org_access is not None:
        return redirect("communities:plg_list", slug=plg.organisation.slug)
    return redirect("dashboard")


@plg_view()
def plg_members(request, plg):
    access = request.plg_access
    add_form = picker = None
    if access.can_lead:
        candidates = selectors.member_candidates(plg=plg)
        picker = person_picker(request, candidates, show_organisation=True)
        if matches := picker_matches(request, picker):
            return matches
        add_form = MemberAddForm(request.POST or None, candidates=candidates)
        if request.method == "POST" and add_form.is_valid():
            try:
                member = services.plg_member_add(
                    plg=plg,
                    person=add_form.cleaned_data["person"],
                    roles=add_form.cleaned_data["roles"],
                    actor=request.user,
                )
            except LeerkringError as error:
                apply_error(add_form, error)
            else:
                messages.success(
                    request, _("%(person)s joined the PLG.") % {"person": member.person.user}
                )
                return plg_redirect(plg, "communities:plg_members")
    elif request.method == "POST":
        raise PermissionDenied
    context = {
        "plg": plg,
        "pa": access,
        "members": selectors.members_with_roles(plg=plg),
        "add_form": add_form,
        "picker": picker,
        "role_choices": MemberRolesForm().fields["roles"].choices,
    }
    return render(request, "communities/plg_members.html", context)


@require_POST
@plg_view(lead=True)
def plg_member_roles(request, plg, member_pk):
    member = get_member_for_access(request.plg_access, member_pk)
    form = MemberRolesForm(request.POST)
    if form.is_valid():
        try:
            services.plg_member_roles_set(
                member=member, roles=form.cleaned_data["roles"], actor=request.user
            )
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The roles of %(person)s were saved.") % {"person": member})
    else:
        form_errors_to_messages(request, form)
    return plg_redirect(plg, "communities:plg_members")


@require_POST
@plg_view(lead=True)
def plg_member_remove(request, plg, member_pk):
    member = get_member_for_access(request.plg_access, member_pk)
    try:
        services.plg_member_remove(member=member, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(person)s was removed from the PLG.") % {"person": member})
    return plg_redirect(plg, "communities:plg_members")


@require_POST
@plg_view(lead=True)
def plg_advance(request, plg):
    form = AdvanceForm(request.POST)
    form.is_valid()
    try:
        record = services.plg_advance_phase(
            plg=plg, conclusion=form.cleaned_data.get("conclusion", ""), actor=request.user
        )
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        phase = plg.cycle.phase(record.phase)
        messages.success(request, _("On to the next phase: %(phase)s.") % {"phase": phase.name})
    return plg_redirect(plg)


@require_POST
@plg_view()
def plg_evidence_add(request, plg):
    if not request.plg_access.can_contribute:
        raise PermissionDenied
    form = EvidenceForm(request.POST)
    if form.is_valid():
        try:
            services.plg_evidence_add(plg=plg, actor=request.user, **form.cleaned_data)
        except LeerkringError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The evidence was added to this phase."))
            return plg_redirect(plg)
    # What was typed comes back in the form, with the error next to it.
    return _detail(request, plg, evidence_form=form)
