from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import LeerkringError
from core.pagination import paginate
from organisations.access import organisation_view
from organisations.picker import person_picker, picker_matches
from organisations.selectors import person_name

from .. import coverage, selectors, services
from ..access import (
    can_edit_frameworks,
    can_guide,
    get_competence_for_access,
    get_framework_for_access,
    get_team_for_access,
)
from ..forms import OverrideForm, RuleForm
from ..models import LEVEL_DOTS, CoverageRule
from .frameworks import school_of


def _cells(levels, member_id, competences):
    """(css class, dots, level) per competence; the level is "" where none was agreed."""
    cells = []
    for competence in competences:
        level = levels.get((member_id, competence.pk))
        cells.append(CELLS.get(level, NO_LEVEL))
    return cells


CELLS = {level: (f"level-{level}", dots, level) for level, dots in LEVEL_DOTS.items()}
NO_LEVEL = ("level-none", "–", "")
PEOPLE_PER_PAGE = 100


def _guide(request):
    if not can_guide(request.access):
        raise PermissionDenied


def _team_cells(school, framework, team, competences, links):
    member_ids = [link.membership_id for link in links]
    levels = selectors.agreed_levels(framework=framework, memberships=member_ids)
    rules = selectors.coverage_rules(school=school)
    cells = coverage.team_cells(
        team_id=team.pk,
        member_ids=member_ids,
        competence_ids=[c.pk for c in competences],
        levels=levels,
        rules=rules,
    )
    return levels, rules, cells


@organisation_view()
def team_matrix(request, fw, pk):
    """A team's people × competences with their agreed levels, and per competence whether the
    team holds it by the coverage rule."""
    school = school_of(request)
    framework = get_framework_for_access(request.access, fw)
    team, may_see = get_team_for_access(request.access, pk)
    if not may_see:
        raise PermissionDenied
    competences = selectors.competences(framework=framework)
    links = selectors.team_members(team=team)
    levels, rules, cells = _team_cells(school, framework, team, competences, links)
    rows = [
        {
            "link": link,
            "levels": _cells(levels, link.membership_id, competences),
        }
        for link in links
    ]
    statuses = [(competence, cells[competence.pk]) for competence in competences]
    context = {
        "framework": framework,
        "team": team,
        "competences": competences,
        "rows": rows,
        "statuses": statuses,
        "at_risk": [(c, cell) for c, cell in statuses if cell.at_risk],
        "default_rule": rules.default,
        "can_guide": can_guide(request.access),
        "can_propose": can_edit_frameworks(request.access),
        "sent": selectors.sent_points(school=school, team=team, competences=competences)
        if can_edit_frameworks(request.access)
        else set(),
    }
    return render(request, "competences/team_matrix.html", context)


@organisation_view()
def people(request, fw):
    """The school's people × the framework's competences with agreed levels, a hundred people
    a page."""
    school = school_of(request)
    _guide(request)
    framework = get_framework_for_access(request.access, fw)
    competences = selectors.competences(framework=framework)
    page = paginate(request, selectors.school_people_rows(school=school), per_page=PEOPLE_PER_PAGE)
    levels = selectors.agreed_levels(framework=framework, memberships=[row[0] for row in page])
    rows = [
        {
            "pk": pk,
            "name": person_name(first, last, email),
            "levels": _cells(levels, pk, competences),
        }
        for pk, first, last, email in page
    ]
    context = {"framework": framework, "competences": competences, "rows": rows, "page": page}
    return render(request, "competences/people.html", context)


@organisation_view()
def rules(request, fw):
    school = school_of(request)
    if not can_edit_frameworks(request.access):
        raise PermissionDenied
    framework = get_framework_for_access(request.access, fw)
    competences = selectors.competences(framework=framework)
    teams = selectors.school_teams(school=school)
    current = selectors.coverage_rules(school=school).default
    default_form = RuleForm(
        request.POST if request.POST.get("form") == "default" else None,
        initial={"min_people": current.min_people, "min_level": current.min_level},
        prefix="default",
    )
    override_form = OverrideForm(
        request.POST if request.POST.get("form") == "override" else None,
        teams=teams,
        competences=competences,
        prefix="override",
    )
    if request.method == "POST":
        form = default_form if request.POST.get("form") == "default" else override_form
        if form.is_valid():
            data = form.cleaned_data
            fields = {
                "school": school,
                "access": request.access,
                "min_people": data["min_people"],
                "min_level": data["min_level"],
                "actor": request.user,
            }
            try:
                if form is default_form:
                    services.rule_default_save(**fields)
                else:
                    team = next(t for t in teams if t.pk == data["team"])
                    competence = get_competence_for_access(framework, data["competence"])
                    services.rule_override_save(team=team, competence=competence, **fields)
            except LeerkringError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(request, _("The coverage rule was saved."))
                return redirect(request.path)
    context = {
        "framework": framework,
        "default_form": default_form,
        "override_form": override_form,
        "overrides": [
            rule
            for rule in selectors.rule_rows(school=school)
            if rule.competence.framework_id == framework.pk
        ],
    }
    return render(request, "competences/rules.html", context)


