"""The instrument builder's instrument pages: an organisation's (or a team's) own instruments,
made, imported, copied, exported, edited, shared and previewed as the answer page. Their
dimensions, items, open questions and scales are edited in `instrument_items`."""

import datetime

from csp.constants import SELF
from csp.decorators import csp_replace
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from core.errors import LeerkringError
from organisations.access import organisation_view

from .. import builder, instrument_files, instrument_selectors
from ..access import builder_teams, can_use_builder, get_instrument_for_access
from ..builder_forms import ImportForm, InstrumentCreateForm, ShareForm, VersionForm
from ..models import InstrumentVersion, RaterGroup
from ..version_pairs import pair_items
from .answer import _sections


def _check_builder(request):
    if not can_use_builder(request.access):
        raise PermissionDenied


def _detail_url(request, instrument, anchor: str = "") -> str:
    url = reverse(
        "surveys:instrument_detail", kwargs={"slug": request.organisation.slug, "pk": instrument.pk}
    )
    return f"{url}#{anchor}" if anchor else url


def _edited(request, edit: builder.Edit, done: str) -> None:
    if edit.new_version:
        messages.info(
            request,
            _(
                "The previous version was already sent, so your change is in a new version "
                "(%(number)s). Surveys keep the version they were sent with."
            )
            % {"number": edit.version.number},
        )
    messages.success(request, done)


def _team_choice(request) -> dict:
    """The team arguments of the forms that make a new instrument: the teams the user may
    compose for, one of which a user who does not manage the organisation must choose."""
    return {"teams": builder_teams(request.access), "team_required": not request.access.can_manage}


@organisation_view()
def instrument_list(request):
    _check_builder(request)
    choice = _team_choice(request)
    return render(
        request,
        "surveys/instrument_list.html",
        {
            "own": instrument_selectors.own_instruments(access=request.access),
            "copyable": instrument_selectors.copyable_versions(organisation=request.organisation),
            "form": InstrumentCreateForm(**choice),
            "import_form": ImportForm(**choice),
        },
    )


@organisation_view()
def instrument_import(request):
    """A new own instrument from a YAML or XLSX file; a bad file changes nothing."""
    _check_builder(request)
    form = ImportForm(request.POST or None, request.FILES or None, **_team_choice(request))
    if request.method == "POST" and form.is_valid():
        try:
            instrument = instrument_files.instrument_import(
                organisation=request.organisation,
                upload=form.cleaned_data["upload"],
                title=form.cleaned_data["title"],
                team=form.cleaned_data.get("team"),
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, _("The instrument was imported. Check it before you send it.")
            )
            return redirect(_detail_url(request, instrument))
    return _form_page(request, form, title=_("Import an instrument"), instrument=None)


