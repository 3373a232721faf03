"""Reads for surveys: lists and progress, with query counts that do not grow with data."""

from django.db.models import Count, Q, QuerySet

from organisations.access import Access

from .models import DevelopmentPoint, Invitation, Round, Survey


def survey_list(*, access: Access) -> QuerySet[Survey]:
    """The school's surveys the user may see, with their latest round's figures."""
    surveys = Survey.objects.filter(organisation=access.organisation)
    if not access.can_manage:
        if access.membership is None:
            return surveys.none()
        surveys = surveys.filter(
            Q(subject=access.membership) | Q(shared_with=access.membership)
        ).distinct()
    return (
        surveys.select_related("version__instrument", "subject__user")
        .annotate(
            round_count=Count("rounds", distinct=True),
            invited=Count("rounds__invitations", distinct=True),
            completed=Count(
                "rounds__invitations",
                filter=Q(rounds__invitations__status=Invitation.Status.COMPLETED),
                distinct=True,
            ),
        )
        .order_by("-created_at", "-pk")
    )


def round_progress(*, round_: Round, groups) -> list[dict]:
    """Per rater group: invited, sent, started and completed, in one query."""
    counts = {
        row["rater_group"]: row
        for row in round_.invitations.values("rater_group").annotate(
            invited=Count("pk"),
            sent=Count("pk", filter=Q(sent_at__isnull=False)),
            started=Count("pk", filter=Q(status=Invitation.Status.STARTED)),
            completed=Count("pk", filter=Q(status=Invitation.Status.COMPLETED)),
        )
    }
    rows = []
    for group in groups:
        row = counts.get(group.pk, {})
        rows.append(
            {
                "group": group,
                "invited": row.get("invited", 0),
                "sent": row.get("sent", 0),
                "started": row.get("started", 0),
                "completed": row.get("completed", 0),
            }
        )
    return rows


def school_people(*, organisation) -> list:
    """The school's active people, for choosing invitees or whom to share with."""
    return list(
        organisation.memberships.filter(is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )


def round_invitees(*, round_: Round) -> QuerySet[Invitation]:
    """The invitees of a round with their progress (shown to the survey's managers only)."""
    return round_.invitations.select_related("rater_group").order_by(
        "rater_group__position", "email"
    )


def development_points(*, access: Access) -> QuerySet[DevelopmentPoint]:
    """The school's proposed development points from reports the user may read: school-wide
    surveys for its leaders, a 360° for its subject and those it is shared with."""
    visible = Q(pk__in=[])
    if access.can_manage:
        visible |= Q(survey__subject__isnull=True)
    if access.membership is not None:
        visible |= Q(survey__subject=access.membership)
        visible |= Q(survey__in=Survey.objects.filter(shared_with=access.membership).values("pk"))
    return (
        DevelopmentPoint.objects.filter(visible, organisation=access.organisation)
        .select_related("organisation", "survey", "round", "created_by")
        .order_by("-created_at", "-pk")
    )
