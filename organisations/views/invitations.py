"""Invitations to imported staff: everyone who has not activated, one team, or one person."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..access import get_person_for_access, get_team_for_access, organisation_view


def _invite(request, **scope):
    users = selectors.people_to_invite(organisation=request.organisation, **scope)
    sent = services.staff_invite(
        organisation=request.organisation,
        users=users,
        site_url=f"{request.scheme}://{request.get_host()}",
        actor=request.user,
    )
    if sent:
        message = ngettext(
            "%(count)d invitation was sent.", "%(count)d invitations were sent.", sent
        )
        messages.success(request, message % {"count": sent})
    else:
        messages.info(request, _("Nobody to invite: everyone here has activated their account."))


@require_POST
@organisation_view(manage=True)
def staff_invite(request):
    _invite(request)
    return redirect("organisations:people_list", slug=request.organisation.slug)


@require_POST
@organisation_view(manage=True)
def team_invite(request, pk):
    team, _can_edit = get_team_for_access(request.access, pk)
    _invite(request, team=team)
    return redirect("organisations:team_detail", slug=request.organisation.slug, pk=team.pk)


@require_POST
@organisation_view(manage=True)
def person_invite(request, pk):
    membership, _can_edit = get_person_for_access(request.access, pk)
    _invite(request, membership=membership)
    return redirect("organisations:person_detail", slug=request.organisation.slug, pk=membership.pk)
