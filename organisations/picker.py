"""Choosing one person out of a whole school: the page lists only the people matching what
was typed (while typing through HTMX, or with the search button without JavaScript), never a
select of hundreds of names."""

from dataclasses import dataclass

from django.shortcuts import render

from .selectors import matching

PICKER_LIMIT = 15


@dataclass(frozen=True)
class PersonPicker:
    id: str  # prefix of the picker's element ids
    url: str  # the page that answers the search (GET ?q=)
    query: str
    matches: list
    more: bool  # more people match than are listed
    field: str = "person"  # the name of the radio buttons the form reads
    show_organisation: bool = False  # for choices across a school community's schools


def person_picker(
    request, candidates, *, id="person-picker", field="person", show_organisation=False
) -> PersonPicker:
    """The people among `candidates` (a queryset of memberships) matching the request's `q`."""
    query = request.GET.get("q", "").strip()[:100]
    found = list(matching(candidates, query)[: PICKER_LIMIT + 1]) if query else []
    more = len(found) > PICKER_LIMIT
    return PersonPicker(
        id, request.path, query, found[:PICKER_LIMIT], more, field, show_organisation
    )


def picker_matches(request, picker: PersonPicker):
    """The matches alone when HTMX asks for them while the user types; None otherwise."""
    if request.htmx and request.htmx.target == f"{picker.id}-matches":
        return render(request, "organisations/_person_picker.html#matches", {"picker": picker})
    return None
