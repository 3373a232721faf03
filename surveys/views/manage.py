"""Creating surveys, inviting raters, following progress and starting the post round."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from core.errors import LeerkringError
from core.pagination import paginate
from organisations.access import organisation_view

from .. import instrument_selectors, selectors, services
from ..access import (
    can_share,
    can_share_with_provider,
    can_view_report,
    get_survey_for_access,
    subject_can_sign_in,
)
from ..forms import (
    InstrumentChoiceForm,
    InviteesForm,
    ProviderShareForm,
    RoundForm,
    ShareForm,
    SurveyCreateForm,
    ThresholdForm,
    chosen_version,
)
from ..instrument_selectors import sendable_versions
from ..version_pairs import pair_items


def _link_for(request):
    return lambda token: request.build_absolute_uri(reverse("surveys:answer", args=[token]))


def _open_links(request, round_):
    groups = selectors.round_open_links(round_=round_)
    for group in groups:
        if group.link:
            path = reverse("surveys:open_answer", args=[group.link.token])
            group.url = request.build_absolute_uri(path)
    return groups


def _detail(request, survey):
    return redirect("surveys:survey_detail", slug=request.organisation.slug, pk=survey.pk)


def _managed_survey(request, pk):
    survey, can_manage = get_survey_for_access(request.access, pk)
    if not can_manage:
        raise PermissionDenied
    return survey


def _sends_surveys(organisation) -> bool:
    """Schools send surveys of every kind; a provider sends evaluations (see
    `sendable_versions`), such as a course evaluation with its own questions."""
    return organisation.is_school or organisation.is_provider


@organisation_view()
def survey_list(request):
    if not _sends_surveys(request.organisation):
        raise Http404
    page = paginate(request, selectors.survey_list(access=request.access))
    return render(request, "surveys/survey_list.html", {"page": page})


@vary_on_headers("HX-Request")
@organisation_view(manage=True)
def survey_create(request):
    """A new survey in two steps: the instrument (`?version=`), then the fields that
    instrument has. HTMX swaps the second step in when the instrument changes."""
    if not _sends_surveys(request.organisation):
        raise Http404
    versions = sendable_versions(organisation=request.organisation)
    source = request.POST if request.method == "POST" else request.GET
    version = chosen_version(versions, source.get("version"))
    chooser = InstrumentChoiceForm(
        versions=versions,
        organisation=request.organisation,
        initial={"version": version and version.pk},
    )
    form = None
    if version is not None:
        form = SurveyCreateForm(
            request.POST or None, organisation=request.organisation, version=version
        )
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            survey = services.survey_create(
                organisation=request.organisation,
                version=form.cleaned_data["version"],
                title=form.cleaned_data["title"],
                subject=form.cleaned_data["subject"],
                opens_on=form.cleaned_data["opens_on"],
                closes_on=form.cleaned_data["closes_on"],
                actor=request.user,
                rater_groups=form.cleaned_data["rater_groups"],
                language=form.cleaned_data["language"] or None,
            )
        except LeerkringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The survey was created. Now invite the raters."))
            return _detail(request, survey)
    context = {"chooser": chooser, "form": form}
    if request.htmx and request.method == "GET":
        return render(request, "surveys/_survey_fields.html", context)
    return render(request, "surveys/survey_form.html", context)


@vary_on_headers("HX-Request")
@organisation_view()
def survey_detail(request, pk):
    """The progress of the current round, with inviting (managers) and sharing (the subject
    of a 360°). Three lists are read only when the reader asks for them, as a fragment for
    HTMX or within the page without JavaScript: the colleagues to invite (`?people=all`,
    searched with `&q=`), the round's invitees (`?invitees=all`) and the colleagues matching
    a search for whom to share with (`?colleague=`)."""
    survey, can_manage = get_survey_for_access(request.access, pk)
    sharing = can_share(request.access, survey)
    asked = {
        "people": can_manage and request.GET.get("people") == "all",
        "invitees": can_manage and request.GET.get("invitees") == "all",
        "colleague": sharing and "colleague" in request.GET,
    }
    colleague = request.GET.get("colleague", "").strip()[:100] if asked["colleague"] else ""
    if request.htmx and any(asked.values()):
        return _fragment(request, survey, asked, colleague)

    rounds = selectors.survey_rounds(survey=survey)
    current = rounds[-1]
    progress = selectors.round_progress(round_=current)
    context = {
        "survey": survey,
        "rounds": rounds,
        "current": current,
        "can_manage": can_manage,
        "can_view_report": can_view_report(request.access, survey),
        "subject_can_sign_in": survey.is_360 and subject_can_sign_in(survey),
        "progress": progress,
        "sharing": sharing,
    }
    if can_manage:
        context["open_links"] = _open_links(request, current)
        context["invited"] = sum(group.invited for group in progress)
        context["unsent"] = sum(group.invited - group.sent for group in progress)
        if asked["invitees"]:
            context["invitees"] = selectors.round_invitees(round_=current)
        if not current.is_finished():
            groups = [(group.pk, str(group)) for group in progress if group.kind != "self"]
            people = (
                selectors.school_people(organisation=survey.organisation, query=_query(request))
                if asked["people"]
                else None
            )
            context["invite_form"] = InviteesForm(
                survey=survey, group_choices=groups, people=people
            )
            context["people_query"] = _query(request)
        context["round_form"] = RoundForm() if len(rounds) == 1 else None
    if sharing:
        context["shared_with"] = selectors.shared_with_names(survey=survey)
        context["colleague"] = colleague
        if asked["colleague"]:
            context.update(_share_results(survey, colleague))
    if can_share_with_provider(request.access, survey):
        # The provider form posts to survey_share_provider, which validates it.
        context["providers"] = selectors.providers_for_sharing(survey=survey)
        context["shared_providers"] = [p for p in context["providers"] if p.shared]
    return render(request, "surveys/survey_detail.html", context)


def _query(request) -> str:
    """The words the manager searches the staff members for."""
    return request.GET.get("q", "").strip()[:100]


def _fragment(request, survey, asked: dict, colleague: str):
    """The one list of the progress page an HTMX request asked for."""
    if asked["people"]:
        people = selectors.school_people(organisation=survey.organisation, query=_query(request))
        form = InviteesForm(survey=survey, people=people)
        return render(request, "surveys/_progress_people.html", {"invite_form": form})
    if asked["invitees"]:
        invitees = selectors.round_invitees(round_=survey.rounds.last())
        return render(request, "surveys/_progress_invitees.html", {"invitees": invitees})
    return render(
        request, "surveys/_progress_share_results.html", _share_results(survey, colleague)
    )


def _share_results(survey, colleague: str) -> dict:
    found, people = selectors.share_candidates(survey=survey, query=colleague)
    return {"survey": survey, "colleague": colleague, "found": found, "candidates": people}


@require_POST
@organisation_view()
def invitees_add(request, pk):
    survey = _managed_survey(request, pk)
    form = InviteesForm(request.POST, survey=survey)
    if form.is_valid():
        try:
            added, skipped = services.invitees_add_batches(
                survey=survey, batches=form.cleaned_data["batches"], actor=request.user
            )
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _invitees_added_message(added, skipped))
            if request.POST.get("then") == "send":
                _send(request, survey)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return _detail(request, survey)


def _invitees_added_message(added: int, skipped: int) -> str:
    message = ngettext("%(added)d invitee added.", "%(added)d invitees added.", added) % {
        "added": added
    }
    if skipped:
        message += " " + ngettext(
            "%(skipped)d was already invited.", "%(skipped)d were already invited.", skipped
        ) % {"skipped": skipped}
    return message


def _send(request, survey) -> None:
    try:
        sent = services.invitations_send(
            survey=survey, link_for=_link_for(request), actor=request.user
        )
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext("%(n)d invitation was sent.", "%(n)d invitations were sent.", sent)
            % {"n": sent},
        )


@require_POST
@organisation_view()
def invitations_send(request, pk):
    survey = _managed_survey(request, pk)
    _send(request, survey)
    return _detail(request, survey)


@require_POST
@organisation_view()
def reminders_send(request, pk):
    survey = _managed_survey(request, pk)
    try:
        sent = services.reminders_send(
            survey=survey, link_for=_link_for(request), actor=request.user
        )
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("A reminder was sent to %(n)s people who have not finished.") % {"n": sent}
        )
    return _detail(request, survey)


def _post_versions(survey) -> tuple[list, object]:
    """The versions a post-measurement may use (a newer one first, then the pre round's) and
    what a comparison across them pairs; one version and no pairing when there is no newer
    one."""
    pre = survey.rounds.select_related("version__instrument").order_by("number").first()
    newer = instrument_selectors.newer_version(version=pre.version)
    if newer is None:
        return [pre.version], None
    pre_items, _questions = selectors.version_questions(pre.version)
    post_items, _questions = selectors.version_questions(newer)
    return [newer, pre.version], pair_items(pre_items, post_items)


@organisation_view()
def round_create(request, pk):
    """Start the post-measurement. When the instrument has a newer version, the leader
    chooses it (the default) or the pre round's, seeing what a comparison would leave out."""
    survey = _managed_survey(request, pk)
    versions, pairing = _post_versions(survey)
    form = RoundForm(request.POST or None, versions=versions)
    if request.method == "POST" and form.is_valid():
        try:
            services.round_start_post(
                survey=survey,
                opens_on=form.cleaned_data["opens_on"],
                closes_on=form.cleaned_data["closes_on"],
                version=form.cleaned_data.get("version"),
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                _("The post-measurement was created with the same invitees. Send it when ready."),
            )
            return _detail(request, survey)
    context = {"form": form, "survey": survey, "pairing": pairing, "versions": versions}
    return render(request, "surveys/round_form.html", context)


@require_POST
@organisation_view()
def threshold_set(request, pk, group_pk):
    survey = _managed_survey(request, pk)
    group = survey.rater_groups.filter(pk=group_pk).first()
    if group is None:
        raise Http404
    form = ThresholdForm(request.POST)
    if form.is_valid():
        try:
            services.threshold_set(
                rater_group=group, threshold=form.cleaned_data["threshold"], actor=request.user
            )
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The threshold was saved."))
    else:
        messages.error(request, _("Enter a whole number of at least 3."))
    return _detail(request, survey)


@require_POST
@organisation_view()
def survey_share(request, pk):
    survey, _can_manage = get_survey_for_access(request.access, pk)
    if not can_share(request.access, survey):
        raise PermissionDenied
    form = ShareForm(request.POST, survey=survey)
    if form.is_valid():
        try:
            services.survey_share(
                survey=survey, membership=form.cleaned_data["person"], actor=request.user
            )
        except LeerkringError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The report is now shared with %(person)s.")
                % {"person": form.cleaned_data["person"].user},
            )
    else:
        messages.error(request, _("Choose a person of this school."))
    return _detail(request, survey)


@organisation_view()
def round_close(request, pk):
    """Closing cannot be undone: a page asks first (no script needed), its form closes."""
    survey = _managed_survey(request, pk)
    if request.method != "POST":
        current = survey.rounds.order_by("-number").first()
        if not current.is_open():
            return _detail(request, survey)
        return render(request, "surveys/round_close.html", {"survey": survey, "current": current})
    try:
        services.round_close(survey=survey, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The round is closed. The report now shows its results."))
    return _detail(request, survey)


@require_POST
@organisation_view()
def survey_share_provider(request, pk):
    survey, _can_manage = get_survey_for_access(request.access, pk)
    if not can_share_with_provider(request.access, survey):
        raise PermissionDenied
    form = ProviderShareForm(request.POST)
    if form.is_valid():
        provider = form.cleaned_data["provider"]
        share = request.POST.get("action") != "withdraw"
        services.survey_share_provider(
            survey=survey, provider=provider, share=share, actor=request.user
        )
        message = (
            _("The report is now shared with %(provider)s.")
            if share
            else _("%(provider)s can no longer read the report.")
        )
        messages.success(request, message % {"provider": provider})
    else:
        messages.error(request, _("Choose a provider."))
    return _detail(request, survey)
