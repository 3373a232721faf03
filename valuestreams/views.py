"""A school's value stream maps: the list, a map drawn and in a table, editing step by step
(HTMX swaps the map's body; every form also works as a plain post), the future map beside the
current one, and the PDF."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from core.pdf import pdf_response, render_pdf
from organisations.access import organisation_view

from . import drawing, flow, selectors, services
from .access import (
    can_edit_maps,
    get_map_for_access,
    get_pain_point_for_access,
    get_step_for_access,
)
from .forms import MapForm, PainPointForm, StepForm
from .models import ValueStreamMap


def _school(request):
    if not request.organisation.is_school:
        raise Http404
    return request.organisation


def _map(request, pk, *, edit=False):
    _school(request)
    value_stream, can_edit = get_map_for_access(request.access, pk)
    if edit and not can_edit:
        raise PermissionDenied
    return value_stream, can_edit


def _map_url(value_stream, anchor=""):
    url = reverse(
        "valuestreams:map_detail",
        kwargs={"slug": value_stream.organisation.slug, "pk": value_stream.pk},
    )
    return f"{url}#{anchor}" if anchor else url


def map_view(value_stream, steps=None) -> dict:
    """What a map's drawing, figures and table need, from its steps read once."""
    if steps is None:
        steps = selectors.map_steps(value_stream=value_stream)
    figures = flow.figures(steps)
    return {
        "value_stream": value_stream,
        "steps": steps,
        "figures": figures,
        "unit": figures.unit,
        "drawing": drawing.draw(steps, figures.longest_wait),
    }


def map_row(item) -> dict:
    """A map of `selectors.school_maps` with its flow efficiency in percent and the unit its
    lead time reads best in."""
    efficiency = flow.efficiency(item.process_total, item.lead_total)
    return {
        "map": item,
        "efficiency": None if efficiency is None else round(efficiency * 100),
        "unit": flow.display_unit([item.lead_total]),
    }


def _body(request, value_stream, can_edit, **extra):
    context = {**map_view(value_stream), "can_edit": can_edit, **extra}
    if can_edit:
        context.setdefault("step_form", StepForm(steps=context["steps"], prefix="add"))
    return context


def _answer(request, value_stream, can_edit, *, status="", anchor="", focus=None, **extra):
    """After a change: by HTMX the map's body again (with a status to announce and the button
    to keep the focus on); without script back to the map page at the changed step."""
    if request.htmx:
        context = _body(request, value_stream, can_edit, status=status, focus=focus, **extra)
        return render(request, "valuestreams/map_detail.html#map_body", context)
    if status:
        messages.success(request, status)
    return redirect(_map_url(value_stream, anchor))


def _refused(request, value_stream, can_edit, error, anchor):
    if request.htmx:
        context = _body(request, value_stream, can_edit, status=error.message)
        return render(request, "valuestreams/map_detail.html#map_body", context)
    messages.error(request, error.message)
    return redirect(_map_url(value_stream, anchor))


@organisation_view()
def map_list(request):
    school = _school(request)
    can_edit = can_edit_maps(request.access)
    context = {
        "rows": [map_row(item) for item in selectors.school_maps(organisation=school)],
        "can_edit": can_edit,
        "form": MapForm() if can_edit else None,
    }
    return render(request, "valuestreams/map_list.html", context)


