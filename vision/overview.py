"""The school's latest vision process on a school leader's overview: its phase, how many
contributions came in, and which stakeholder groups have not contributed yet (a vision
should be carried by all of them)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import selectors
from .models import VisionProcess


def sections(request) -> list[dict]:
    school = request.organisation
    process = VisionProcess.objects.filter(organisation=school).order_by("-created_at").first()
    list_url = reverse("vision:process_list", kwargs={"slug": school.slug})
    if process is None:
        return [
            {
                "template": "core/_overview_card.html",
                "title": _("Vision"),
                "figure": "–",
                "summary": _("No vision process yet."),
                "attention": False,
                "items": [],
                "url": list_url,
                "link_label": _("Start a vision process"),
            }
        ]
    groups = selectors.groups_of(process)
    silent = [g for g in groups if g.contribution_count == 0]
    total = sum(g.contribution_count for g in groups)
    url = reverse("vision:process_detail", kwargs={"slug": school.slug, "pk": process.pk})
    summary = (
        ngettext("contribution so far", "contributions so far", total)
        + f" · {process.get_phase_display()}"
    )
    return [
        {
            "template": "core/_overview_card.html",
            "title": _("Vision: %(title)s") % {"title": process.title},
            "figure": total,
            "summary": summary,
            "attention": bool(silent) and not process.is_published,
            "items": [
                (_("%(group)s: no contributions yet") % {"group": g.name}, url) for g in silent
            ],
            "url": url,
            "link_label": _("Open the vision process"),
        }
    ]
