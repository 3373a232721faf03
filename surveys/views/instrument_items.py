"""The parts of an own instrument in the builder: its dimensions, items, open questions and
scales, added, changed and removed, and items and dimensions moved (buttons or dragging)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from core.errors import LeerkringError
from organisations.access import organisation_view

from .. import builder, instrument_selectors
from ..access import get_instrument_for_access
from ..builder_forms import (
    DimensionForm,
    ItemForm,
    MoveForm,
    OpenQuestionForm,
    ScaleForm,
)
from ..models import Dimension, Item, OpenQuestion, Scale
from .instruments import _detail_url, _edited, _form_page

# The parts of an instrument, by the name in their URLs.
PARTS = {
    "dimension": {
        "model": Dimension,
        "form": DimensionForm,
        "save": builder.dimension_save,
        "delete": builder.dimension_delete,
        "move": builder.dimension_move,
        "arg": "dimension",
        "fields": ("code", "title_nl", "title_en"),
        "new": gettext_lazy("New dimension"),
        "edit": gettext_lazy("Edit dimension"),
    },
    "item": {
        "model": Item,
        "form": ItemForm,
        "save": builder.item_save,
        "delete": builder.item_delete,
        "move": builder.item_move,
        "arg": "item",
        "fields": ("code", "text_nl", "text_en", "dimension", "scale", "reverse"),
        "new": gettext_lazy("New item"),
        "edit": gettext_lazy("Edit item"),
    },
    "question": {
        "model": OpenQuestion,
        "form": OpenQuestionForm,
        "save": builder.open_question_save,
        "delete": builder.open_question_delete,
        "move": None,
        "arg": "question",
        "fields": ("code", "text_nl", "text_en"),
        "new": gettext_lazy("New open question"),
        "edit": gettext_lazy("Edit open question"),
    },
    "scale": {
        "model": Scale,
        "form": ScaleForm,
        "save": builder.scale_save,
        "delete": builder.scale_delete,
        "move": None,
        "arg": "scale",
        "fields": (),
        "new": gettext_lazy("New scale"),
        "edit": gettext_lazy("Edit scale"),
    },
}


def _part(part: str) -> dict:
    if part not in PARTS:
        raise Http404
    return PARTS[part]


def _row(instrument, spec, row_pk):
    return get_object_or_404(spec["model"], version__instrument=instrument, pk=row_pk)


def _form_for(request, spec, version, row):
    kwargs = {"version": version} if spec["form"] is ItemForm else {}
    if row is None:
        initial = {"dimension": request.GET.get("dimension")} if spec["form"] is ItemForm else {}
    elif spec["form"] is ScaleForm:
        initial = ScaleForm.initial_for(row)
    else:
        initial = {name: getattr(row, name) for name in spec["fields"]}
    return spec["form"](request.POST or None, initial=initial, **kwargs)


def _save_args(spec, data: dict) -> dict:
    if spec["form"] is ScaleForm:
        return {
            "code": data["code"],
            "minimum": data["minimum"],
            "maximum": data["maximum"],
            "labels": data["labels"],
            "allow_unknown": data["allow_unknown"],
        }
    return {name: data[name] for name in spec["fields"]}


@organisation_view()
def part_edit(request, pk, part, row=None):
    """Add (no `row`) or change one dimension, item, open question or scale."""
    instrument = get_instrument_for_access(request.access, pk)
    spec = _part(part)
    row = _row(instrument, spec, row) if row is not None else None
    version = builder.latest_version(instrument)
    if row is not None and row.version_id != version.pk:
        raise Http404
    form = _form_for(request, spec, version, row)
    if request.method == "POST" and form.is_valid():
        try:
            edit = spec["save"](
                instrument=instrument,
                actor=request.user,
                **{spec["arg"]: row},
                **_save_args(spec, form.cleaned_data),
            )
        except LeerkringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            _edited(request, edit, _("Saved."))
            return redirect(_detail_url(request, instrument, f"{part}-{edit.row.pk}"))
    title = spec["edit"] if row is not None else spec["new"]
    return _form_page(request, form, title=title, instrument=instrument, row=row, part=part)


@require_POST
@organisation_view()
def part_delete(request, pk, part, row):
    instrument = get_instrument_for_access(request.access, pk)
    spec = _part(part)
    row = _row(instrument, spec, row)
    try:
        edit = spec["delete"](instrument=instrument, actor=request.user, **{spec["arg"]: row})
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        _edited(request, edit, _("Removed."))
    return redirect(_detail_url(request, instrument))


@require_POST
@vary_on_headers("HX-Request")
@organisation_view()
def part_move(request, pk, part, row):
    """Move an item or dimension up or down. HTMX swaps the list; without JavaScript the page
    reloads at the moved row."""
    instrument = get_instrument_for_access(request.access, pk)
    spec = _part(part)
    if spec["move"] is None:
        raise Http404
    row = _row(instrument, spec, row)
    form = MoveForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        edit = spec["move"](
            instrument=instrument,
            direction=form.cleaned_data["direction"],
            actor=request.user,
            **{spec["arg"]: row},
        )
    except LeerkringError as error:
        messages.error(request, error.message)
        return _back(request, _detail_url(request, instrument))
    if request.htmx and not edit.new_version:
        version = instrument_selectors.builder_version(instrument=instrument)
        context = {"instrument": instrument, "version": version, "moved": edit.row}
        return render(request, "surveys/instrument_detail.html#builder_list", context)
    _edited(request, edit, _("Moved."))
    return _back(request, _detail_url(request, instrument, f"{part}-{edit.row.pk}"))


def _back(request, url: str):
    """Back to the builder page: a redirect, or for HTMX a full page load (the list alone
    cannot show the message that a new version was started)."""
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)
