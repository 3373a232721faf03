"""On a school leader's overview: how many rows of the decision matrix are still unclear, the
island teams, and which team goals are off track."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import goals, islands, matrix, selectors


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
        },
        _islands_section(school),
        _goals_card(school),
    ]


def _goals_card(school) -> dict:
    """Goals whose latest measurement is not on track, or past their deadline unreached: one
    query (every goal of the school with its latest measurement)."""
    today = timezone.localdate()
    rows = list(selectors.school_goals_latest(organisation=school))
    off = [
        goal
        for goal in rows
        if goals.standing(goal, goal.latest_value, goal.latest_date, today).off_track
    ]
    if not rows:
        summary = _("No team has set a goal yet.")
    else:
        summary = ngettext("team goal off track", "team goals off track", len(off))
    items = []
    for goal in off[:5]:
        charter = reverse("teams:charter", kwargs={"slug": school.slug, "pk": goal.team_id})
        items.append((f"{goal.team.name}: {goal.title}", f"{charter}#goal-{goal.pk}"))
    return {
        "template": "core/_overview_card.html",
        "title": _("Team goals"),
        "figure": len(off) if rows else "–",
        "summary": summary,
        "attention": bool(off),
        "items": items,
        "url": reverse("teams:school_goals", kwargs={"slug": school.slug}),
        "link_label": _("See every team's goals"),
    }


def _islands_section(school) -> dict:
    """The island teams: teams that share no colleague, PLG or meeting with another team."""
    found = islands.island_teams(organisation=school)
    slug = school.slug
    return {
        "template": "core/_overview_card.html",
        "title": _("Island teams"),
        "figure": len(found),
        "summary": ngettext(
            "team shares no colleague, PLG or meeting with another team",
            "teams share no colleague, PLG or meeting with another team",
            len(found),
        ),
        "attention": bool(found),
        "items": [
            (team.name, reverse("teams:charter", kwargs={"slug": slug, "pk": team.pk}))
            for team in found[:5]
        ],
        "url": reverse("teams:collaboration", kwargs={"slug": slug}),
        "link_label": _("Open the collaboration between teams"),
    }
