"""Adding tenants from the site: a school community's managers add its schools, the
installation's administrator adds school communities and providers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import LeerkringError

from .. import administration, selectors, services
from ..access import organisation_view
from ..forms import OrganisationForm, SchoolForm
from ..models import Organisation


def _added(request, *, organisation, membership, account_created) -> None:
    """Say what was added; a person new to Leerkring gets an invitation to choose a password."""
    message = _("“%(organisation)s” was added.") % {"organisation": organisation}
    if membership is not None:
        person = {"email": membership.user.email, "role": membership.get_role_display()}
        if account_created:
            services.staff_invite(
                organisation=organisation,
                users=[membership.user],
                site_url=f"{request.scheme}://{request.get_host()}",
                actor=request.user,
            )
            added = _(
                "A new account for %(email)s was made, as %(role)s, and an invitation to "
                "choose a password was mailed."
            )
        else:
            added = _("%(email)s is its %(role)s.")
        message = " ".join([message, added % person])
    messages.success(request, message)


@organisation_view(manage=True)
def school_create(request):
    community = request.organisation
    if community.kind != Organisation.Kind.COMMUNITY:
        raise Http404
    form = SchoolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            school, leader, created = administration.school_create(
                community=community,
                name=data["name"],
                city=data["city"],
                institution_number=data["institution_number"],
                leader_email=data["leader_email"],
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(None, error.message)
        else:
            _added(request, organisation=school, membership=leader, account_created=created)
            return redirect("organisations:overview", slug=community.slug)
    return render(request, "organisations/school_form.html", {"form": form})


@login_required
def organisation_create(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            organisation, admin, created = administration.organisation_create(
                kind=data["kind"],
                name=data["name"],
                city=data["city"],
                admin_email=data["admin_email"],
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(None, error.message)
        else:
            _added(request, organisation=organisation, membership=admin, account_created=created)
            return redirect("installation:organisation_create")
    context = {"form": form, "organisations": selectors.installation_organisations()}
    return render(request, "organisations/organisation_form.html", context)
