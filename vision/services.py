"""Writes for vision processes. Every write checks who may make it and in which phase; bad
input raises LeerkringError with a message for the user and writes nothing."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuditEvent
from accounts.services import audit_log
from core.errors import LeerkringError
from core.tokens import new_token
from core.validation import validate
from organisations.access import Access
from organisations.models import Organisation

from .models import (
    CONTRIBUTION_MAX_LENGTH,
    Contribution,
    PointAllocation,
    StakeholderGroup,
    Theme,
    VisionProcess,
)

Phase = VisionProcess.Phase
DEFAULT_GROUPS = (
    StakeholderGroup.Kind.STAFF,
    StakeholderGroup.Kind.PUPILS,
    StakeholderGroup.Kind.PARENTS,
    StakeholderGroup.Kind.PARTNERS,
)


def _check_manager(access: Access, process: VisionProcess | None = None, organisation=None):
    organisation = organisation or process.organisation
    if not access.can_manage or access.organisation.pk != organisation.pk:
        raise PermissionDenied


def _check_phase(process: VisionProcess, phase: str, message: str):
    if process.phase != phase:
        raise LeerkringError(message)


# Processes and their groups --------------------------------------------------------------


@transaction.atomic
def process_create(
    *,
    organisation: Organisation,
    access: Access,
    title: str,
    question: str,
    points: int = 10,
    threshold: int = 5,
    kinds=DEFAULT_GROUPS,
    actor,
) -> VisionProcess:
    """A new process in the collect phase with a token link for each stakeholder group."""
    _check_manager(access, organisation=organisation)
    if not organisation.is_school:
        raise LeerkringError(_("A vision process belongs to a school."))
    process = VisionProcess(
        organisation=organisation,
        title=title.strip(),
        question=question.strip(),
        points=points,
        threshold=threshold,
        created_by=actor,
    )
    validate(process)
    process.save()
    labels = dict(StakeholderGroup.Kind.choices)
    for kind in kinds:
        group_add(process=process, access=access, name=str(labels[kind]).capitalize(), kind=kind)
    audit_log(actor=actor, action=AuditEvent.Action.CREATE, obj=process, organisation=organisation)
    return process


def group_add(
    *, process: VisionProcess, access: Access, name: str, kind=StakeholderGroup.Kind.OTHER
) -> StakeholderGroup:
    """Another stakeholder group with its own link, while contributions are collected."""
    _check_manager(access, process)
    _check_phase(
        process, Phase.COLLECT, _("Groups can only be added while contributions are collected.")
    )
    name = name.strip()
    if not name:
        raise LeerkringError(_("Give the group a name."), field="name")
    if process.groups.filter(name__iexact=name).exists():
        raise LeerkringError(_("This process already has a group with this name."), field="name")
    group = StakeholderGroup(
        process=process,
        kind=kind,
        name=name,
        token=new_token(),
        position=process.groups.count(),
    )
    validate(group, exclude=["token"])
    group.save()
    return group


@transaction.atomic
def phase_advance(*, process: VisionProcess, access: Access, to: str, actor) -> VisionProcess:
    """Move the process to its next phase; never back, never skipping one."""
    _check_manager(access, process)
    process = VisionProcess.objects.select_for_update().get(pk=process.pk)
    labels = dict(Phase.choices)
    if to not in labels:
        raise LeerkringError(_("This phase does not exist."))
    current = VisionProcess.ORDER.index(process.phase)
    target = VisionProcess.ORDER.index(to)
    if target <= current:
        raise LeerkringError(
            _(
                "A vision process only moves forward: it is already at “%(phase)s” and cannot "
                "go back to “%(target)s”."
            )
            % {"phase": labels[process.phase], "target": labels[to]}
        )
    if target > current + 1:
        raise LeerkringError(
            _("First move on to “%(next)s”: no phase can be skipped.")
            % {"next": labels[process.next_phase]}
        )
    if to == Phase.CLUSTER and not process.contributions.exists():
        raise LeerkringError(_("There is nothing to cluster yet: no contributions came in."))
    if to == Phase.PRIORITISE and not process.themes.exists():
        raise LeerkringError(_("Make at least one theme before the points are spread."))
    if to == Phase.PUBLISHED:
        if not process.published_text.strip():
            raise LeerkringError(_("Write the vision text before publishing it."), field="text")
        process.published_at = timezone.now()
    process.phase = to
    process.save(update_fields=["phase", "published_at"])
    audit_log(
        actor=actor,
        action=AuditEvent.Action.UPDATE,
        obj=process,
        organisation=process.organisation,
    )
    return process


@transaction.atomic
def vision_publish(*, process: VisionProcess, access: Access, text: str, actor) -> VisionProcess:
    """Save the vision text and publish it: the last phase, after prioritising."""
    _check_manager(access, process)
    _check_phase(
        process, Phase.PRIORITISE, _("A vision is published after its themes were prioritised.")
    )
    text = text.strip()
    if not text:
        raise LeerkringError(_("Write the vision text before publishing it."), field="text")
    process.published_text = text
    validate(process)
    process.save(update_fields=["published_text"])
    return phase_advance(process=process, access=access, to=Phase.PUBLISHED, actor=actor)


# Contributions ---------------------------------------------------------------------------


def contribution_add(*, group: StakeholderGroup, text: str) -> Contribution:
    """One text through a group's link. Nothing about the sender is stored."""
    process = group.process
    _check_phase(
        process,
        Phase.COLLECT,
        _("Contributions are no longer collected: the school is working with them now."),
    )
    text = text.strip()
    if not text:
        raise LeerkringError(_("Write your contribution before sending it."), field="text")
    if len(text) > CONTRIBUTION_MAX_LENGTH:
        raise LeerkringError(
            _("Keep your contribution to %(max)d characters; this one has %(n)d.")
            % {"max": CONTRIBUTION_MAX_LENGTH, "n": len(text)},
            field="text",
        )
    contribution = Contribution(process=process, group=group, text=text)
    validate(contribution)
    contribution.save()
    return contribution


