"""Reads of the development app.

A point can come from any app. An app that keeps some of its points from some readers (the
surveys app: the points of a 360° are seen by those who may read its report) says which of its
origins a user may see in `<app>/point_origins.py`: `origins(access)` gives, per origin model,
the queryset of the objects whose points the user may see, with what their label needs
(select_related). Points of an origin model that no app governs are seen by every leader."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Count, F, Prefetch, Q, QuerySet, Window

from core.discovery import app_modules
from organisations.access import Access

from .models import Action, CoreTask, DevelopmentPoint, Goal, QualityExpectation, QualityFramework


def points_from(model) -> QuerySet[DevelopmentPoint]:
    """The development points whose origin is an object of `model` (a class or instance),
    for an app to filter on its own objects: `points_from(Round).filter(object_id=…)`."""
    return DevelopmentPoint.objects.filter(content_type=ContentType.objects.get_for_model(model))


def _origin_rules(access: Access) -> list[tuple[ContentType, QuerySet]]:
    rules = []
    for module in app_modules("point_origins"):
        for model, origins in module.origins(access):
            rules.append((ContentType.objects.get_for_model(model), origins))
    return rules


def _visible(access: Access) -> tuple[QuerySet[DevelopmentPoint], list[QuerySet]]:
    rules = _origin_rules(access)
    visible = ~Q(content_type__in=[content_type.pk for content_type, _ in rules])
    for content_type, origins in rules:
        visible |= Q(content_type=content_type, object_id__in=origins.values("pk"))
    points = DevelopmentPoint.objects.filter(visible, organisation=access.organisation)
    return points, [origins for _, origins in rules]


def inbox_points(*, access: Access, status: str = "", source: str = "") -> QuerySet:
    """The school's development points the user may see, newest first, optionally of one
    status and one source; each with its team, proposer, decider and `origin` (prefetched:
    one query per kind of origin on the page)."""
    points, origin_querysets = _visible(access)
    if status:
        points = points.filter(status=status)
    if source:
        points = points.filter(source=source)
    return (
        points.select_related("team", "created_by", "decided_by")
        .prefetch_related(GenericPrefetch("origin", origin_querysets))
        .order_by("-created_at", "-pk")
    )


def waiting_points(*, access: Access, limit: int = 5) -> tuple[int, list[DevelopmentPoint]]:
    """The number of points waiting for a decision and the newest `limit` of them, in one
    query (the total is a window over all rows, counted before the limit)."""
    points, _ = _visible(access)
    rows = list(
        points.filter(status=DevelopmentPoint.Status.PROPOSED)
        .annotate(total=Window(Count("pk")))
        .only("pk", "description", "created_at")
        .order_by("-created_at", "-pk")[:limit]
    )
    return (rows[0].total if rows else 0), rows


def _linked_points(access: Access) -> Prefetch:
    """A goal's development points the user may see as `linked_points`, with their origins
    (one query for the points, one per kind of origin)."""
    points, origin_querysets = _visible(access)
    linked = (
        points.select_related("team")
        .prefetch_related(GenericPrefetch("origin", origin_querysets))
        .order_by("created_at", "pk")
    )
    return Prefetch("points", queryset=linked, to_attr="linked_points")


def goal_with_points(*, access: Access, pk: int) -> Goal | None:
    """One goal of the school's plan with its `linked_points`: what its measures rest on."""
    goals = Goal.objects.filter(organisation=access.organisation, person__isnull=True, pk=pk)
    return goals.prefetch_related(_linked_points(access)).first()


def plan_goals(*, access: Access) -> QuerySet:
    """The school's goals by deadline, each with `linked_points` (see `_linked_points`), its
    quality expectations and actions; `plan_core_tasks` adds their core tasks."""
    return (
        Goal.objects.filter(organisation=access.organisation, person__isnull=True)
        .prefetch_related(
            _linked_points(access),
            Prefetch(
                "expectations",
                queryset=QualityExpectation.objects.select_related("framework"),
                to_attr="linked_expectations",
            ),
            Prefetch(
                "actions",
                queryset=Action.objects.select_related("owner__user").order_by("deadline", "pk"),
                to_attr="plan_actions",
            ),
        )
        .order_by("deadline", "pk")
    )


