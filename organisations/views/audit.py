"""The audit trail of an organisation, for its administrators: who viewed, exported, imported
or changed sensitive data. Read-only: no page changes or deletes an event."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.pagination import paginate

from .. import exports, selectors
from ..access import organisation_view
from ..forms import AuditFilterForm
from ..models import Membership

PER_PAGE = 50
# A CSV holds at most this many events; narrow the period for more.
EXPORT_LIMIT = 50_000


def _administrator_only(request):
    if request.access.role != Membership.Role.ADMIN:
        raise PermissionDenied


def _filters(request):
    object_types = selectors.audit_object_types(organisation=request.organisation)
    form = AuditFilterForm(request.GET or None, object_types=object_types)
    return form, form.filters()


@organisation_view(manage=True)
def audit_list(request):
    _administrator_only(request)
    form, filters = _filters(request)
    events = selectors.audit_events(organisation=request.organisation, filters=filters)
    context = {"form": form, "page": paginate(request, events, per_page=PER_PAGE)}
    return render(request, "organisations/audit_list.html", context)


@organisation_view(manage=True)
def audit_export(request):
    _administrator_only(request)
    _form, filters = _filters(request)
    events = selectors.audit_events(organisation=request.organisation, filters=filters)
    content = "\ufeff" + exports.audit_csv(events[:EXPORT_LIMIT])
    audit_log(
        actor=request.user,
        action=AuditEvent.Action.EXPORT,
        object_type="accounts.auditevent",
        object_id=request.organisation.pk,
        organisation=request.organisation,
        summary="audit trail csv "
        + " ".join(f"{key}={value}" for key, value in sorted(filters.items())),
    )
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    filename = f"audit-{slugify(request.organisation.name)}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
