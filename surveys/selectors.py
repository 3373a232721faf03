"""Reads for surveys: lists and progress, with query counts that do not grow with data."""

from django.db.models import Q, QuerySet

from accounts.models import User
from core.sql import RowPages, fetch
from organisations.access import Access
from organisations.models import Membership, Organisation
from organisations.selectors import person_name

from .models import (
    DevelopmentPoint,
    InstrumentVersion,
    Invitation,
    Item,
    OpenQuestion,
    RaterGroup,
    Response,
    Round,
    Survey,
)
from .models.instruments import pick

# The survey list and the progress table are read as plain rows: a page of surveys as
# model instances with their version, instrument, subject and user costs several times the
# SQL itself. Table names come from the models; columns are Django's defaults.
_TABLES = {
    "survey": Survey._meta.db_table,
    "shared": Survey.shared_with.through._meta.db_table,
    "version": InstrumentVersion._meta.db_table,
    "round": Round._meta.db_table,
    "invitation": Invitation._meta.db_table,
    "group": RaterGroup._meta.db_table,
    "membership": Membership._meta.db_table,
    "user": User._meta.db_table,
    "organisation": Organisation._meta.db_table,
    "shared_provider": Survey.shared_with_providers.through._meta.db_table,
    "response": Response._meta.db_table,
    "point": DevelopmentPoint._meta.db_table,
}
_SURVEYS_FROM = "FROM {survey} s WHERE s.organisation_id = %s".format(**_TABLES)
_SURVEYS_VISIBLE = (
    " AND (s.subject_id = %s OR s.id IN (SELECT survey_id FROM {shared} WHERE membership_id = %s))"
).format(**_TABLES)
_SURVEY_PAGE = """
    SELECT s.id, s.title, v.title_nl, v.title_en, v.number, u.first_name, u.last_name, u.email,
        (SELECT COUNT(*) FROM {round} r WHERE r.survey_id = s.id),
        (SELECT COUNT(*) FROM {invitation} i JOIN {round} r ON r.id = i.round_id
            WHERE r.survey_id = s.id),
        (SELECT COUNT(*) FROM {invitation} i JOIN {round} r ON r.id = i.round_id
            WHERE r.survey_id = s.id AND i.status = '{completed}')
    FROM {survey} s
    JOIN {version} v ON v.id = s.version_id
    LEFT JOIN {membership} m ON m.id = s.subject_id
    LEFT JOIN {user} u ON u.id = m.user_id
    WHERE s.organisation_id = %s{{visible}}
    ORDER BY s.created_at DESC, s.id DESC LIMIT %s OFFSET %s""".format(
    completed=Invitation.Status.COMPLETED.value, **_TABLES
)
_PROGRESS = """
    SELECT g.id, g.kind, g.threshold, COUNT(i.id), COUNT(i.sent_at),
        COUNT(CASE WHEN i.status = %s THEN 1 END), COUNT(CASE WHEN i.status = %s THEN 1 END)
    FROM {group} g LEFT JOIN {invitation} i ON i.rater_group_id = g.id AND i.round_id = %s
    WHERE g.survey_id = %s
    GROUP BY g.id, g.kind, g.threshold, g.position
    ORDER BY g.position, g.id""".format(**_TABLES)
_ROUNDS = """
    SELECT id, survey_id, number, opens_on, closes_on, closed, created_at
    FROM {round} WHERE survey_id = %s ORDER BY number""".format(**_TABLES)
# A report's rounds with what their published results can still change with (see
# report_cache.py): the submitted responses and a stamp of the points sent from the round.
_REPORT_ROUNDS = """
    SELECT r.id, r.survey_id, r.number, r.opens_on, r.closes_on, r.closed, r.created_at,
        (SELECT COUNT(*) FROM {response} s WHERE s.round_id = r.id AND s.status = %s)
            AS submitted,
        (SELECT COUNT(*) FROM {point} p WHERE p.round_id = r.id) AS points,
        (SELECT MAX(p.id) FROM {point} p WHERE p.round_id = r.id) AS last_point
    FROM {round} r WHERE r.survey_id = %s ORDER BY r.number""".format(**_TABLES)
_THRESHOLDS = "SELECT id, threshold FROM {group} WHERE survey_id = %s ORDER BY id".format(**_TABLES)
_SHARED_WITH = """
    SELECT u.first_name, u.last_name, u.email
    FROM {shared} sw
    JOIN {membership} m ON m.id = sw.membership_id
    JOIN {user} u ON u.id = m.user_id
    WHERE sw.survey_id = %s
    ORDER BY u.last_name, u.first_name, m.id""".format(**_TABLES)
