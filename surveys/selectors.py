"""Reads for surveys: lists and progress, with query counts that do not grow with data."""

from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from development.selectors import points_from
from organisations.access import Access
from organisations.models import Organisation
from organisations.selectors import person_name

from .models import (
    Answer,
    Comment,
    Invitation,
    Item,
    OpenLink,
    OpenQuestion,
    RaterGroup,
    Response,
    Round,
    Survey,
)
from .retention import PURGED_TOKEN_PREFIX


def _count(queryset) -> Subquery:
    """The number of rows of `queryset` (correlated with OuterRef), as a subquery that is
    run for the rows of the outer query only: the survey list counts for one page."""
    return Subquery(
        queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n"),
        output_field=IntegerField(),
    )


def survey_list(*, access: Access) -> QuerySet[Survey]:
    """The school's surveys the user may see, newest first (give it to `paginate`), with
    their instrument version and subject, and `round_count`, `invited` and `completed`
    (its invitations completed) counted. Managers see every survey; others the 360°s about
    them and those shared with them."""
    surveys = Survey.objects.filter(organisation=access.organisation)
    if not access.can_manage:
        membership = access.membership
        if membership is None:
            return surveys.none()
        shared = Survey.shared_with.through.objects.filter(membership=membership)
        surveys = surveys.filter(Q(subject=membership) | Q(pk__in=shared.values("survey_id")))
    invitations = Invitation.objects.filter(round__survey=OuterRef("pk"))
    return (
        surveys.select_related("version", "subject__user")
        .annotate(
            round_count=_count(Round.objects.filter(survey=OuterRef("pk"))),
            invited=_count(invitations),
            completed=_count(invitations.filter(status=Invitation.Status.COMPLETED)),
        )
        .order_by("-created_at", "-pk")
    )


def survey_rounds(*, survey: Survey) -> list[Round]:
    """The survey's rounds in order (the last is the current one), with the version each
    is answered with."""
    rounds = list(survey.rounds.select_related("version").order_by("number"))
    for round_ in rounds:
        round_.survey = survey
    return rounds


def report_rounds(*, survey: Survey) -> list[Round]:
    """The survey's rounds in order with the version each was answered with, `submitted`
    (its number of submitted responses) and `points` (the development points sent from
    it)."""
    return report_rounds_of(surveys=[survey])[survey.pk]


def report_rounds_of(*, surveys) -> dict[int, list[Round]]:
    """`report_rounds` of several surveys in one query: survey pk → its rounds in order."""
    submitted = Response.objects.filter(round=OuterRef("pk"), status=Response.Status.SUBMITTED)
    by_survey = {survey.pk: survey for survey in surveys}
    found = {pk: [] for pk in by_survey}
    for round_ in (
        Round.objects.filter(survey_id__in=by_survey)
        .select_related("version")
        .annotate(
            submitted=_count(submitted),
            points=_count(points_from(Round).filter(object_id=OuterRef("pk"))),
        )
        .order_by("survey_id", "number")
    ):
        round_.survey = by_survey[round_.survey_id]
        found[round_.survey_id].append(round_)
    return found


def group_thresholds(*, survey: Survey) -> list[tuple[int, int]]:
    """(rater group id, anonymity threshold) of every group of the survey."""
    return group_thresholds_of(surveys=[survey])[survey.pk]


def group_thresholds_of(*, surveys) -> dict[int, list[tuple[int, int]]]:
    """`group_thresholds` of several surveys in one query: survey pk → its (group, threshold)."""
    found = {survey.pk: [] for survey in surveys}
    for survey_id, pk, threshold in (
        RaterGroup.objects.filter(survey_id__in=found)
        .order_by("pk")
        .values_list("survey_id", "pk", "threshold")
    ):
        found[survey_id].append((pk, threshold))
    return found


