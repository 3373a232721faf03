"""The decision matrix on a school leader's overview: how many rows are still unclear."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import matrix, selectors


def sections(request) -> list[dict]:
    school = request.organisation
    rows = matrix.rows(
        selectors.matrix_decisions(organisation=school), selectors.matrix_teams(organisation=school)
    )
    unclear = [row for row in rows if row.unclear]
    url = reverse("teams:decision_matrix", kwargs={"slug": school.slug})
    if not rows:
        summary = _("The decision matrix is not filled in yet.")
    else:
        summary = ngettext("decision still unclear", "decisions still unclear", len(unclear))
    return [
        {
            "template": "core/_overview_card.html",
            "title": _("Decision matrix"),
            "figure": len(unclear) if rows else "–",
            "summary": summary,
            "attention": bool(unclear) or not rows,
            "items": [(row.decision.name, f"{url}#unclear") for row in unclear[:5]],
            "url": url,
            "link_label": _("Open the decision matrix"),
        }
    ]
