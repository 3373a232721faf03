"""Writes for competences: the starter framework, ratings (never changed, only added),
coverage rules and framework imports. Every write checks who may make it; bad input raises a
LeerkringError and writes nothing."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.validation import validate
from organisations.access import Access
from organisations.models import Membership, Organisation, Team

from .access import can_edit_frameworks, can_guide, frameworks_for
from .models import LEVELS, Competence, CoverageRule, Framework, Rating
from .starter import DESCRIPTION, NAME, STARTER

# Frameworks ----------------------------------------------------------------------------------


def starter_framework(*, school: Organisation) -> Framework | None:
    """Give a school that has no framework (of its own or its community's) the starter
    framework, in the active language. Returns it, or None when the school had one."""
    if not school.is_school:
        raise LeerkringError(_("Competences belong to a school."))
    with transaction.atomic():
        if Framework.objects.filter(frameworks_for(school)).exists():
            return None
        framework = Framework.objects.create(
            organisation=school, name=str(NAME), description=str(DESCRIPTION)
        )
        Competence.objects.bulk_create(
            Competence(
                framework=framework,
                code=code,
                name=str(name),
                description=str(description),
                order=order,
                **{f"level_{n}": str(text) for n, text in zip(LEVELS, levels, strict=True)},
            )
            for order, (code, name, description, levels) in enumerate(STARTER)
        )
    return framework


# Ratings -------------------------------------------------------------------------------------


def _level(value) -> int:
    try:
        level = int(value)
    except (TypeError, ValueError):
        level = 0
    if level not in LEVELS:
        raise LeerkringError(_("Choose a level from 1 to 4."), field="level")
    return level


def _check_rater(access: Access, person: Membership, kind: str) -> None:
    if person.organisation_id != access.organisation.pk:
        raise PermissionDenied
    own = access.membership is not None and access.membership.pk == person.pk
    if kind == Rating.Kind.SELF:
        if not own:
            raise PermissionDenied(_("Only the person themselves gives a self-rating."))
    elif kind in (Rating.Kind.VIEW, Rating.Kind.AGREED):
        if not can_guide(access) or own:
            raise PermissionDenied(
                _("Only a leader, coach or administrator adds a view or an agreed level.")
            )
    else:
        raise LeerkringError(_("Unknown kind of rating."))


@transaction.atomic
def ratings_add(
    *, access: Access, person: Membership, kind: str, ratings: list[dict], actor
) -> list[Rating]:
    """Add ratings of one kind for one person: each dict has `competence`, `level` and
    `note`. The new rating becomes the current one of its kind; earlier ones stay as
    history. One bad rating and none is written."""
    _check_rater(access, person, kind)
    allowed = set(
        Competence.objects.filter(
            framework__in=Framework.objects.filter(frameworks_for(access.organisation))
        ).values_list("pk", flat=True)
    )
    created = []
    for item in ratings:
        competence = item["competence"]
        if competence.pk not in allowed:
            raise PermissionDenied
        rating = Rating(
            membership=person,
            competence=competence,
            kind=kind,
            level=_level(item["level"]),
            note=(item.get("note") or "").strip(),
            rated_by=actor,
        )
        validate(rating, exclude=["membership", "competence", "rated_by"], validate_unique=False)
        created.append(rating)
    if not created:
        return []
    Rating.objects.filter(
        membership=person,
        kind=kind,
        competence__in=[rating.competence for rating in created],
        is_current=True,
    ).update(is_current=False)
    Rating.objects.bulk_create(created)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.CREATE,
        obj=person,
        organisation=access.organisation,
        summary=f"competence ratings ({kind}): {len(created)}",
    )
    return created


def rating_add(*, access: Access, person: Membership, competence, kind, level, note="", actor):
    return ratings_add(
        access=access,
        person=person,
        kind=kind,
        ratings=[{"competence": competence, "level": level, "note": note}],
        actor=actor,
    )[0]


# Coverage rules ------------------------------------------------------------------------------


def _check_rule(min_people, min_level) -> tuple[int, int]:
    try:
        people = int(min_people)
    except (TypeError, ValueError):
        people = 0
    if people < 1:
        raise LeerkringError(
            _(
                "A rule needs at least one person: with 0 people every competence would "
                "count as assured."
            ),
            field="min_people",
        )
    if people > 99:
        raise LeerkringError(_("A rule asks for at most 99 people."), field="min_people")
    return people, _level(min_level)


def _check_manager(access: Access, school: Organisation) -> None:
    if not can_edit_frameworks(access) or access.organisation.pk != school.pk:
        raise PermissionDenied


@transaction.atomic
def rule_default_save(*, school: Organisation, access: Access, min_people, min_level, actor):
    """Set the school's default rule, for every team and competence without their own."""
    _check_manager(access, school)
    people, level = _check_rule(min_people, min_level)
    rule, _created = CoverageRule.objects.update_or_create(
        organisation=school,
        team=None,
        competence=None,
        defaults={"min_people": people, "min_level": level},
    )
    audit_log(actor=actor, action=AuditEvent.Action.UPDATE, obj=rule, organisation=school)
    return rule


@transaction.atomic
def rule_override_save(
    *, school: Organisation, access: Access, team: Team, competence, min_people, min_level, actor
):
    """Give one team its own rule for one competence (or change the one it has)."""
    _check_manager(access, school)
    if team.organisation_id != school.pk:
        raise PermissionDenied
    if not Framework.objects.filter(frameworks_for(school), pk=competence.framework_id).exists():
        raise PermissionDenied
    people, level = _check_rule(min_people, min_level)
    rule, _created = CoverageRule.objects.update_or_create(
        organisation=school,
        team=team,
        competence=competence,
        defaults={"min_people": people, "min_level": level},
    )
    audit_log(actor=actor, action=AuditEvent.Action.UPDATE, obj=rule, organisation=school)
    return rule


@transaction.atomic
def rule_delete(*, rule: CoverageRule, access: Access, actor) -> None:
    _check_manager(access, rule.organisation)
    if rule.team_id is None:
        raise LeerkringError(_("The school's default rule stays; change it instead."))
    audit_log(
        actor=actor, action=AuditEvent.Action.DELETE, obj=rule, organisation=rule.organisation
    )
    rule.delete()


# Import --------------------------------------------------------------------------------------


@transaction.atomic
def framework_import(*, owner: Organisation, access: Access, name: str, upload, actor):
    """A new framework of its owner (a school or a school community) from a spreadsheet (see
    exports.read_framework). A wrong file or a missing text raises a LeerkringError and
    writes nothing."""
    from .exports import ReadError, read_framework

    _check_manager(access, owner)
    if not (owner.is_school or owner.kind == Organisation.Kind.COMMUNITY):
        raise PermissionDenied
    name = name.strip()
    if not name:
        raise LeerkringError(_("Give the framework a name."), field="name")
    if owner.competence_frameworks.filter(name__iexact=name).exists():
        if owner.is_school:
            message = _("The school already has a framework with this name.")
        else:
            message = _("The school community already has a framework with this name.")
        raise LeerkringError(message, field="name")
    try:
        rows = read_framework(upload)
    except ReadError as error:
        raise LeerkringError(error.message, field="file") from None
    framework = Framework.objects.create(organisation=owner, name=name)
    Competence.objects.bulk_create(Competence(framework=framework, **row) for row in rows)
    audit_log(
        actor=actor,
        action=AuditEvent.Action.IMPORT,
        obj=framework,
        organisation=owner,
        summary=f"{len(rows)} competences",
    )
    return framework


# Development points --------------------------------------------------------------------------


def coverage_point_propose(
    *, school: Organisation, access: Access, team: Team, competence, cell, url: str, actor
):
    """Send a team's fragile or missing competence to the school's development points, linked
    back to the team and the competence. `cell` is the coverage cell as the server computed
    it; sending the same cell twice gives the same point. Returns (point, created)."""
    from development.services import point_propose

    from .coverage import Status

    _check_manager(access, school)
    if team.organisation_id != school.pk:
        raise PermissionDenied
    if cell.status == Status.FRAGILE:
        source = "competence_fragile"
        text = _(
            "%(team)s: “%(competence)s” rests on one person. The rule asks for %(people)s "
            "people at level %(level)s or higher."
        )
    elif cell.status == Status.MISSING:
        source = "competence_missing"
        text = _(
            "%(team)s: nobody holds “%(competence)s”. The rule asks for %(people)s people "
            "at level %(level)s or higher."
        )
    else:
        raise LeerkringError(_("This competence is not fragile or missing in the team (any more)."))
    description = text % {
        "team": team.name,
        "competence": competence.name,
        "people": cell.rule.min_people,
        "level": cell.rule.min_level,
    }
    return point_propose(
        organisation=school,
        origin=competence,
        source=source,
        key=f"{team.pk}:{competence.code}",
        description=description,
        actor=actor,
        team=team,
        anchor=url,
    )