# Clustering ------------------------------------------------------------------------------


def theme_create(*, process: VisionProcess, access: Access, name: str, description: str = ""):
    _check_manager(access, process)
    _check_phase(process, Phase.CLUSTER, _("Themes are made while clustering."))
    name = name.strip()
    if not name:
        raise LeerkringError(_("Give the theme a name."), field="name")
    if process.themes.filter(name__iexact=name).exists():
        raise LeerkringError(_("This process already has a theme with this name."), field="name")
    theme = Theme(process=process, name=name, description=description.strip())
    validate(theme)
    theme.save()
    return theme


@transaction.atomic
def contributions_assign(
    *, process: VisionProcess, access: Access, assignments: dict[int, int | None]
) -> int:
    """Put contributions in themes (`{contribution pk: theme pk or None}`); returns how many
    changed. Every pk must belong to the process, or nothing changes."""
    _check_manager(access, process)
    _check_phase(process, Phase.CLUSTER, _("Contributions are put in themes while clustering."))
    contributions = {c.pk: c for c in process.contributions.filter(pk__in=list(assignments))}
    theme_ids = set(process.themes.values_list("pk", flat=True))
    if set(assignments) - set(contributions):
        raise LeerkringError(_("Only contributions of this process can be put in its themes."))
    if {t for t in assignments.values() if t is not None} - theme_ids:
        raise LeerkringError(_("Choose one of this process's themes."))
    changed = []
    for pk, theme_id in assignments.items():
        contribution = contributions[pk]
        if contribution.theme_id != theme_id:
            contribution.theme_id = theme_id
            changed.append(contribution)
    Contribution.objects.bulk_update(changed, ["theme"])
    return len(changed)


# Prioritising ----------------------------------------------------------------------------


def parse_spread(raw: dict[int, str]) -> dict[int, int]:
    """Turn the form's texts (`{theme pk: text}`) into whole numbers; an empty field is 0."""
    spread = {}
    for theme_id, value in raw.items():
        value = (value or "").strip()
        if not value:
            spread[theme_id] = 0
            continue
        try:
            spread[theme_id] = int(value)
        except ValueError:
            raise LeerkringError(
                _("Give whole numbers of points only; “%(value)s” is not one.") % {"value": value}
            ) from None
    return spread


@transaction.atomic
def points_submit(*, group: StakeholderGroup, spread: dict[int, int]) -> list[PointAllocation]:
    """One participant's spread of exactly the process's number of points over its themes."""
    process = group.process
    _check_phase(process, Phase.PRIORITISE, _("Points can only be spread while prioritising."))
    themes = set(process.themes.values_list("pk", flat=True))
    if set(spread) - themes:
        raise LeerkringError(_("Points can only go to this process's themes."))
    if any(value < 0 for value in spread.values()):
        raise LeerkringError(_("Points cannot be negative."))
    total = sum(spread.values())
    if total != process.points:
        raise LeerkringError(
            _("Spread exactly %(points)d points; you spread %(total)d.")
            % {"points": process.points, "total": total}
        )
    rows = [
        PointAllocation(theme_id=theme_id, group=group, points=value)
        for theme_id, value in sorted(spread.items())
        if value > 0
    ]
    return PointAllocation.objects.bulk_create(rows)
