"""The learning journal: my entries (list, new, edit, delete) and what others shared with me."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import LeerkringError
from organisations.access import organisation_view

from .. import selectors, services
from ..access import can_keep_journal
from ..forms import JournalEntryForm


def _author(request):
    if not can_keep_journal(request.access):
        raise Http404
    return request.access


@organisation_view()
def journal(request):
    access = _author(request)
    context = {
        "entries": selectors.journal_of(access=access),
        "shared_count": selectors.journal_shared_with(user=request.user).count(),
    }
    return render(request, "growth/journal.html", context)


def _form(request, entry=None):
    access = _author(request)
    initial = {} if entry else {"date": timezone.localdate()}
    form = JournalEntryForm(
        request.POST or None,
        instance=entry,
        initial=initial,
        coaches=selectors.sharing_coaches(access=access),
        groups=selectors.sharing_groups(access=access),
        plgs=selectors.sharing_plgs(access=access),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.journal_entry_save(
                access=access,
                entry=entry,
                date=data["date"],
                what_happened=data["what_happened"],
                what_i_learned=data["what_i_learned"],
                what_i_will_try=data["what_i_will_try"],
                sharing=data["sharing"],
                coach=data.get("coach"),
                learning_group=data.get("learning_group"),
                plg=data.get("plg"),
            )
        except LeerkringError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Your journal entry was saved."))
            return redirect("growth:journal", slug=request.organisation.slug)
    return render(request, "growth/journal_form.html", {"form": form, "entry": entry})


@organisation_view()
def journal_new(request):
    return _form(request)


@organisation_view()
def journal_edit(request, pk):
    return _form(request, selectors.journal_entry_of_author(access=_author(request), pk=pk))


@organisation_view()
def journal_delete(request, pk):
    access = _author(request)
    entry = selectors.journal_entry_of_author(access=access, pk=pk)
    if request.method == "POST":
        services.journal_entry_delete(access=access, entry=entry)
        messages.success(request, _("The journal entry was deleted."))
        return redirect("growth:journal", slug=request.organisation.slug)
    return render(request, "growth/journal_delete.html", {"entry": entry})


@organisation_view()
def journal_shared(request):
    entries = selectors.journal_shared_with(user=request.user)
    return render(request, "growth/journal_shared.html", {"entries": entries})
