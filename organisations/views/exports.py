from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import AuditEvent
from accounts.services import audit_log

from .. import exports, selectors
from ..access import organisation_view
from ..forms import SearchForm

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@organisation_view(manage=True)
def people_export(request, file_format):
    """The staff list with the page's search applied, as CSV or XLSX. Managers only: it puts
    everyone's e-mail address in one file."""
    search = SearchForm(request.GET)
    valid = search.is_valid()
    query = search.cleaned_data["q"] if valid else ""
    not_activated = valid and search.cleaned_data["not_activated"]
    rows = selectors.staff_export(
        organisation=request.organisation, query=query, not_activated=not_activated
    )
    if file_format == "csv":
        # A byte order mark, so that Excel reads the file as UTF-8.
        content = "\ufeff" + exports.staff_csv(rows)
    else:
        content = exports.staff_xlsx(rows)
    audit_log(
        actor=request.user,
        action=AuditEvent.Action.EXPORT,
        object_type="organisations.staff",
        object_id=request.organisation.pk,
        organisation=request.organisation,
        summary=f"{file_format} q={query}" + (" not_activated" if not_activated else ""),
    )
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    filename = f"{slugify(request.organisation.name)}-{timezone.localdate():%Y-%m-%d}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
