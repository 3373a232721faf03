"""The school's pages of a vision process: the list, the leader's process page, clustering,
publishing and the published vision."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from organisations.access import organisation_view

from .. import selectors, services
from ..access import get_process_for_access
from ..charts import points_chart
from ..forms import GroupForm, ProcessForm, PublishForm, ThemeForm
from ..models import VisionProcess

Phase = VisionProcess.Phase


def _managed(request, pk) -> VisionProcess:
    process, can_manage = get_process_for_access(request.access, pk)
    if not can_manage:
        raise PermissionDenied
    return process


def _detail(process):
    return redirect("vision:process_detail", slug=process.organisation.slug, pk=process.pk)


@organisation_view()
def process_list(request):
    if not request.organisation.is_school or request.access.is_trainer:
        raise PermissionDenied
    context = {"processes": selectors.processes_for(request.access)}
    return render(request, "vision/process_list.html", context)


@organisation_view(manage=True)
def process_create(request):
    form = ProcessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            process = services.process_create(
                organisation=request.organisation,
                access=request.access,
                title=form.cleaned_data["title"],
                question=form.cleaned_data["question"],
                points=form.cleaned_data["points"],
                threshold=form.cleaned_data["threshold"],
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The vision process was created."))
            return _detail(process)
    return render(request, "vision/process_form.html", {"form": form})


@organisation_view()
def process_detail(request, pk):
    process = _managed(request, pk)
    groups = selectors.groups_of(process)
    # While prioritising, the links open the points page straight away.
    link_name = "vision:prioritise" if process.phase == Phase.PRIORITISE else "vision:contribute"
    for group in groups:
        group.link = request.build_absolute_uri(reverse(link_name, args=[group.token]))
    points = selectors.points_given(process)
    context = {
        "process": process,
        "groups": groups,
        "counts": selectors.counts_per_group(groups, process),
        "theme_count": process.themes.count(),
        "participants": selectors.participant_count(process, points),
        "group_form": GroupForm(),
        "phases": VisionProcess.ORDER,
        "next_phase": process.next_phase,
        "next_label": dict(Phase.choices).get(process.next_phase),
    }
    return render(request, "vision/process_detail.html", context)


@require_POST
@organisation_view()
def phase_advance(request, pk):
    process = _managed(request, pk)
    try:
        services.phase_advance(
            process=process,
            access=request.access,
            to=request.POST.get("to", ""),
            actor=request.user,
        )
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The process moved on to the next phase."))
    return _detail(process)


@require_POST
@organisation_view()
def group_add(request, pk):
    process = _managed(request, pk)
    form = GroupForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("name", [])))
        return _detail(process)
    try:
        services.group_add(process=process, access=request.access, name=form.cleaned_data["name"])
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The group was added with its own link."))
    return _detail(process)


def _assignments(request, contributions, theme_ids):
    """`{contribution pk: theme pk or None}` from the selects named `c-<pk>`."""
    assignments = {}
    for contribution in contributions:
        value = request.POST.get(f"c-{contribution.pk}")
        if value is None:
            continue
        if value == "":
            assignments[contribution.pk] = None
        elif value.isdigit() and int(value) in theme_ids:
            assignments[contribution.pk] = int(value)
        else:
            raise LeerkringError(_("Choose one of this process's themes."))
    return assignments


@organisation_view()
def cluster(request, pk):
    process = _managed(request, pk)
    contributions = selectors.cluster_contributions(process)
    themes = selectors.themes_of(process)
    status = 200
    if request.method == "POST":
        try:
            assignments = _assignments(request, contributions, {t.pk for t in themes})
            changed = services.contributions_assign(
                process=process, access=request.access, assignments=assignments
            )
        except LeerkringError as error:
            messages.error(request, error.message)
            status = 400
        else:
            messages.success(request, _("The themes were saved (%(n)d changed).") % {"n": changed})
            return redirect("vision:cluster", slug=process.organisation.slug, pk=process.pk)
    context = {
        "process": process,
        "contributions": contributions,
        "themes": sorted(themes, key=lambda t: t.pk),
        "theme_form": ThemeForm(),
        "can_cluster": process.phase == Phase.CLUSTER,
    }
    return render(request, "vision/cluster.html", context, status=status)


@require_POST
@organisation_view()
def theme_create(request, pk):
    process = _managed(request, pk)
    form = ThemeForm(request.POST)
    if form.is_valid():
        try:
            services.theme_create(
                process=process,
                access=request.access,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
            )
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The theme was added."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("vision:cluster", slug=process.organisation.slug, pk=process.pk)


@organisation_view()
def publish(request, pk):
    process = _managed(request, pk)
    form = PublishForm(request.POST or None, initial={"text": process.published_text})
    if request.method == "POST" and form.is_valid():
        try:
            services.vision_publish(
                process=process,
                access=request.access,
                text=form.cleaned_data["text"],
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The vision was published for the whole staff."))
            return redirect("vision:results", slug=process.organisation.slug, pk=process.pk)
    themes = selectors.themes_of(process)
    context = {"process": process, "form": form, "themes": themes}
    return render(request, "vision/publish.html", context, status=400 if form.errors else 200)


@organisation_view()
def results(request, pk):
    process, can_manage = get_process_for_access(request.access, pk)
    themes = selectors.themes_of(process)
    groups = selectors.groups_of(process)
    total = sum(theme.points for theme in themes)
    participants = selectors.participant_count(process, total)
    shows_points = participants >= process.threshold
    context = {
        "process": process,
        "can_manage": can_manage,
        "themes": themes,
        "counts": selectors.counts_per_group(groups, process),
        "participants": participants,
        "shows_points": shows_points,
        "chart": points_chart(themes, title=_("Points per theme")) if shows_points else None,
    }
    return render(request, "vision/results.html", context)
