"""Provider staff manage their catalogue: programmes, their questions, editions."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import ordering
from core.errors import LeerkringError

from .. import selectors
from ..access import (
    get_edition_for_access,
    get_programme_for_access,
    get_question_for_access,
    provider_view,
)
from ..forms import DeadlineForm, EditionForm, ProgrammeForm, QuestionForm
from ..models import Edition
from ..services import catalogue as services


def save_form(
    request, form, *, title, back, success=None, cancel_url=None, template="networks/form.html"
):
    """Validate a ModelForm, save its instance through the service, and redirect to
    `success(instance)`; otherwise render the shared form page. By default both saving and
    cancelling return to the page of `back` (the edition or programme being worked on)."""
    cancel_url = cancel_url or page_url(request, back)
    success = success or (lambda instance: cancel_url)
    if request.method == "POST" and form.is_valid():
        try:
            instance = services.object_save(
                instance=form.save(commit=False), provider=request.organisation, actor=request.user
            )
        except LeerkringError as error:
            form.add_error(None, error.message)
        else:
            form.save_m2m()
            messages.success(request, _("Saved."))
            return redirect(success(instance))
    return render(
        request,
        template,
        {"form": form, "title": title, "back": back, "cancel_url": cancel_url},
    )


@provider_view
def programme_list(request):
    return render(
        request,
        "networks/manage/programme_list.html",
        {"programmes": selectors.provider_programmes(request.organisation)},
    )


def programme_url(request, programme):
    return reverse(
        "networks:programme_manage", kwargs={"slug": request.organisation.slug, "pk": programme.pk}
    )


@provider_view
def programme_create(request):
    form = ProgrammeForm(request.POST or None, provider=request.organisation)
    return save_form(
        request,
        form,
        title=_("New programme"),
        back=None,
        success=lambda p: programme_url(request, p),
        cancel_url=reverse("networks:programme_list", kwargs={"slug": request.organisation.slug}),
    )


@provider_view
def programme_detail(request, pk):
    programme = get_programme_for_access(request.access, pk)
    editions = selectors.public_editions(request.organisation).filter(programme=programme)
    return render(
        request,
        "networks/manage/programme_detail.html",
        {
            "programme": programme,
            "editions": editions,
            "questions": programme.questions.all(),
            "question_form": QuestionForm(programme=programme),
        },
    )


@provider_view
def programme_edit(request, pk):
    programme = get_programme_for_access(request.access, pk)
    form = ProgrammeForm(request.POST or None, instance=programme, provider=request.organisation)
    return save_form(
        request,
        form,
        title=_("Edit programme"),
        back=programme,
    )


@provider_view
def question_create(request, pk):
    programme = get_programme_for_access(request.access, pk)
    form = QuestionForm(request.POST or None, programme=programme)
    return save_form(
        request,
        form,
        title=_("New question"),
        back=programme,
    )


@require_POST
@provider_view
def question_delete(request, pk):
    question = get_question_for_access(request.access, pk)
    try:
        services.question_delete(question=question, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The question was removed."))
    return redirect(programme_url(request, question.programme))


@require_POST
@provider_view
def question_move(request, pk):
    """Move a question up or down; HTMX swaps the list, without JavaScript the page reloads."""
    question = get_question_for_access(request.access, pk)
    direction = ordering.parse(request.POST.get("direction"))
    if direction is None:
        raise Http404
    services.question_move(question=question, direction=direction, actor=request.user)
    programme = question.programme
    if request.htmx:
        return render(
            request,
            "networks/manage/programme_detail.html#question_list",
            {"programme": programme, "questions": programme.questions.all(), "moved": question},
        )
    return redirect(f"{programme_url(request, programme)}#question-{question.pk}")


def page_url(request, obj):
    """The staff page of an edition or a programme."""
    if isinstance(obj, Edition):
        return edition_url(request, obj)
    return programme_url(request, obj)


def edition_url(request, edition):
    return reverse(
        "networks:edition_overview", kwargs={"slug": request.organisation.slug, "pk": edition.pk}
    )


@provider_view
def edition_create(request, pk):
    programme = get_programme_for_access(request.access, pk)
    form = EditionForm(request.POST or None, programme=programme)
    return save_form(
        request,
        form,
        title=_("New edition"),
        back=programme,
        success=lambda e: edition_url(request, e),
        cancel_url=programme_url(request, programme),
    )


@provider_view
def edition_edit(request, pk):
    edition = get_edition_for_access(request.access, pk)
    form = EditionForm(request.POST or None, instance=edition, programme=edition.programme)
    return save_form(request, form, title=_("Edit edition"), back=edition)


@provider_view
def edition_deadline(request, pk):
    edition = get_edition_for_access(request.access, pk)
    form = DeadlineForm(
        request.POST or None, initial={"new_deadline": edition.registration_deadline}
    )
    url = edition_url(request, edition)
    if request.method == "POST" and form.is_valid():
        try:
            services.edition_change_deadline(
                edition_id=edition.pk,
                new_deadline=form.cleaned_data["new_deadline"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except LeerkringError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The registration deadline was changed."))
            return redirect(url)
    return render(
        request,
        "networks/form.html",
        {
            "form": form,
            "title": _("Change the registration deadline"),
            "back": edition,
            "cancel_url": url,
        },
    )
