"""Development points on a school leader's overview: those waiting for a decision."""

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import selectors


def sections(request) -> list[dict]:
    school = request.organisation
    total, newest = selectors.waiting_points(access=request.access, limit=3)
    url = reverse("development:point_list", kwargs={"slug": school.slug})
    return [
        {
            "template": "core/_overview_card.html",
            "title": _("Development points"),
            "figure": total,
            "summary": ngettext(
                "point waiting for a decision", "points waiting for a decision", total
            ),
            "attention": bool(total),
            "items": [
                (Truncator(point.description).words(8), f"{url}#point-{point.pk}")
                for point in newest
            ],
            "url": f"{url}?status=proposed" if total else url,
            "link_label": _("Open the development points"),
        }
    ]