@require_POST
@organisation_view()
def rule_delete(request, fw, pk):
    school = school_of(request)
    if not can_edit_frameworks(request.access):
        raise PermissionDenied
    framework = get_framework_for_access(request.access, fw)
    rule = CoverageRule.objects.filter(organisation=school, pk=pk).first()
    if rule is None:
        raise Http404
    try:
        services.rule_delete(rule=rule, access=request.access, actor=request.user)
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The team's own rule was removed."))
    return redirect("competences:rules", slug=school.slug, fw=framework.pk)


@organisation_view()
def school(request, fw):
    """Every team's statuses side by side (teams × competences) and, for a chosen person,
    which competences of which teams become fragile or missing if they leave."""
    school = school_of(request)
    _guide(request)
    framework = get_framework_for_access(request.access, fw)
    # Anyone in a team can be chosen; the page lists only those matching what was typed.
    candidates = school.memberships.filter(team_memberships__team__organisation=school).distinct()
    picker = person_picker(request, candidates.select_related("user"), field="leaves")
    if matches := picker_matches(request, picker):
        return matches
    competences = selectors.competences(framework=framework)
    competence_ids = [c.pk for c in competences]
    teams = selectors.school_teams(school=school)
    links = selectors.school_link_rows(school=school)
    members = selectors.members_by_team(teams, links)
    levels = selectors.agreed_levels(
        framework=framework, memberships=selectors.school_member_ids(school=school)
    )
    rules = selectors.coverage_rules(school=school)
    cells = coverage.school_cells(
        members_by_team=members, competence_ids=competence_ids, levels=levels, rules=rules
    )
    rows = [
        {"team": team, "cells": [(c, cells[team.pk][c.pk]) for c in competences]} for team in teams
    ]
    people = {link.membership_id: link for link in links}
    leaving, changes = None, []
    if request.GET.get("leaves"):
        try:
            leaving = people.get(int(request.GET["leaves"]))
        except ValueError:
            leaving = None
        if leaving is None:
            raise Http404
        by_pk = {c.pk: c for c in competences}
        names = {team.pk: team for team in teams}
        changes = [
            {
                "team": names[change.team_id],
                "competence": by_pk[change.competence_id],
                **vars(change),
            }
            for change in coverage.if_leaves(
                person_id=leaving.membership_id,
                members_by_team=members,
                competence_ids=competence_ids,
                levels=levels,
                rules=rules,
            )
        ]
    context = {
        "framework": framework,
        "competences": competences,
        "rows": rows,
        "counts": coverage.count_at_risk(cells),
        "picker": picker,
        "leaving": leaving,
        "leaving_id": leaving.membership_id if leaving else None,
        "changes": changes,
        "default_rule": rules.default,
    }
    return render(request, "competences/school.html", context)


@require_POST
@organisation_view()
def propose(request, fw, team, competence):
    """Send a fragile or missing competence of a team to the development points, as the
    server computes the team's coverage now."""
    school = school_of(request)
    if not can_edit_frameworks(request.access):
        raise PermissionDenied
    framework = get_framework_for_access(request.access, fw)
    team, _may_see = get_team_for_access(request.access, team)
    competence = get_competence_for_access(framework, competence)
    links = selectors.team_members(team=team)
    _levels, _rules, cells = _team_cells(school, framework, team, [competence], links)
    url = reverse(
        "competences:team_matrix", kwargs={"slug": school.slug, "fw": framework.pk, "pk": team.pk}
    )
    try:
        _point, created = services.coverage_point_propose(
            school=school,
            access=request.access,
            team=team,
            competence=competence,
            cell=cells[competence.pk],
            url=f"{url}#at-risk",
            actor=request.user,
        )
    except LeerkringError as error:
        messages.error(request, error.message)
    else:
        if created:
            messages.success(request, _("The competence was sent to the development points."))
        else:
            messages.info(request, _("This competence was already sent to the development points."))
    return redirect(url)
