from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse


def plg_redirect(plg, name="communities:plg_detail", **kwargs):
    return redirect(name, slug=plg.organisation.slug, pk=plg.pk, **kwargs)


def meeting_url(meeting, section: str = "") -> str:
    """The meeting page, at one of its sections (`agenda`, `decisions`, `actions`) if given:
    after a change the reader lands where they were working."""
    plg = meeting.plg
    url = reverse(
        "communities:meeting_detail",
        kwargs={"slug": plg.organisation.slug, "pk": plg.pk, "meeting_pk": meeting.pk},
    )
    return f"{url}#meeting-{section}" if section else url


def form_errors_to_messages(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def apply_error(form, error) -> None:
    """Show a LeerkringError on its field when the form has it, else above the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
