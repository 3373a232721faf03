"""Value stream maps on a school leader's overview: each map with its flow efficiency, read in
one query."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import flow, selectors


def sections(request) -> list[dict]:
    school = request.organisation
    maps = list(selectors.school_maps(organisation=school))
    url = reverse("valuestreams:map_list", kwargs={"slug": school.slug})
    items = []
    for item in maps[:5]:
        efficiency = flow.efficiency(item.process_total, item.lead_total)
        label = _("%(map)s: flow efficiency %(percent)s") % {
            "map": item,
            "percent": "–" if efficiency is None else f"{round(efficiency * 100)}%",
        }
        link = reverse("valuestreams:map_detail", kwargs={"slug": school.slug, "pk": item.pk})
        items.append((label, link))
    return [
        {
            "template": "core/_overview_card.html",
            "title": _("Value stream maps"),
            "figure": len(maps),
            "summary": ngettext("process mapped", "processes mapped", len(maps)),
            "attention": False,
            "items": items,
            "url": url,
            "link_label": _("Open the value stream maps"),
        }
    ]
