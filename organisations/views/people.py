from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import LeerkringError
from core.pagination import paginate

from .. import selectors, services
from ..access import get_person_for_access, organisation_view
from ..forms import PersonForm, PersonTeamsForm, SearchForm


@organisation_view()
def people_list(request):
    search = SearchForm(request.GET)
    valid = search.is_valid()
    query = search.cleaned_data["q"] if valid else ""
    not_activated = valid and search.cleaned_data["not_activated"]
    people = selectors.people_list(
        organisation=request.organisation, query=query, not_activated=not_activated
    )
    context = {"page": paginate(request, people), "search": search, "query": query}
    if request.htmx:
        return render(request, "organisations/_people_results.html", context)
    return render(request, "organisations/people_list.html", context)


@organisation_view()
def person_detail(request, pk):
    membership, can_edit = get_person_for_access(request.access, pk)
    context = {
        "person": membership,
        "can_edit": can_edit,
        "teams": selectors.person_teams(membership=membership),
    }
    return render(request, "organisations/person_detail.html", context)


@organisation_view()
def person_edit(request, pk):
    membership, can_edit = get_person_for_access(request.access, pk)
    if not can_edit:
        raise PermissionDenied
    teams = list(selectors.person_teams(membership=membership))
    home = next((tm.team for tm in teams if tm.is_home), None)
    initial = {"home_team": home, "other_teams": [tm.team for tm in teams if not tm.is_home]}
    data = request.POST if request.method == "POST" else None
    person_form = PersonForm(data, instance=membership, prefix="person")
    teams_form = PersonTeamsForm(data, initial=initial, membership=membership, prefix="teams")
    if data is not None and person_form.is_valid() and teams_form.is_valid():
        try:
            services.person_update(
                membership=membership,
                role=person_form.cleaned_data["role"],
                function=person_form.cleaned_data["function"],
                actor=request.user,
            )
            services.person_teams_set(
                membership=membership,
                home_team=teams_form.cleaned_data["home_team"],
                other_teams=teams_form.cleaned_data["other_teams"],
                actor=request.user,
            )
        except LeerkringError as error:
            person_form.add_error(None, error.message)
        else:
            messages.success(request, _("%(person)s was saved.") % {"person": membership.user})
            return redirect(
                "organisations:person_detail", slug=request.organisation.slug, pk=membership.pk
            )
    context = {"person": membership, "person_form": person_form, "teams_form": teams_form}
    return render(request, "organisations/person_form.html", context)
