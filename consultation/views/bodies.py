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
from ..access import can_edit_bodies, can_read_minutes, get_body_for_access
from ..forms import BodyForm
from ..schoolyear import holidays_between, open_planned, school_year_of


def school_of(request):
    """The school whose consultation structure this is; trainers of a provider see none."""
    if not request.organisation.is_school or request.access.is_trainer:
        raise Http404
    return request.organisation


def apply_error(form, error) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


@organisation_view()
def body_list(request):
    school = school_of(request)
    bodies = selectors.bodies_of(organisation=school)
    offer = not bodies and can_edit_bodies(request.access)
    if offer and services.starter_bodies(organisation=school):
        messages.info(
            request,
            _("We started you off with the usual consultation bodies: change them freely."),
        )
        bodies = selectors.bodies_of(organisation=school)
    context = {
        "internal": [body for body in bodies if not body.is_external],
        "external": [body for body in bodies if body.is_external],
        "can_edit": can_edit_bodies(request.access),
    }
    return render(request, "consultation/body_list.html", context)


def _form_page(request, school, *, body=None):
    staff = selectors.school_staff(organisation=school)
    initial = BodyForm.initial_for(body) if body else None
    form = BodyForm(request.POST or None, initial=initial, staff=staff)
    if request.method == "POST" and form.is_valid():
        try:
            body = services.body_save(
                access=request.access, body=body, actor=request.user, **form.save_kwargs()
            )
        except LeerkringError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The consultation body was saved."))
            return redirect("consultation:body_detail", slug=school.slug, pk=body.pk)
    context = {
        "form": form,
        "body": body,
        "selected_members": {str(value) for value in form["members"].value() or ()},
    }
    return render(request, "consultation/body_form.html", context)


@organisation_view(manage=True)
def body_create(request):
    return _form_page(request, school_of(request))


@organisation_view(manage=True)
def body_edit(request, pk):
    school = school_of(request)
    body, _can_edit = get_body_for_access(request.access, pk)
    return _form_page(request, school, body=body)


@require_POST
@organisation_view(manage=True)
def body_delete(request, pk):
    school = school_of(request)
    body, can_edit = get_body_for_access(request.access, pk)
    if not can_edit:
        raise PermissionDenied
    services.body_delete(access=request.access, body=body, actor=request.user)
    messages.success(request, _("The consultation body was removed."))
    return redirect("consultation:body_list", slug=school.slug)


@organisation_view()
def body_detail(request, pk):
    school_of(request)
    body, can_edit = get_body_for_access(request.access, pk)
    members = selectors.body_members(body=body)
    first, last = school_year_of(timezone.localdate())
    meetings = selectors.body_meetings(body=body, first=first, last=last)
    member_ids = {member.pk for member in members}
    context = {
        "body": body,
        "members": members,
        "can_edit": can_edit,
        "can_read_minutes": can_read_minutes(request.access, body, member_ids),
        "meetings": meetings,
        "planned": open_planned(body, meetings, first, last, skip=holidays_between(first, last)),
        "year_first": first,
        "year_last": last,
    }
    return render(request, "consultation/body_detail.html", context)
