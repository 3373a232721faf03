"""The consultation structure on a school leader's overview: meetings held this school year
that still have no minutes."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import selectors
from .schoolyear import school_year_of


def sections(request) -> list[dict]:
    school = request.organisation
    first, _last = school_year_of(timezone.localdate())
    missing = selectors.meetings_without_minutes(organisation=school, since=first)
    items = []
    for meeting in missing[:5]:
        url = reverse(
            "consultation:meeting_detail",
            kwargs={"slug": school.slug, "pk": meeting.body_id, "meeting_pk": meeting.pk},
        )
        when = formats.date_format(timezone.localtime(meeting.starts_at), "j F")
        items.append((f"{meeting.body.name}, {when}", url))
    return [
        {
            "template": "core/_overview_card.html",
            "title": _("Consultation"),
            "figure": len(missing),
            "summary": ngettext(
                "meeting held this school year without minutes",
                "meetings held this school year without minutes",
                len(missing),
            ),
            "attention": bool(missing),
            "items": items,
            "url": reverse("consultation:calendar", kwargs={"slug": school.slug}),
            "link_label": _("Open the consultation calendar"),
        }
    ]
