"""Writes of `growth`. Each checks that the person writing may, validates, and runs in a
transaction; bad input raises a LeerkringError and changes nothing."""

from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from core.errors import LeerkringError
from core.validation import validate
from organisations.access import Access

from . import selectors
from .access import can_keep_journal
from .models import JournalEntry

# Journal ----------------------------------------------------------------------------------


def _check_reader(*, access: Access, sharing: str, coach, learning_group, plg) -> dict:
    """The reader fields for this choice of sharing, each checked against what the author
    may choose; the other readers are cleared."""
    readers = {"coach": None, "learning_group": None, "plg": None}
    if sharing == JournalEntry.Sharing.COACH:
        if coach is None or not selectors.sharing_coaches(access=access).filter(pk=coach.pk):
            raise LeerkringError(_("Choose a coach of your school to share with."), field="coach")
        readers["coach"] = coach
    elif sharing == JournalEntry.Sharing.GROUP:
        groups = selectors.sharing_groups(access=access)
        if learning_group is None or not groups.filter(pk=learning_group.pk):
            raise LeerkringError(
                _("Choose a learning group you take part in."), field="learning_group"
            )
        readers["learning_group"] = learning_group
    elif sharing == JournalEntry.Sharing.PLG:
        if plg is None or not selectors.sharing_plgs(access=access).filter(pk=plg.pk):
            raise LeerkringError(_("Choose a PLG you are a member of."), field="plg")
        readers["plg"] = plg
    elif sharing != JournalEntry.Sharing.PRIVATE:
        raise LeerkringError(_("Choose who may read this entry."), field="sharing")
    return readers


@transaction.atomic
def journal_entry_save(
    *,
    access: Access,
    entry: JournalEntry | None = None,
    date,
    what_happened: str,
    what_i_learned: str = "",
    what_i_will_try: str = "",
    sharing: str = JournalEntry.Sharing.PRIVATE,
    coach=None,
    learning_group=None,
    plg=None,
) -> JournalEntry:
    """Write a new entry in the user's own journal, or change one of their entries."""
    if not can_keep_journal(access):
        raise Http404
    if entry is None:
        entry = JournalEntry(membership=access.membership)
    elif entry.membership_id != access.membership.pk:
        raise Http404
    if not what_happened.strip():
        raise LeerkringError(_("Write down what happened."), field="what_happened")
    readers = _check_reader(
        access=access, sharing=sharing, coach=coach, learning_group=learning_group, plg=plg
    )
    entry.date = date
    entry.what_happened = what_happened.strip()
    entry.what_i_learned = what_i_learned.strip()
    entry.what_i_will_try = what_i_will_try.strip()
    entry.sharing = sharing
    for name, value in readers.items():
        setattr(entry, name, value)
    validate(entry)
    entry.save()
    return entry


@transaction.atomic
def journal_entry_delete(*, access: Access, entry: JournalEntry) -> None:
    if access.membership is None or entry.membership_id != access.membership.pk:
        raise Http404
    entry.delete()