@organisation_view()
def map_create(request):
    school = _school(request)
    if not can_edit_maps(request.access):
        raise PermissionDenied
    form = MapForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            value_stream = services.map_create(
                organisation=school,
                process=form.cleaned_data["process"],
                kind=form.cleaned_data["kind"],
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The map was made. Add its first step."))
            return redirect(_map_url(value_stream, "add-step"))
    return render(request, "valuestreams/map_form.html", {"form": form, "value_stream": None})


@organisation_view()
def map_edit(request, pk):
    value_stream, _can_edit = _map(request, pk, edit=True)
    form = MapForm(request.POST or None, instance=value_stream)
    if request.method == "POST" and form.is_valid():
        try:
            services.map_update(
                value_stream=value_stream,
                process=form.cleaned_data["process"],
                kind=form.cleaned_data["kind"],
            )
        except LeerkringError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The map was saved."))
            return redirect(_map_url(value_stream))
    context = {"form": form, "value_stream": value_stream}
    return render(request, "valuestreams/map_form.html", context)


@organisation_view()
def map_detail(request, pk):
    value_stream, can_edit = _map(request, pk)
    context = _body(request, value_stream, can_edit)
    context["future"] = selectors.future_of(value_stream)
    return render(request, "valuestreams/map_detail.html", context)


def _step_form_page(request, value_stream, form, step=None):
    context = {"value_stream": value_stream, "form": form, "step": step}
    if step is not None:
        context["pain_form"] = PainPointForm()
        context["pains"] = list(step.pain_points.order_by("pk"))
    return render(request, "valuestreams/step_form.html", context)


@organisation_view()
def step_add(request, pk):
    value_stream, can_edit = _map(request, pk, edit=True)
    steps = list(value_stream.steps.order_by("position", "pk"))
    after = next((s for s in steps if str(s.pk) == request.GET.get("after")), None)
    prefix = "add" if request.method == "POST" and "add-name" in request.POST else None
    form = StepForm(request.POST or None, steps=steps, after=after, prefix=prefix)
    if request.method == "POST" and form.is_valid():
        try:
            step = services.step_add(
                value_stream=value_stream, position=form.chosen_position(), **form.values()
            )
        except LeerkringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            status = _("Step “%(step)s” was added.") % {"step": step.name}
            return _answer(request, value_stream, can_edit, status=status, anchor=f"step-{step.pk}")
    if request.method == "POST" and request.htmx and prefix:
        # The form on the map page, with its errors, in the map's body.
        context = _body(request, value_stream, can_edit, step_form=form)
        return render(request, "valuestreams/map_detail.html#map_body", context)
    return _step_form_page(request, value_stream, form)


@organisation_view()
def step_edit(request, pk, step):
    value_stream, can_edit = _map(request, pk, edit=True)
    step = get_step_for_access(request.access, value_stream, step)
    form = StepForm(request.POST or None, step=step)
    if request.method == "POST" and form.is_valid():
        try:
            services.step_update(step=step, **form.values())
        except LeerkringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Step “%(step)s” was saved.") % {"step": step.name})
            return redirect(_map_url(value_stream, f"step-{step.pk}"))
    return _step_form_page(request, value_stream, form, step)


@require_POST
@organisation_view()
def step_move(request, pk, step):
    value_stream, can_edit = _map(request, pk, edit=True)
    step = get_step_for_access(request.access, value_stream, step)
    direction = request.POST.get("direction", "")
    try:
        moved = services.step_move(step=step, direction=direction)
    except LeerkringError as error:
        messages.error(request, error.message)
        return redirect(_map_url(value_stream))
    if not moved:
        status = _("“%(step)s” is already at that end.") % {"step": step.name}
    elif direction == "up":
        status = _("“%(step)s” moved up.") % {"step": step.name}
    else:
        status = _("“%(step)s” moved down.") % {"step": step.name}
    # The focus stays on the step's move button; at either end on the one that is left.
    if step.position == 1:
        direction = "down"
    elif step.position == value_stream.steps.count():
        direction = "up"
    focus = (direction, step.pk)
    return _answer(
        request, value_stream, can_edit, status=status, anchor=f"step-{step.pk}", focus=focus
    )


@require_POST
@organisation_view()
def step_delete(request, pk, step):
    value_stream, can_edit = _map(request, pk, edit=True)
    step = get_step_for_access(request.access, value_stream, step)
    name = step.name
    try:
        services.step_delete(step=step)
    except LeerkringError as error:
        return _refused(request, value_stream, can_edit, error, f"step-{step.pk}")
    status = _("Step “%(step)s” was removed.") % {"step": name}
    return _answer(request, value_stream, can_edit, status=status, anchor="steps")


@require_POST
@organisation_view()
def pain_point_add(request, pk, step):
    value_stream, can_edit = _map(request, pk, edit=True)
    step = get_step_for_access(request.access, value_stream, step)
    form = PainPointForm(request.POST)
    if form.is_valid():
        try:
            services.pain_point_add(
                step=step, description=form.cleaned_data["description"], actor=request.user
            )
        except LeerkringError as error:
            form.add_error("description", error.message)
    if form.errors:
        if request.htmx:
            context = _body(request, value_stream, can_edit, pain_errors={step.pk: form})
            return render(request, "valuestreams/map_detail.html#map_body", context)
        messages.error(request, " ".join(form.errors["description"]))
        return redirect(_map_url(value_stream, f"step-{step.pk}"))
    status = _("The pain point was noted at “%(step)s”.") % {"step": step.name}
    return _answer(request, value_stream, can_edit, status=status, anchor=f"step-{step.pk}")


@require_POST
@organisation_view()
def pain_point_delete(request, pk, pain):
    value_stream, can_edit = _map(request, pk, edit=True)
    pain_point = get_pain_point_for_access(request.access, value_stream, pain)
    try:
        services.pain_point_delete(pain_point=pain_point)
    except LeerkringError as error:
        return _refused(request, value_stream, can_edit, error, f"pain-{pain_point.pk}")
    status = _("The pain point was removed.")
    return _answer(
        request, value_stream, can_edit, status=status, anchor=f"step-{pain_point.step_id}"
    )


@require_POST
@organisation_view()
def pain_point_send(request, pk, pain):
    value_stream, can_edit = _map(request, pk, edit=True)
    pain_point = get_pain_point_for_access(request.access, value_stream, pain)
    try:
        _point, created = services.pain_point_send(
            pain_point=pain_point,
            actor=request.user,
            anchor=_map_url(value_stream, f"pain-{pain_point.pk}"),
        )
    except LeerkringError as error:
        messages.error(request, error.message)
        return redirect(_map_url(value_stream, f"pain-{pain_point.pk}"))
    if created:
        status = _("The pain point was sent to the development points.")
    else:
        status = _("This pain point was sent to the development points before.")
    return _answer(
        request,
        value_stream,
        can_edit,
        status=status,
        anchor=f"pain-{pain_point.pk}",
        focus=("sent", pain_point.pk),
    )


@require_POST
@organisation_view()
def future_make(request, pk):
    value_stream, _can_edit = _map(request, pk, edit=True)
    try:
        future, created = services.future_map_make(current=value_stream, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
        return redirect(_map_url(value_stream))
    if created:
        messages.success(request, _("The future map starts as a copy of the current one."))
    return redirect(_map_url(future))


def _pair(request, value_stream):
    """The current map and its future map, from either."""
    if value_stream.version == ValueStreamMap.Version.FUTURE:
        current = value_stream.based_on
        future = value_stream
    else:
        current, future = value_stream, selectors.future_of(value_stream)
    if current is None or future is None:
        raise Http404
    return current, future


@organisation_view()
def map_compare(request, pk):
    value_stream, can_edit = _map(request, pk)
    current, future = _pair(request, value_stream)
    current.organisation = future.organisation = value_stream.organisation
    before, after = map_view(current), map_view(future)
    unit = flow.display_unit([before["figures"].lead, after["figures"].lead])
    lead_change, lead_percent = flow.change(before["figures"].lead, after["figures"].lead)
    context = {
        "current": before,
        "future": after,
        "sides": [before, after],
        "compare_unit": unit,
        "lead_change": lead_change,
        "lead_percent": lead_percent,
        "process_change": after["figures"].process - before["figures"].process,
        "value_stream": value_stream,
        "can_edit": can_edit,
    }
    return render(request, "valuestreams/map_compare.html", context)


@organisation_view()
def map_pdf(request, pk):
    value_stream, _can_edit = _map(request, pk)
    context = {
        **map_view(value_stream),
        "school": value_stream.organisation,
        "language": translation.get_language(),
    }
    pdf = render_pdf(request, "valuestreams/map_pdf.html", context)
    return pdf_response(pdf, filename=f"waardestroom-{value_stream.pk}.pdf", inline=True)