def round_progress(*, round_: Round) -> list[RaterGroup]:
    """The rater groups of the round's survey in order, each with its invitations in this
    round counted — `invited`, `sent`, `started` and `completed` — in one query."""
    in_round = Q(invitations__round=round_)
    status = Invitation.Status
    return list(
        RaterGroup.objects.filter(survey_id=round_.survey_id)
        .annotate(
            invited=Count("invitations", filter=in_round),
            sent=Count("invitations__sent_at", filter=in_round),
            started=Count("invitations", filter=in_round & Q(invitations__status=status.STARTED)),
            completed=Count(
                "invitations", filter=in_round & Q(invitations__status=status.COMPLETED)
            ),
        )
        .order_by("position", "pk")
    )


def round_open_links(*, round_: Round) -> list[RaterGroup]:
    """The stakeholder groups of the round's survey that may have an open link, each with
    `link` (its open link in this round, or None) and `answered` (the responses submitted for
    the group in this round), in two queries."""
    groups = list(
        RaterGroup.objects.filter(survey_id=round_.survey_id, kind__in=OpenLink.KINDS)
        .annotate(
            answered=Count(
                "responses",
                filter=Q(responses__round=round_) & Q(responses__status=Response.Status.SUBMITTED),
            )
        )
        .order_by("position", "pk")
    )
    if groups:
        links = {
            link.rater_group_id: link
            for link in OpenLink.objects.filter(round=round_, active=True, rater_group__in=groups)
        }
        for group in groups:
            group.link = links.get(group.pk)
    return groups


# The report's numbers (aggregation.py) and comments (reports.py) rest on these reads of the
# submitted responses of some rounds, grouped in the database whatever their number.


def _submitted(rounds, prefix: str = "") -> Q:
    return Q(**{f"{prefix}round__in": rounds, f"{prefix}status": Response.Status.SUBMITTED})


def report_responses(rounds) -> list[tuple]:
    """(round id, group id, group kind, threshold, position, pseudonym) per submitted
    response of `rounds`."""
    if not rounds:
        return []
    return list(
        Response.objects.filter(_submitted(rounds))
        .order_by()
        .values_list(
            "round_id",
            "rater_group_id",
            "rater_group__kind",
            "rater_group__threshold",
            "rater_group__position",
            "pseudonym",
        )
    )


def report_histograms(rounds) -> list[tuple]:
    """(round id, group id, item id, score or None, pseudonym or "", count): how many
    submitted answers per round, group, item and score. An answer without a value ("I don't
    know") is counted per rater key instead, the key standing in the fifth column."""
    if not rounds:
        return []
    unknown_by = Case(
        When(score__isnull=True, then=F("response__pseudonym")),
        default=Value(""),
        output_field=CharField(),
    )
    columns = ("response__round_id", "response__rater_group_id", "item_id", "score")
    return list(
        Answer.objects.filter(_submitted(rounds, "response__"))
        .annotate(unknown_by=unknown_by)
        .order_by()
        .values(*columns, "unknown_by")
        .annotate(n=Count("pk"))
        .values_list(*columns, "unknown_by", "n")
    )


def report_respondent_scores(rounds, items=None) -> list[tuple]:
    """(round id, group id, pseudonym, dimension id, mean score): every submitted rater's
    mean score per dimension on the quality items (of `items` only, when given: the ids of
    the items a comparison across versions pairs)."""
    if not rounds:
        return []
    only = Q() if items is None else Q(item_id__in=items)
    columns = (
        "response__round_id",
        "response__rater_group_id",
        "response__pseudonym",
        "item__dimension_id",
    )
    return list(
        Answer.objects.filter(
            only,
            _submitted(rounds, "response__"),
            score__isnull=False,
            item__aspect=Item.Aspect.QUALITY,
        )
        .order_by()
        .values(*columns)
        .annotate(score=Avg("score"))
        .values_list(*columns, "score")
    )