# The files an instrument exports to, by extension: what writes one, and its content type.
_EXPORTS = {
    "yaml": (instrument_files.instrument_yaml, "application/yaml; charset=utf-8"),
    "xlsx": (
        instrument_files.instrument_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


def _export(request, pk, extension: str) -> HttpResponse:
    """The draft (the newest version) as a file named after the instrument's code and the
    version's number."""
    instrument = get_instrument_for_access(request.access, pk)
    version = builder.latest_version(instrument)
    write, content_type = _EXPORTS[extension]
    response = HttpResponse(write(version), content_type=content_type)
    filename = f"{instrument.code}-v{version.number}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@organisation_view()
def instrument_yaml(request, pk):
    return _export(request, pk, "yaml")


@organisation_view()
def instrument_xlsx(request, pk):
    return _export(request, pk, "xlsx")


@organisation_view()
def instrument_create(request):
    _check_builder(request)
    form = InstrumentCreateForm(request.POST or None, **_team_choice(request))
    if request.method == "POST" and form.is_valid():
        try:
            instrument = builder.instrument_create(
                organisation=request.organisation,
                title_nl=form.cleaned_data["title_nl"],
                title_en=form.cleaned_data["title_en"],
                kind=form.cleaned_data["kind"],
                team=form.cleaned_data.get("team"),
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The instrument was made. Now add its questions."))
            return redirect(_detail_url(request, instrument))
    return _form_page(request, form, title=_("New instrument"), instrument=None)


@require_POST
@organisation_view()
def instrument_copy(request, pk):
    """Copy and adapt a shipped or shared instrument (its newest version) into an own one."""
    _check_builder(request)
    allowed = instrument_selectors.copyable_versions(organisation=request.organisation)
    version = next((v for v in allowed if v.pk == pk), None)
    if version is None:
        raise Http404
    teams = builder_teams(request.access)
    team = teams.filter(pk=request.POST.get("team") or 0).first()
    if team is None and not request.access.can_manage:
        team = teams.first()
    try:
        instrument = builder.instrument_copy(
            version=version, organisation=request.organisation, team=team, actor=request.user
        )
    except LeerkringError as error:
        messages.error(request, error.message)
        return redirect("surveys:instrument_list", slug=request.organisation.slug)
    messages.success(request, _("The instrument was copied. Adapt it as you like."))
    return redirect(_detail_url(request, instrument))


@vary_on_headers("HX-Request")
@organisation_view()
def instrument_detail(request, pk):
    instrument = get_instrument_for_access(request.access, pk)
    version = instrument_selectors.builder_version(instrument=instrument)
    context = {
        "instrument": instrument,
        "version": version,
        "share_form": ShareForm(
            instrument=instrument, initial={"shared_with": instrument.shared_with}
        ),
        "group_labels": [RaterGroup.Kind(kind).label for kind in version.rater_groups],
    }
    if version.number > 1 and not request.htmx:
        current = [item for d in version.ordered_dimensions for item in d.ordered_items]
        context["pairing"] = pair_items(
            instrument_selectors.previous_items(instrument=instrument, number=version.number),
            current,
        )
    if request.htmx:
        return render(request, "surveys/instrument_detail.html#builder_list", context)
    return render(request, "surveys/instrument_detail.html", context)


@organisation_view()
def instrument_edit(request, pk):
    """Title, introduction and who answers: the version's own fields."""
    instrument = get_instrument_for_access(request.access, pk)
    version = builder.latest_version(instrument)
    initial = {
        "title_nl": version.title_nl,
        "title_en": version.title_en,
        "intro_nl": version.intro_nl,
        "intro_en": version.intro_en,
        "rater_groups": version.rater_groups,
    }
    form = VersionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            edit = builder.version_update(
                instrument=instrument, actor=request.user, **form.cleaned_data
            )
        except LeerkringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            _edited(request, edit, _("Saved."))
            return redirect(_detail_url(request, instrument))
    return _form_page(
        request, form, title=_("Title, introduction and raters"), instrument=instrument
    )


@require_POST
@organisation_view()
def instrument_share(request, pk):
    instrument = get_instrument_for_access(request.access, pk)
    if not request.access.can_manage:
        raise PermissionDenied
    form = ShareForm(request.POST, instrument=instrument)
    if form.is_valid():
        try:
            builder.instrument_share(
                instrument=instrument,
                shared_with=form.cleaned_data["shared_with"],
                actor=request.user,
            )
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Sharing was saved."))
    else:
        messages.error(request, _("Choose with whom to share."))
    return redirect(_detail_url(request, instrument, "sharing"))


def _form_page(request, form, *, title, instrument, row=None, part=None):
    return render(
        request,
        "surveys/builder_form.html",
        {"form": form, "title": title, "instrument": instrument, "row": row, "part": part},
    )


class _PreviewRound:
    """What the answer page reads of a round, for a preview that no one answers."""

    pk = 0
    label = gettext_lazy("preview")

    def __init__(self):
        self.closes_on = timezone.localdate() + datetime.timedelta(days=14)


class _PreviewSurvey:
    def __init__(self, version: InstrumentVersion, organisation):
        self.title = version.title
        self.organisation = organisation
        self.subject = None
        self.version = version


@organisation_view()
def instrument_preview(request, pk):
    """The answer page of the draft, framed at phone width."""
    instrument = get_instrument_for_access(request.access, pk)
    version = builder.latest_version(instrument)
    return render(
        request, "surveys/instrument_preview.html", {"instrument": instrument, "version": version}
    )


# The one page Leerkring lets itself frame: the builder's preview at phone width.
@csp_replace({"frame-ancestors": [SELF]})
@xframe_options_sameorigin
@organisation_view()
def instrument_preview_frame(request, pk):
    """The answer page of the draft as a rater of its first group reads it, in the language
    chosen on it (`?lang=`), as the answer page does."""
    instrument = get_instrument_for_access(request.access, pk)
    language = request.GET.get("lang")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    with translation.override(language):
        return _preview(request, instrument)


def _preview(request, instrument):
    version = instrument_selectors.builder_version(instrument=instrument)
    kind = (version.rater_groups or ["staff"])[0]
    items = [
        item
        for dimension in version.ordered_dimensions
        for item in dimension.ordered_items
        if item.is_for(kind)
    ]
    for dimension in version.ordered_dimensions:
        for item in dimension.ordered_items:
            item.dimension = dimension  # already read: grouping compares the same objects
    questions = [q for q in version.open_questions.all() if q.is_for(kind)]
    sections, open_fields = _sections(items, questions, {}, {}, kind)
    context = {
        "survey": _PreviewSurvey(version, request.organisation),
        "round": _PreviewRound(),
        "intro": version.intro_for(kind),
        "sections": sections,
        "open_fields": open_fields,
        "item_count": len(items),
        "preview": True,
    }
    return render(request, "surveys/answer.html", context)