_PROVIDERS = """
    SELECT o.id, o.name, EXISTS(
        SELECT 1 FROM {shared_provider} sp WHERE sp.organisation_id = o.id AND sp.survey_id = %s
    )
    FROM {organisation} o WHERE o.kind = %s
    ORDER BY o.name, o.id""".format(**_TABLES)


def survey_list(*, access: Access) -> RowPages:
    """The school's surveys the user may see, newest first, a page at a time (give it to
    `paginate`): dicts with the survey's id, title, instrument (version title and number),
    whom it is about (a name, or "" for a school-wide survey) and its rounds, invitations
    and completed invitations counted. Managers see every survey; others the 360°s about
    them and those shared with them."""
    visible, params = "", [access.organisation.pk]
    if not access.can_manage:
        if access.membership is None:
            visible = " AND 0 = 1"
        else:
            visible = _SURVEYS_VISIBLE
            params += [access.membership.pk, access.membership.pk]
    return RowPages(
        count_sql=f"SELECT COUNT(*) {_SURVEYS_FROM}{visible}",
        page_sql=_SURVEY_PAGE.format(visible=visible),
        params=params,
        build=_survey_rows,
    )


def _survey_rows(rows) -> list[dict]:
    return [
        {
            "id": pk,
            "title": title,
            "instrument": pick(title_nl, title_en),
            "version": number,
            "about": person_name(first_name or "", last_name or "", email or ""),
            "round_count": round_count,
            "invited": invited,
            "completed": completed,
        }
        for (
            pk,
            title,
            title_nl,
            title_en,
            number,
            first_name,
            last_name,
            email,
            round_count,
            invited,
            completed,
        ) in rows
    ]


def survey_rounds(*, survey: Survey) -> list[Round]:
    """The survey's rounds in order (the last is the current one). A raw query still gives
    Round instances with their dates converted, at a fraction of the queryset's cost."""
    rounds = list(Round.objects.raw(_ROUNDS, [survey.pk]))
    for round_ in rounds:
        round_.survey = survey
    return rounds


def report_rounds(*, survey: Survey) -> list[Round]:
    """The survey's rounds in order, each with `submitted` (its number of submitted
    responses), `points` and `last_point` (the development points sent from it)."""
    rounds = list(Round.objects.raw(_REPORT_ROUNDS, [Response.Status.SUBMITTED.value, survey.pk]))
    for round_ in rounds:
        round_.survey = survey
    return rounds


def group_thresholds(*, survey: Survey) -> list[tuple[int, int]]:
    """(rater group id, anonymity threshold) of every group of the survey."""
    return fetch(_THRESHOLDS, [survey.pk])


def round_progress(*, round_: Round) -> list[dict]:
    """Per rater group of the round's survey, in order: its id, label, anonymity threshold
    and whether it may go below three, and its invitations in this round counted — invited,
    sent, started and completed — in one query."""
    labels = dict(RaterGroup.Kind.choices)
    status = Invitation.Status
    rows = fetch(_PROGRESS, [status.STARTED, status.COMPLETED, round_.pk, round_.survey_id])
    return [
        {
            "id": pk,
            "label": str(labels.get(kind, kind)),
            "kind": kind,
            "threshold": threshold,
            "small": kind in RaterGroup.SMALL_KINDS,
            "invited": invited,
            "sent": sent,
            "started": started,
            "completed": completed,
        }
        for pk, kind, threshold, invited, sent, started, completed in rows
    ]


def school_people(*, organisation) -> list[tuple[int, str]]:
    """(membership id, "name (function)") of the school's active people, for choosing
    invitees. Plain values: a large school lists hundreds of people, and the page shows only
    a name per person."""
    return _labelled(
        organisation.memberships.filter(is_active=True).order_by(
            "user__last_name", "user__first_name"
        )
    )


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
    return [person_name(*row) for row in fetch(_SHARED_WITH, [survey.pk])]


def providers_for_sharing(*, survey: Survey) -> list[dict]:
    """Every provider by name (dicts with pk and name), and whether the survey's report is
    shared with it."""
    rows = fetch(_PROVIDERS, [survey.pk, Organisation.Kind.PROVIDER.value])
    return [{"pk": pk, "name": name, "shared": bool(shared)} for pk, name, shared in rows]


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
