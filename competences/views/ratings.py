from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.errors import LeerkringError
from organisations.access import organisation_view

from .. import selectors, services
from ..access import can_guide, get_framework_for_access, get_person_for_access
from ..forms import RatingsForm
from ..models import Rating
from .frameworks import school_of

GUIDE_KINDS = [Rating.Kind.VIEW, Rating.Kind.AGREED]


def _rows(competences, current, form):
    """Per competence: its current self-rating, view and agreed level, and its form row."""
    form_rows = {row["competence"].pk: row for row in form.rows()}
    return [
        {
            "competence": competence,
            "self": current.get((competence.pk, Rating.Kind.SELF)),
            "view": current.get((competence.pk, Rating.Kind.VIEW)),
            "agreed": current.get((competence.pk, Rating.Kind.AGREED)),
            "form": form_rows[competence.pk],
        }
        for competence in competences
    ]


def _ratings_page(request, fw, person, kinds, template):
    framework = get_framework_for_access(request.access, fw)
    competences = selectors.competences(framework=framework)
    data = request.POST if request.method == "POST" else None
    form = RatingsForm(data, competences=competences, kinds=kinds)
    if request.method == "POST":
        if form.is_valid():
            try:
                count = 0
                for kind, ratings in form.ratings().items():
                    count += len(
                        services.ratings_add(
                            access=request.access,
                            person=person,
                            kind=kind,
                            ratings=ratings,
                            actor=request.user,
                        )
                    )
            except LeerkringError as error:
                messages.error(request, error.message)
            else:
                if count:
                    text = ngettext("%(n)s rating was saved.", "%(n)s ratings were saved.", count)
                    messages.success(request, text % {"n": count})
                else:
                    messages.info(request, _("Nothing changed: choose a level to save it."))
                return redirect(request.path)
        else:
            messages.error(request, _("Nothing was saved: correct the marked levels."))
    current = selectors.current_ratings(person=person, framework=framework)
    context = {
        "framework": framework,
        "person": person,
        "form": form,
        "rows": _rows(competences, current, form),
        "history": selectors.rating_history(person=person, framework=framework),
    }
    return render(request, template, context)


@organisation_view()
def mine(request, fw):
    school_of(request)
    if request.access.membership is None:
        raise Http404
    return _ratings_page(
        request, fw, request.access.membership, [Rating.Kind.SELF], "competences/mine.html"
    )


@organisation_view()
def person(request, fw, pk):
    """A person's ratings for a leader or coach, who adds their view and the agreed level.
    The person themselves is sent to their own page."""
    school_of(request)
    person, may_see = get_person_for_access(request.access, pk)
    if request.access.membership is not None and request.access.membership.pk == person.pk:
        return redirect("competences:mine", slug=request.organisation.slug, fw=fw)
    if not may_see or not can_guide(request.access):
        raise PermissionDenied
    return _ratings_page(request, fw, person, GUIDE_KINDS, "competences/person.html")