def frameworks(*, access: Access) -> QuerySet[QualityFramework]:
    """The frameworks a school may use: those shipped with Leerkring and its own, each with
    `expectation_count`."""
    return (
        QualityFramework.objects.filter(
            Q(organisation__isnull=True) | Q(organisation=access.organisation)
        )
        .annotate(expectation_count=Count("expectations"))
        .order_by("organisation_id", "name", "pk")
    )


def expectation_choices(*, access: Access) -> QuerySet[QualityExpectation]:
    """Every expectation of the frameworks the school may use, with its framework."""
    return (
        QualityExpectation.objects.filter(
            Q(framework__organisation__isnull=True) | Q(framework__organisation=access.organisation)
        )
        .select_related("framework")
        .order_by("framework__name", "framework_id", "position", "pk")
    )


def core_tasks(*, access: Access) -> QuerySet[CoreTask]:
    """The school's core tasks in order, each with `goal_count`."""
    return (
        CoreTask.objects.filter(organisation=access.organisation)
        .annotate(goal_count=Count("goals"))
        .order_by("position", "pk")
    )


def plan_core_tasks(*, access: Access, goals) -> list[CoreTask]:
    """The school's core tasks in order, each with `goal_count`, and on each of `goals` its
    `linked_core_tasks`, from one query over the tasks joined to their goals (a row per task
    and goal; a task without goal once)."""
    tasks, by_goal = {}, {}
    rows = (
        CoreTask.objects.filter(organisation=access.organisation)
        .annotate(goal_id=F("goals"))
        .order_by("position", "pk", "goal_id")
    )
    for row in rows:
        task = tasks.setdefault(row.pk, row)
        task.goal_count = getattr(task, "goal_count", 0) + (row.goal_id is not None)
        if row.goal_id is not None:
            by_goal.setdefault(row.goal_id, []).append(task)
    for goal in goals:
        goal.linked_core_tasks = by_goal.get(goal.pk, [])
    return list(tasks.values())


def school_actions(*, access: Access) -> QuerySet[Action]:
    """The actions of the school's plan by deadline, each with its goal, its owner's user and
    `evidence_count`."""
    return (
        Action.objects.filter(organisation=access.organisation, goal__person__isnull=True)
        .select_related("goal", "owner__user")
        .annotate(evidence_count=Count("evidence"))
        .order_by("deadline", "pk")
    )


def action_detail(*, access: Access, pk: int) -> Action | None:
    """One action of the school with its goal, owner, last editor and evidence files."""
    return (
        Action.objects.filter(organisation=access.organisation, goal__person__isnull=True, pk=pk)
        .select_related("goal", "owner__user", "updated_by")
        .prefetch_related("evidence")
        .first()
    )


def owners(*, access: Access):
    """Who may carry an action: the school's active members, by name."""
    from organisations.models import Membership

    return (
        Membership.objects.filter(organisation=access.organisation, is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def overdue_actions(*, today=None) -> QuerySet[Action]:
    """Every action past its deadline and not yet in its last step (act), with its goal,
    school and owner's user; the owner's membership must still be active."""
    from django.utils import timezone

    return (
        Action.objects.filter(deadline__lt=today or timezone.localdate(), owner__is_active=True)
        .exclude(status=Action.Status.ACT)
        .select_related("goal", "organisation", "owner__user")
        .order_by("deadline", "pk")
    )


def overdue_actions_for_user(user, *, limit: int = 10) -> list[Action]:
    """The user's own overdue actions in every school, oldest deadline first."""
    return list(overdue_actions().filter(owner__user=user)[:limit])


def personal_goals(participant) -> QuerySet[Goal]:
    """The goals of a participant's own plan by deadline, each with `plan_actions`."""
    return (
        Goal.objects.filter(participant=participant, person_id=participant.user_id)
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=Action.objects.order_by("deadline", "pk"),
                to_attr="plan_actions",
            )
        )
        .order_by("deadline", "pk")
    )


def personal_plans(user) -> QuerySet:
    """The user's active participations in accepted applications, newest edition first, each
    with its edition and programme and `goal_count` (the goals of their own plan there)."""
    from networks.models import Application, Participant

    return (
        Participant.objects.filter(
            user=user, is_active=True, application__status=Application.Status.ACCEPTED
        )
        .select_related("edition__programme")
        .annotate(goal_count=Count("personal_goals"))
        .order_by("-edition__starts_on", "-pk")
    )
