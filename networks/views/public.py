"""The public catalogue (no login), the registration form and the offer link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from core.pagination import paginate
from organisations.models import Organisation

from .. import selectors
from ..forms import ApplicationForm, CatalogueFilterForm
from ..ical import calendar_response
from ..models import Application, Edition, Programme
from ..services import registration, selection


def _provider(provider_slug):
    return get_object_or_404(Organisation, slug=provider_slug, kind=Organisation.Kind.PROVIDER)


def _public_edition(provider_slug, pk) -> Edition:
    """The edition of a published programme of this provider, or a 404."""
    return get_object_or_404(
        Edition.objects.select_related("programme__provider", "programme__trainer__user"),
        pk=pk,
        programme__provider__slug=provider_slug,
        programme__is_published=True,
    )


def catalogue(request, provider_slug=None):
    """A provider's catalogue, or without a provider the catalogue of all providers."""
    provider = _provider(provider_slug) if provider_slug else None
    themes, months, places = selectors.catalogue_filter_values(provider)
    form = CatalogueFilterForm(request.GET or None, themes=themes, months=months, places=places)
    filters = form.cleaned_data if form.is_valid() else {}
    editions = selectors.catalogue(provider, **{k: v for k, v in filters.items() if v})
    page = paginate(request, editions)
    template = "networks/_catalogue_results.html" if request.htmx else "networks/catalogue.html"
    return render(request, template, {"provider": provider, "form": form, "page": page})


def programme_detail(request, provider_slug, pk):
    programme = get_object_or_404(
        Programme.objects.select_related("provider", "trainer__user").prefetch_related(
            "literature"
        ),
        pk=pk,
        provider__slug=provider_slug,
        is_published=True,
    )
    editions = selectors.public_editions(programme.provider).filter(programme=programme)
    return render(
        request,
        "networks/programme_public.html",
        {"programme": programme, "provider": programme.provider, "editions": editions},
    )


def edition_detail(request, provider_slug, pk):
    edition = _public_edition(provider_slug, pk)
    return render(
        request,
        "networks/edition_public.html",
        {
            "edition": edition,
            "programme": edition.programme,
            "provider": edition.programme.provider,
            "sessions": selectors.edition_sessions(edition).filter(group=None),
            "free": registration.free_places(edition),
        },
    )


def edition_ical(request, provider_slug, pk):
    edition = _public_edition(provider_slug, pk)
    return calendar_response(
        selectors.edition_sessions(edition).filter(group=None),
        name=str(edition),
        filename=f"{edition.programme.code}-{edition.pk}.ics",
    )


@login_required
def register(request, provider_slug, pk):
    """The registration form. The colleagues a leader may register with them are read only
    when asked for (`?colleagues=all`): as a fragment for HTMX, within the page without
    JavaScript, and always when a sent form comes back with its choices."""
    edition = _public_edition(provider_slug, pk)
    show_colleagues = request.GET.get("colleagues") == "all"
    if request.htmx and show_colleagues:
        form = ApplicationForm(user=request.user, questions=[], with_colleagues=True)
        return render(request, "networks/_register_colleagues.html", {"form": form})
    questions = list(edition.programme.questions.order_by("position", "pk"))
    data = request.POST if request.method == "POST" else None
    form = ApplicationForm(
        data,
        user=request.user,
        questions=questions,
        with_colleagues=data is not None or show_colleagues,
    )
    if request.method == "POST" and edition.registration_open and form.is_valid():
        colleagues = form.cleaned_data["colleagues"]
        people = form.people(request.user)
        try:
            application = registration.application_submit(
                edition_id=edition.pk,
                applicant=request.user,
                people=people,
                school=form.cleaned_data["school"],
                schools={m.user_id: m.organisation for m in colleagues},
                answers=form.answers(),
            )
        except LeerkringError as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, error.message)
        else:
            messages.success(request, _result_message(application, len(people)))
            return redirect("networks:my_application", pk=application.pk)
    return render(
        request,
        "networks/register.html",
        {
            "edition": edition,
            "programme": edition.programme,
            "provider": edition.programme.provider,
            "form": form,
            "free": registration.free_places(edition),
            "show_colleagues": show_colleagues,
        },
    )


def _result_message(application, size):
    Status = Application.Status
    if application.status == Status.ACCEPTED:
        if size > 1:
            return _("The registration of your group of %(size)d is accepted. Welcome!") % {
                "size": size
            }
        return _("Your registration is accepted. Welcome!")
    if application.status == Status.SUBMITTED:
        return _("Your application was received. The provider will let you know.")
    position = registration.waitlist_position(application)
    if application.edition.counts_groups:
        return _(
            "This edition has no group place left, so your group is on the waiting list, as "
            "number %(position)d. You get a mail when a group place frees up."
        ) % {"position": position}
    if size > 1:
        return _(
            "There are not enough free places for your group of %(size)d, so the whole group "
            "is on the waiting list, as number %(position)d. You get a mail when places free up."
        ) % {"size": size, "position": position}
    return _(
        "This edition is full. You are on the waiting list as number %(position)d. "
        "You get a mail when a place frees up."
    ) % {"position": position}


def offer(request, token):
    application = (
        Application.objects.filter(offer_token=token)
        .select_related("edition__programme__provider", "applicant")
        .first()
    )
    if application is None:
        raise Http404
    return render(request, "networks/offer.html", {"application": application})


@require_POST
def offer_answer(request, token):
    if not Application.objects.filter(offer_token=token).exists():
        raise Http404
    accept = request.POST.get("answer") == "accept"
    try:
        selection.offer_respond(
            token=token, accept=accept, base_url=request.build_absolute_uri("/")
        )
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        if accept:
            messages.success(request, _("You accepted the place. Welcome!"))
        else:
            messages.success(request, _("You declined the place. It goes to the next person."))
    return redirect("networks:offer", token=token)
