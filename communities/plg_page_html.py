"""The meeting lists of the PLG page, written in one pass.

Through the template language every meeting took a reversed URL, a formatted date and a
counted translation in their own nodes. The markup and its translations are those of the
template lines they replace (pinned by a test)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from core.pk_url import PkUrl


def meeting_links_html(meetings, *, plg, past: bool) -> str:
    """One list item per meeting, linked to its page: a coming meeting with its day, time and
    place, a past one with its date, phase and the members present (`present`)."""
    # One URL reversed for the list, each meeting's own number written into it.
    meeting_url = PkUrl(
        "communities:meeting_detail",
        {"slug": plg.organisation.slug, "pk": plg.pk},
        key="meeting_pk",
    ).html
    online = gettext("online")
    items = []
    for meeting in meetings:
        url = meeting_url(meeting.pk)
        starts_at = timezone.localtime(meeting.starts_at)
        if past:
            phase = plg.cycle.phase(meeting.phase)
            present = ngettext("%(counter)s present", "%(counter)s present", meeting.present)
            text = "{} · {}".format(
                phase.name if phase else meeting.phase, present % {"counter": meeting.present}
            )
            label = date_format(starts_at, "j F Y")
        else:
            text, label = meeting.place or online, date_format(starts_at, "l j F Y, H:i")
        items.append(f'\n    <li><a href="{url}">{escape(label)}</a> · {escape(text)}</li>')
    return mark_safe("".join(items) + "\n  ")  # noqa: S308 - escaped as written
