import os

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.pagination import paginate
from core.pdf import pdf_response, render_pdf
from organisations.access import organisation_view

from .. import selectors_library, services
from ..access import get_product_for_access, get_resource_for_access, plg_view
from ..library_forms import ProductForm, ProductSearchForm, ResourceForm
from ..models import ProductReaction
from ._helpers import apply_error, plg_redirect


def _download(field_file):
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(field_file.name))


@plg_view()
def resource_list(request, plg):
    access = request.plg_access
    form = None
    if access.can_curate:
        form = ResourceForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.resource_add(plg=plg, actor=request.user, **form.cleaned_data)
            except LeerkringError as error:
                apply_error(form, error)
            else:
                messages.success(request, _("The resource was added to the library."))
                return plg_redirect(plg, "communities:resource_list")
    elif request.method == "POST":
        raise PermissionDenied
    tag = request.GET.get("tag", "").strip()[:60]
    context = {
        "plg": plg,
        "pa": access,
        "form": form,
        "tag": tag,
        "page": paginate(request, selectors_library.resources(plg=plg, tag=tag)),
    }
    return render(request, "communities/resource_list.html", context)


@require_POST
@plg_view()
def resource_delete(request, plg, resource_pk):
    if not request.plg_access.can_curate:
        raise PermissionDenied
    resource = get_resource_for_access(request.plg_access, resource_pk)
    services.resource_delete(resource=resource, actor=request.user)
    messages.success(request, _("The resource was removed."))
    return plg_redirect(plg, "communities:resource_list")


@plg_view()
def resource_file(request, plg, resource_pk):
    return _download(get_resource_for_access(request.plg_access, resource_pk).file)


@plg_view()
def product_create(request, plg):
    access = request.plg_access
    if not access.can_contribute:
        raise PermissionDenied
    owner = plg.organisation
    form = ProductForm(
        request.POST or None,
        request.FILES or None,
        can_share_with_community=bool(owner.parent_id or owner.kind == "community"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            product = services.product_publish(plg=plg, actor=request.user, **form.cleaned_data)
        except LeerkringError as error:
            apply_error(form, error)
        else:
            messages.success(
                request, _("“%(title)s” was published for your colleagues.") % {"title": product}
            )
            return plg_redirect(plg)
    return render(request, "communities/product_form.html", {"plg": plg, "form": form})


@organisation_view()
def product_search(request):
    form = ProductSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    results = selectors_library.product_search(
        organisation=request.organisation, user=request.user, **filters
    )
    # Cards are larger than table rows: 24 a page keeps the page light to render.
    context = {"form": form, "page": paginate(request, results, per_page=24), "filters": filters}
    return render(request, "communities/product_search.html", context)


@organisation_view()
def product_detail(request, product_pk):
    product = selectors_library.product_with_reactions(
        product=get_product_for_access(request.access, product_pk), user=request.user
    )
    context = {
        "product": product,
        "my_plgs": list(selectors_library.plgs_i_curate(user=request.user)),
    }
    return render(request, "communities/product_detail.html", context)


@require_POST
@organisation_view()
def product_reuse_in(request, product_pk):
    product = get_product_for_access(request.access, product_pk)
    try:
        plg_pk = int(request.POST.get("plg", ""))
    except ValueError:
        raise Http404 from None
    plg = selectors_library.plgs_i_curate(user=request.user).filter(pk=plg_pk).first()
    if plg is None:
        raise Http404
    try:
        services.product_reuse_in(product=product, plg=plg, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("“%(title)s” is now in the library of %(plg)s.")
            % {"title": product.title, "plg": plg.name},
        )
    return redirect(
        "communities:product_detail", slug=request.organisation.slug, product_pk=product.pk
    )


@require_POST
@organisation_view()
def product_react(request, product_pk, kind):
    if kind not in ProductReaction.Kind.values:
        raise Http404
    product = get_product_for_access(request.access, product_pk)
    services.product_react(product=product, user=request.user, kind=kind)
    if request.htmx:
        product = selectors_library.product_with_reactions(product=product, user=request.user)
        return render(request, "communities/_reactions.html", {"product": product})
    if kind == ProductReaction.Kind.THANKS:
        messages.success(request, _("Your thanks were passed on to the PLG."))
    else:
        messages.success(request, _("The PLG will see that you reuse their work."))
    return redirect(
        "communities:product_detail", slug=request.organisation.slug, product_pk=product.pk
    )


@organisation_view()
def product_file(request, product_pk):
    return _download(get_product_for_access(request.access, product_pk).file)


def _year(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return selectors_library.current_school_year()
    return year if 2000 <= year <= 2100 else selectors_library.current_school_year()


def _report_context(request, plg):
    year = _year(request)
    return {"plg": plg, **selectors_library.yearly_report(plg=plg, year=year)}


def _audit_provider_read(request, plg) -> None:
    """A provider reading a school's PLG report is logged, as every cross-tenant read is."""
    if request.plg_access.via_provider:
        audit_log(
            actor=request.user,
            action=AuditEvent.Action.VIEW,
            obj=plg,
            organisation=plg.organisation,
            summary="report read by provider",
        )


@organisation_view()
def shared_reports(request):
    """A provider's list of the PLG's whose report schools shared with it."""
    plgs = selectors_library.plgs_shared_with(provider=request.organisation)
    return render(request, "communities/shared_reports.html", {"page": paginate(request, plgs)})


@plg_view(provider_ok=True)
def plg_report(request, plg):
    _audit_provider_read(request, plg)
    context = _report_context(request, plg)
    context["years"] = range(selectors_library.current_school_year(), plg.created_at.year - 2, -1)
    return render(request, "communities/plg_report.html", context)


@plg_view(provider_ok=True)
def plg_report_pdf(request, plg):
    # A PDF leaves the platform: every download is logged, by whoever makes it.
    audit_log(
        actor=request.user,
        action=AuditEvent.Action.EXPORT,
        obj=plg,
        organisation=plg.organisation,
        summary="yearly report pdf" + (" by provider" if request.plg_access.via_provider else ""),
    )
    context = _report_context(request, plg)
    pdf = render_pdf(request, "communities/plg_report_pdf.html", context)
    return pdf_response(pdf, filename=f"jaarverslag-plg-{plg.pk}.pdf", inline=True)
