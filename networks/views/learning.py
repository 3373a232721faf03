"""Provider staff: assignments and feedback, literature, peer coaching, research groups."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import LeerkringError

from .. import selectors
from ..access import (
    can_see_submission_map,
    get_assignment_for_access,
    get_edition_for_access,
    get_programme_for_access,
    get_research_group_for_access,
    get_submission_for_access,
    get_submission_map_for_trainer,
    provider_view,
)
from ..forms import (
    AssignmentForm,
    CoachingRoundForm,
    FeedbackForm,
    LiteratureForm,
    ResearchScheduleForm,
)
from ..services import learning
from .manage import save_form


@provider_view
def assignment_create(request, pk):
    edition = get_edition_for_access(request.access, pk)
    form = AssignmentForm(request.POST or None, edition=edition)
    return save_form(
        request,
        form,
        title=_("New assignment"),
        back=edition,
    )


@provider_view
def assignment_detail(request, pk):
    assignment = get_assignment_for_access(request.access, pk)
    context = {"assignment": assignment, "edition": assignment.edition}
    context.update(selectors.assignment_status(assignment))
    return render(request, "networks/manage/assignment_detail.html", context)


@provider_view
def submission_detail(request, pk):
    submission = get_submission_for_access(request.access, pk)
    form = FeedbackForm(request.POST or None, initial={"feedback": submission.feedback})
    if request.method == "POST" and form.is_valid():
        try:
            learning.submission_feedback(
                submission=submission, feedback=form.cleaned_data["feedback"], actor=request.user
            )
        except LeerkringError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your feedback was saved."))
            return redirect(
                "networks:assignment_detail",
                slug=request.organisation.slug,
                pk=submission.assignment_id,
            )
    return render(
        request,
        "networks/manage/submission_detail.html",
        {
            "submission": submission,
            "edition": submission.assignment.edition,
            "form": form,
            "can_see_map": can_see_submission_map(request.access, submission),
        },
    )


def file_response(field):
    if not field:
        raise Http404
    return FileResponse(
        field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1]
    )


@provider_view
def submission_map(request, pk):
    """The school's value stream map linked in a submission, read-only, for the edition's
    trainers."""
    from valuestreams.views import map_view

    submission, value_stream = get_submission_map_for_trainer(request.access, pk)
    context = {
        **map_view(value_stream),
        "can_edit": False,
        "submission": submission,
        "edition": submission.assignment.edition,
    }
    return render(request, "networks/manage/submission_map.html", context)


@provider_view
def submission_file(request, pk):
    return file_response(get_submission_for_access(request.access, pk).file)


@provider_view
def literature_create(request, pk):
    programme = get_programme_for_access(request.access, pk)
    form = LiteratureForm(request.POST or None, programme=programme)
    return save_form(
        request,
        form,
        title=_("Add literature"),
        back=programme,
    )


@provider_view
def coaching(request, pk):
    """The edition's coaching pairs and trios, with a suggestion for a new round."""
    edition = get_edition_for_access(request.access, pk)
    if request.method == "POST":
        teams = [
            [int(x) for x in value.split(",") if x.isdigit()]
            for value in request.POST.getlist("team")
        ]
        round_form = CoachingRoundForm(request.POST)
        starts_on = round_form.cleaned_data["starts_on"] if round_form.is_valid() else None
        try:
            created = learning.coaching_form(
                edition=edition, teams=teams, actor=request.user, starts_on=starts_on
            )
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("%(count)d coaching groups were formed.") % {"count": len(created)}
            )
        return redirect("networks:coaching", slug=request.organisation.slug, pk=edition.pk)
    suggestion = learning.coaching_suggest(edition=edition)
    suggested_ids = {p.pk for team in suggestion for p in team}
    return render(
        request,
        "networks/manage/coaching.html",
        {
            "edition": edition,
            "groups": selectors.coaching_groups(edition),
            "suggestion": suggestion,
            "round_form": CoachingRoundForm(),
            "unmatched": [
                p for p in selectors.accepted_participants(edition) if p.pk not in suggested_ids
            ],
        },
    )


@provider_view
def research(request, pk):
    """The edition's research groups; the trainer sets each one's year and presentation."""
    edition = get_edition_for_access(request.access, pk)
    groups = selectors.research_groups(edition)
    sessions = list(edition.sessions.filter(group=None))
    if request.method == "POST":
        group = next((g for g in groups if str(g.pk) == request.POST.get("group")), None)
        if group is None:
            raise Http404
        form = ResearchScheduleForm(request.POST, sessions=sessions, prefix=f"g{group.pk}")
        if form.is_valid():
            session = next((s for s in sessions if s.pk == form.cleaned_data["session"]), None)
            learning.research_schedule_set(
                research_group=group,
                year=form.cleaned_data["year"],
                session=session,
                presents_on=form.cleaned_data["presents_on"],
                actor=request.user,
            )
            messages.success(request, _("The presentation session was saved."))
        else:
            messages.error(request, _("Check the year and the presentation date."))
        return redirect("networks:research", slug=request.organisation.slug, pk=edition.pk)
    for g in groups:
        g.schedule_form = ResearchScheduleForm(
            sessions=sessions,
            prefix=f"g{g.pk}",
            initial={
                "year": g.year,
                "session": g.presentation_session_id,
                "presents_on": g.presents_on,
            },
        )
    return render(
        request,
        "networks/manage/research.html",
        {"edition": edition, "groups": groups},
    )


@provider_view
def research_results(request, pk):
    return file_response(get_research_group_for_access(request.access, pk).results)
