"""Reads for vision processes; each page's query count is independent of the number of
groups, contributions, themes and points."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from organisations.access import Access

from .anonymity import GroupCounts, group_counts
from .models import Contribution, PointAllocation, StakeholderGroup, Theme, VisionProcess


def processes_for(access: Access):
    """The school's processes (only published ones for staff), newest first, with their
    number of contributions."""
    processes = VisionProcess.objects.filter(organisation=access.organisation)
    if not access.can_manage:
        processes = processes.filter(phase=VisionProcess.Phase.PUBLISHED)
    return processes.annotate(contribution_count=Count("contributions")).order_by(
        "-created_at", "-pk"
    )


def groups_of(process: VisionProcess) -> list[StakeholderGroup]:
    """The process's groups with `contribution_count`."""
    return list(
        process.groups.annotate(contribution_count=Count("contributions")).order_by(
            "position", "pk"
        )
    )


def counts_per_group(groups: list[StakeholderGroup], process: VisionProcess) -> GroupCounts:
    """What may be shown of the contributions per group (see vision.anonymity)."""
    return group_counts([(g, g.contribution_count) for g in groups], process.threshold)


def cluster_contributions(process: VisionProcess) -> list[Contribution]:
    """Every contribution of the process in the order they came in, without their group."""
    return list(process.contributions.only("pk", "process", "text", "theme").order_by("pk"))


def _points_of_theme():
    return Subquery(
        PointAllocation.objects.filter(theme=OuterRef("pk"))
        .values("theme")
        .annotate(total=Sum("points"))
        .values("total")[:1],
        output_field=IntegerField(),
    )


def themes_of(process: VisionProcess) -> list[Theme]:
    """The process's themes with `contribution_count` and `points` (all groups together),
    most points first."""
    return list(
        process.themes.annotate(
            contribution_count=Count("contributions"),
            points=Coalesce(_points_of_theme(), Value(0)),
        ).order_by("-points", "name", "pk")
    )


def points_given(process: VisionProcess) -> int:
    return PointAllocation.objects.filter(theme__process=process).aggregate(
        total=Coalesce(Sum("points"), Value(0))
    )["total"]


def participant_count(process: VisionProcess, total_points: int) -> int:
    """Each participant spread exactly `process.points`, so the count follows from the sum."""
    return total_points // process.points if process.points else 0


def unassigned_count(process: VisionProcess) -> int:
    return process.contributions.filter(Q(theme__isnull=True)).count()