def report_comments(round_: Round, groups) -> list[tuple]:
    """(question position, question in Dutch, in English, text, group id) per open answer
    of the submitted responses of `groups` in `round_`."""
    if not groups:
        return []
    return list(
        Comment.objects.filter(
            _submitted([round_], "response__"), response__rater_group_id__in=groups
        )
        .order_by()
        .values_list(
            "question__position",
            "question__text_nl",
            "question__text_en",
            "text",
            "response__rater_group_id",
        )
    )


def school_people(*, organisation, query: str = "") -> list[tuple[int, str]]:
    """(membership id, "name (function)") of the school's active people whose name, email
    or function contains each word of `query`, for choosing invitees. Plain values: a large
    school lists hundreds of people, and the page shows only a name per person."""
    people = organisation.memberships.filter(is_active=True)
    for word in query.split()[:5]:
        people = people.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
            | Q(function__icontains=word)
        )
    return _labelled(people.order_by("user__last_name", "user__first_name"))


def share_candidates(*, survey: Survey, query: str, limit: int = 20) -> tuple[int, list]:
    """The school's active people, other than the survey's subject, whose name, email or
    function contains each word of `query` (ignoring case): how many there are, and the
    first `limit` of them by name as (membership id, "name (function)")."""
    words = query.split()[:5]
    if not words:
        return 0, []
    people = survey.organisation.memberships.filter(is_active=True).exclude(pk=survey.subject_id)
    for word in words:
        people = people.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__email__icontains=word)
            | Q(function__icontains=word)
        )
    found = _labelled(people.order_by("user__last_name", "user__first_name", "pk")[: limit + 1])
    total = len(found) if len(found) <= limit else people.count()
    return total, found[:limit]


def _labelled(memberships) -> list[tuple[int, str]]:
    """(membership id, "name (function)") per membership, read as plain values."""
    people = []
    for pk, first, last, email, function in memberships.values_list(
        "pk", "user__first_name", "user__last_name", "user__email", "function"
    ):
        name = person_name(first, last, email)
        people.append((pk, f"{name} ({function})" if function else name))
    return people


def shared_with_names(*, survey: Survey) -> list[str]:
    """The names of the colleagues the survey's report is shared with."""
    return [
        person_name(*row)
        for row in survey.shared_with.order_by(
            "user__last_name", "user__first_name", "pk"
        ).values_list("user__first_name", "user__last_name", "user__email")
    ]


def providers_for_sharing(*, survey: Survey) -> list[Organisation]:
    """Every provider by name, each with `shared`: whether the survey's report is shared
    with it."""
    shared = Survey.shared_with_providers.through.objects.filter(
        organisation=OuterRef("pk"), survey=survey
    )
    return list(
        Organisation.objects.filter(kind=Organisation.Kind.PROVIDER)
        .only("name")
        .annotate(shared=Exists(shared))
        .order_by("name", "pk")
    )


def round_invitees(*, round_: Round) -> list[dict]:
    """The invitees of a round: email, rater group (its label) and whether the invitation
    was sent (shown to the survey's managers only). Plain values, one row per invitee;
    invitations whose address the retention purge removed are no longer listed."""
    labels = {kind: str(label) for kind, label in RaterGroup.Kind.choices}
    return [
        {"email": email, "rater_group": labels.get(kind, kind), "sent": sent_at is not None}
        for email, kind, sent_at in round_.invitations.exclude(
            token__startswith=PURGED_TOKEN_PREFIX
        )
        .order_by("rater_group__position", "email")
        .values_list("email", "rater_group__kind", "sent_at")
    ]


def point_rounds(*, access: Access) -> QuerySet[Round]:
    """The rounds of the school whose development points the user may see, with their
    survey: those of school-wide surveys for its leaders, of a 360° for its subject and
    those it is shared with."""
    visible = Q(pk__in=[])
    if access.can_manage:
        visible |= Q(survey__subject__isnull=True)
    if access.membership is not None:
        visible |= Q(survey__subject=access.membership)
        visible |= Q(survey__in=Survey.objects.filter(shared_with=access.membership).values("pk"))
    return Round.objects.filter(visible, survey__organisation=access.organisation).select_related(
        "survey"
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
