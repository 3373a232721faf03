"""Coverage on a school leader's overview: how many competences of teams are fragile or
missing, by the school's first framework. Two queries: the competences with the school's
rule, and every team member with their current agreed levels and their team's own rules."""

from django.db.models import (
    Case,
    F,
    FilteredRelation,
    IntegerField,
    Q,
    Subquery,
    Value,
    When,
)
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from organisations.models import TeamMembership

from . import coverage
from .access import frameworks_for
from .coverage import Rule, Rules
from .models import Competence, CoverageRule, Framework

SHOWN = 5


def _competences(school):
    first = (
        Framework.objects.filter(frameworks_for(school))
        .annotate(
            own=Case(
                When(organisation=school, then=Value(0)), default=1, output_field=IntegerField()
            )
        )
        .order_by("own", "pk")
        .values("pk")[:1]
    )
    default = CoverageRule.objects.filter(organisation=school, team__isnull=True)
    return list(
        Competence.objects.filter(framework_id=Subquery(first))
        .annotate(
            rule_people=Subquery(default.values("min_people")[:1], output_field=IntegerField()),
            rule_level=Subquery(default.values("min_level")[:1], output_field=IntegerField()),
        )
        .order_by("order", "code", "pk")
    )


def _member_rows(school, competence_ids):
    # The team's own rule for an agreed competence is a join on the (team, competence) unique
    # key rather than a subquery per row: PostgreSQL ran two subqueries for each of the
    # school's team members times the competences.
    return (
        TeamMembership.objects.filter(team__organisation=school)
        .annotate(
            agreed=FilteredRelation(
                "membership__competence_ratings",
                condition=Q(
                    membership__competence_ratings__kind="agreed",
                    membership__competence_ratings__is_current=True,
                    membership__competence_ratings__competence_id__in=competence_ids,
                ),
            ),
            own_rule=FilteredRelation(
                "team__coverage_rules",
                condition=Q(team__coverage_rules__competence_id=F("agreed__competence_id")),
            ),
        )
        .values_list(
            "team_id",
            "team__name",
            "membership_id",
            "agreed__competence_id",
            "agreed__level",
            "own_rule__min_people",
            "own_rule__min_level",
        )
    )


def at_risk(school) -> tuple[list, list]:
    """The framework's competences and the (team name, competence, cell) that are fragile or
    missing, teams by name. Teams without members are left out: they hold nothing yet."""
    competences = _competences(school)
    if not competences:
        return [], []
    first = competences[0]
    rules = Rules(default=Rule(first.rule_people or 2, first.rule_level or 3))
    members, names, levels = {}, {}, {}
    for team_id, name, member, competence, level, people, own_level in _member_rows(
        school, [c.pk for c in competences]
    ):
        names[team_id] = name
        members.setdefault(team_id, [])
        if member not in members[team_id]:
            members[team_id].append(member)
        if competence is not None:
            levels[(member, competence)] = level
            if people is not None:
                rules.overrides[(team_id, competence)] = Rule(people, own_level)
    cells = coverage.school_cells(
        members_by_team=members,
        competence_ids=[c.pk for c in competences],
        levels=levels,
        rules=rules,
    )
    found = [
        (names[team_id], competence, cells[team_id][competence.pk])
        for team_id in sorted(members, key=lambda pk: names[pk])
        for competence in competences
        if cells[team_id][competence.pk].at_risk
    ]
    # Fragile first: the single points of failure are the most urgent to spread.
    found.sort(key=lambda item: item[2].status != coverage.Status.FRAGILE)
    return competences, found


def sections(request) -> list[dict]:
    school = request.organisation
    competences, found = at_risk(school)
    url = reverse("competences:index", kwargs={"slug": school.slug})
    if not competences:
        return [
            {
                "template": "core/_overview_card.html",
                "title": _("Competences"),
                "figure": "–",
                "summary": _("The competences are not set up yet."),
                "attention": True,
                "items": [],
                "url": url,
                "link_label": _("Open the competences"),
            }
        ]
    framework_id = competences[0].framework_id
    school_url = reverse("competences:school", kwargs={"slug": school.slug, "fw": framework_id})
    items = [
        (
            _("%(team)s: %(competence)s (%(status)s)")
            % {"team": team, "competence": competence.name, "status": cell.label},
            reverse(
                "competences:team_matrix",
                kwargs={"slug": school.slug, "fw": framework_id, "pk": cell.team_id},
            ),
        )
        for team, competence, cell in found[:SHOWN]
    ]
    return [
        {
            "template": "core/_overview_card.html",
            "title": _("Competences across teams"),
            "figure": len(found),
            "summary": ngettext(
                "competence of a team is fragile or missing",
                "competences of teams are fragile or missing",
                len(found),
            ),
            "attention": bool(found),
            "items": items,
            "url": school_url,
            "link_label": _("Open the coverage across teams"),
        }
    ]
