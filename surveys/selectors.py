"""Reads for surveys: lists and progress, with query counts that do not grow with data."""

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from organisations.access import Access

from .models import DevelopmentPoint, Invitation, Item, OpenQuestion, RaterGroup, Round, Survey


def _count(queryset, link: str):
    """A correlated COUNT per survey: cheaper than joining rounds and invitations into the
    list and counting them DISTINCT."""
    counted = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n")), 0)


def survey_list(*, access: Access) -> QuerySet[Survey]:
    """The school's surveys the user may see, with their rounds, invitations and completed
    invitations counted."""
    surveys = Survey.objects.filter(organisation=access.organisation)
    if not access.can_manage:
        if access.membership is None:
            return surveys.none()
        shared = Survey.shared_with.through.objects.filter(membership=access.membership)
        surveys = surveys.filter(
            Q(subject=access.membership) | Q(pk__in=shared.values("survey_id"))
        )
    invitations = Invitation.objects.all()
    return (
        surveys.select_related("version__instrument", "subject__user")
        .annotate(
            round_count=_count(Round.objects.all(), "survey"),
            invited=_count(invitations, "round__survey"),
            completed=_count(
                invitations.filter(status=Invitation.Status.COMPLETED), "round__survey"
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


def school_people(*, organisation) -> list[tuple[int, str]]:
    """(membership id, "name (function)") of the school's active people, for choosing
    invitees or whom to share with. Plain values: a large school lists hundreds of people,
    and the page shows only a name per person."""
    people = []
    for pk, first, last, email, function in (
        organisation.memberships.filter(is_active=True)
        .order_by("user__last_name", "user__first_name")
        .values_list("pk", "user__first_name", "user__last_name", "user__email", "function")
    ):
        name = f"{first} {last}".strip() or email
        people.append((pk, f"{name} ({function})" if function else name))
    return people


def round_invitees(*, round_: Round) -> list[dict]:
    """The invitees of a round: email, rater group (its label) and whether the invitation
    was sent (shown to the survey's managers only). Plain values, one row per invitee."""
    labels = {kind: str(label) for kind, label in RaterGroup.Kind.choices}
    return [
        {"email": email, "rater_group": labels.get(kind, kind), "sent": sent_at is not None}
        for email, kind, sent_at in round_.invitations.order_by(
            "rater_group__position", "email"
        ).values_list("email", "rater_group__kind", "sent_at")
    ]


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


# An instrument version never changes once loaded (a changed file becomes a new version, see
# loader.py), so its questions are read once per process. The checksum is part of the key so
# that a reused primary key (a test database, a reset demo) never finds another version.
_QUESTIONS: dict[tuple[int, str], tuple[list[Item], list[OpenQuestion]]] = {}
_QUESTIONS_MAX = 64


def version_questions(version) -> tuple[list[Item], list[OpenQuestion]]:
    """The items (with scale and dimension) and open questions of an instrument version, in
    order. Shared between requests: never change them."""
    key = (version.pk, version.checksum)
    found = _QUESTIONS.get(key)
    if found is None:
        found = (
            list(version.items.select_related("scale", "dimension").order_by("position")),
            list(version.open_questions.order_by("position")),
        )
        if len(_QUESTIONS) >= _QUESTIONS_MAX:
            _QUESTIONS.clear()
        _QUESTIONS[key] = found
    return found
