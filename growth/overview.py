"""This school year's professionalisation plan on a school leader's overview: its hours and
budget, and the needs nothing answers yet."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from . import selectors


def sections(request) -> list[dict]:
    access = request.access
    slug = {"slug": request.organisation.slug}
    plan = selectors.current_plan(access=access, today=timezone.localdate())
    if plan is None:
        return [
            {
                "template": "core/_overview_card.html",
                "title": _("Professionalisation plan"),
                "figure": "–",
                "summary": _("There is no plan for this school year yet."),
                "attention": True,
                "items": [],
                "url": reverse("growth:plans", kwargs=slug),
                "link_label": _("Make the plan"),
            }
        ]
    totals = selectors.plan_totals(access=access, plan=plan)["total"]
    open_needs = selectors.needs_without_response(plan=plan)
    url = reverse("growth:plan", kwargs={**slug, "pk": plan.pk})
    summary = _("hours planned, € %(budget)s budget") % {
        "budget": number_format(totals["budget"], 2, use_l10n=True)
    }
    return [
        {
            "template": "core/_overview_card.html",
            "title": _("Professionalisation plan %(year)s") % {"year": plan.school_year},
            "figure": number_format(totals["hours"], 0, use_l10n=True),
            "summary": summary,
            "attention": bool(open_needs),
            "items": [
                (_("No response yet: %(need)s") % {"need": need.description[:60]}, url)
                for need in open_needs
            ],
            "url": url,
            "link_label": _("Open the plan"),
        }
    ]
