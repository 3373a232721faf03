"""PLG's on a school leader's overview: how many are active. The PLG overview says which
have stalled; working that out here would cost the starting page more than it tells."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import PLG


def sections(request) -> list[dict]:
    school = request.organisation
    active = PLG.objects.filter(organisation=school, status=PLG.Status.ACTIVE).count()
    return [
        {
            "template": "core/_overview_card.html",
            "title": _("Professional learning communities"),
            "figure": active,
            "summary": ngettext("active PLG", "active PLG's", active),
            "attention": False,
            "items": [],
            "url": reverse("communities:coach_overview", kwargs={"slug": school.slug}),
            "link_label": _("See which PLG's have stalled"),
        }
    ]
