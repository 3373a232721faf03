"""Reads for networks: the public catalogue, the trainer's overview, a participant's home."""

import datetime
from collections import defaultdict

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import formats, timezone

from surveys.models import Invitation

from .models import (
    Application,
    Attendance,
    CoachingGroup,
    Edition,
    Participant,
    Programme,
    Reflection,
    ResearchGroup,
    Session,
    Submission,
)
from .services import running

Status = Application.Status


def _taken_subquery(now):
    """The places held in each edition, in its unit: people, or one per group application."""
    held = Application.objects.filter(edition=OuterRef("pk")).filter(
        Q(status=Status.ACCEPTED) | Q(status=Status.OFFERED, offer_expires_at__gte=now)
    )
    places = Case(
        When(edition__capacity_unit=Edition.CapacityUnit.GROUPS, then=Value(1)),
        default=F("size"),
        output_field=IntegerField(),
    )
    total = held.values("edition").annotate(total=Sum(places)).values("total")
    return Coalesce(Subquery(total, output_field=IntegerField()), 0)


def _published_editions(provider=None):
    """Editions of published programmes: of one provider, or of every provider."""
    editions = Edition.objects.filter(programme__is_published=True)
    if provider is not None:
        editions = editions.filter(programme__provider=provider)
    return editions


def public_editions(provider=None):
    """Editions of the provider's (or every provider's) published programmes, with their
    places taken."""
    return (
        _published_editions(provider)
        .select_related("programme__trainer__user")
        .annotate(taken=_taken_subquery(timezone.now()))
        .annotate(free=F("capacity") - F("taken"))
        .order_by("starts_on", "pk")
    )


def catalogue(provider=None, *, q="", audience="", theme="", month="", place=""):
    """The public catalogue of one provider, or of all providers without one: upcoming and
    running editions, filtered. `month` is YYYY-MM and matches editions that have a session
    (or start) in that month."""
    # The cards show the programme and its provider (the links name it), not the trainer.
    editions = (
        public_editions(provider)
        .filter(ends_on__gte=timezone.localdate())
        .select_related(None)
        .select_related("programme__provider")
    )
    if q:
        editions = editions.filter(
            Q(programme__title__icontains=q)
            | Q(programme__code__icontains=q)
            | Q(programme__summary__icontains=q)
            | Q(programme__theme__icontains=q)
        )
    if audience:
        editions = editions.filter(programme__audience=audience)
    if theme:
        editions = editions.filter(programme__theme=theme)
    if place:
        editions = editions.filter(city=place)
    try:
        first_day = datetime.date(*(int(part) for part in month.split("-")), 1)
    except (TypeError, ValueError):
        first_day = None
    if first_day:
        after = (first_day + datetime.timedelta(days=31)).replace(day=1)
        in_month = Session.objects.filter(
            edition=OuterRef("pk"), date__gte=first_day, date__lt=after
        )
        editions = editions.filter(
            Q(starts_on__gte=first_day, starts_on__lt=after) | Exists(in_month)
        )
    return editions


def catalogue_filter_values(provider=None):
    """Themes, months (value, label) and places that occur in the provider's catalogue (or
    the catalogue of all providers). The months start at the current one: a running edition's
    past sessions are no month to choose."""
    today = timezone.localdate()
    editions = _published_editions(provider).filter(ends_on__gte=today)
    themes = (
        editions.exclude(programme__theme="")
        .values_list("programme__theme", flat=True)
        .order_by("programme__theme")
        .distinct()
    )
    places = editions.exclude(city="").values_list("city", flat=True).order_by("city").distinct()
    # The months an edition starts in or has a session in, in one query.
    starts = (
        editions.annotate(month=TruncMonth("starts_on")).values_list("month", flat=True).order_by()
    )
    sessions = (
        Session.objects.filter(edition__in=editions)
        .annotate(month=TruncMonth("date"))
        .values_list("month", flat=True)
        .order_by()
    )
    this_month = today.replace(day=1)
    months = sorted(m for m in starts.union(sessions) if m >= this_month)
    month_choices = [(f"{d:%Y-%m}", formats.date_format(d, "YEAR_MONTH_FORMAT")) for d in months]
    return list(themes), month_choices, list(places)


def edition_sessions(edition):
    return edition.sessions.select_related("group").order_by("date", "start_time", "pk")


def edition_overview(edition):
    """Everything the trainer's overview shows, in a fixed number of queries."""
    now = timezone.now()
    groups = list(edition.groups.select_related("trainer__user").order_by("name", "pk"))
    # Each group's accepted members as plain (group, school community) pairs: the overview
    # shows their number and warnings, not the people.
    communities = defaultdict(list)
    members = Participant.objects.filter(
        edition=edition, is_active=True, application__status=Status.ACCEPTED, group__isnull=False
    ).values_list("group_id", "school__parent_id")
    for group_id, community_id in members:
        communities[group_id].append(community_id)
    for group in groups:
        group.member_count = len(communities[group.pk])
        group.warnings = running.membership_warnings(
            size=group.member_count, communities=set(communities[group.pk])
        )
    sessions = edition_sessions(edition).annotate(
        present=Count("attendances", filter=Q(attendances__status=Attendance.Status.PRESENT)),
        recorded=Count("attendances"),
        evaluated=Coalesce(
            Subquery(
                Invitation.objects.filter(
                    round__survey=OuterRef("evaluation"), status=Invitation.Status.COMPLETED
                )
                .order_by()  # the default order would join the rater groups for nothing
                .values("round__survey")
                .annotate(n=Count("pk"))
                .values("n")
            ),
            0,
        ),
    )
    # One query for the three lists: to review (submitted, offered), accepted, waiting.
    # Ended applications are read too: an edition people applied for is never deleted.
    every_application = list(
        edition.applications.select_related("applicant", "school").order_by("created_at", "pk")
    )
    accepted_applications = [a for a in every_application if a.status == Status.ACCEPTED]
    applications = [a for a in every_application if a.status in (Status.SUBMITTED, Status.OFFERED)]
    waiting = sorted(
        (a for a in every_application if a.status == Status.WAITLISTED),
        key=lambda a: (a.waitlisted_at, a.pk),
    )
    # A group application has one participant per place, so counting participants counts
    # places; one query gives the figures and the number of people without a group.
    counts = Participant.objects.filter(edition=edition, is_active=True).aggregate(
        accepted=Count("pk", filter=Q(application__status=Status.ACCEPTED)),
        offered=Count("pk", filter=Q(application__status=Status.OFFERED)),
        ungrouped=Count("pk", filter=Q(application__status=Status.ACCEPTED, group=None)),
    )
    if edition.counts_groups:
        taken = len(accepted_applications) + sum(a.status == Status.OFFERED for a in applications)
    else:
        taken = counts["accepted"] + counts["offered"]
    assignments = list(
        edition.assignments.annotate(submitted=Count("submissions")).order_by("due_on", "pk")
    )
    for assignment in assignments:
        expected = len(groups) if assignment.is_group else counts["accepted"]
        assignment.outstanding = max(expected - assignment.submitted, 0)
    return {
        "groups": groups,
        "sessions": list(sessions),
        "applications": applications,
        "accepted_applications": accepted_applications,
        "waiting": waiting,
        "ungrouped": counts["ungrouped"],
        "accepted": counts["accepted"],
        "free": max(edition.capacity - taken, 0),
        "assignments": assignments,
        "deadline_changes": list(edition.deadline_changes.order_by("-changed_at", "-pk")[:10]),
        "has_applications": bool(every_application),
        "now": now,
    }


def participant_sessions(participant):
    """Sessions of the participant's edition that concern them (all-edition sessions and their
    own group's), each with their attendance status (or None) and whether they reflected."""
    return list(
        # The edition rides along: an online edition makes its sessions online (their place).
        Session.objects.filter(edition_id=participant.edition_id)
        .select_related("edition")
        .filter(Q(group=None) | Q(group_id=participant.group_id))
        .annotate(
            my_status=Subquery(
                Attendance.objects.filter(session=OuterRef("pk"), participant=participant).values(
                    "status"
                )[:1]
            ),
            reflected=Exists(
                Reflection.objects.filter(session=OuterRef("pk"), participant=participant)
            ),
        )
        .order_by("date", "start_time", "pk")
    )


def my_home(user):
    """A person's applications and participations, newest first, and their sessions of the
    coming months."""
    today = timezone.localdate()
    mine = Participant.objects.filter(user=user)
    taking_part = mine.filter(is_active=True, application__status=Status.ACCEPTED)
    # Applications the person submitted, and group applications a colleague made for them:
    # one row each (a subquery, not a join over the participants), with the school it is for.
    applications = (
        Application.objects.filter(Q(applicant=user) | Q(pk__in=mine.values("application_id")))
        .select_related("edition__programme", "school")
        .order_by("-created_at", "-pk")
    )
    participations = (
        taking_part.select_related("edition__programme__provider", "group")
        .annotate(
            attended=Count("attendances", filter=Q(attendances__status=Attendance.Status.PRESENT))
        )
        .order_by("-edition__starts_on", "pk")
    )
    # Sessions of the editions they take part in: for everyone, or for a group of theirs.
    upcoming = (
        Session.objects.filter(date__range=(today, today + datetime.timedelta(days=120)))
        .filter(Exists(taking_part.filter(edition=OuterRef("edition_id"))))
        .filter(Q(group=None) | Exists(mine.filter(group=OuterRef("group_id"))))
        .select_related("edition__programme")
        .order_by("date", "start_time", "pk")
    )
    return {
        "applications": list(applications[:50]),
        "participations": list(participations),
        "upcoming": list(upcoming[:8]),
    }


def provider_programmes(provider):
    return (
        Programme.objects.filter(provider=provider)
        .annotate(edition_count=Count("editions"))
        .select_related("trainer__user")
        .order_by("title")
    )


def participant_learning(participant):
    """The participant's assignments with their own (or their group's) submission, their
    coaching and research groups, and the programme's literature and instruments."""
    own = Submission.objects.filter(assignment=OuterRef("pk")).filter(
        Q(participant=participant) | Q(group_id=participant.group_id, group__isnull=False)
    )
    assignments = participant.edition.assignments.annotate(
        submission_id=Subquery(own.values("pk")[:1]),
        has_feedback=Exists(own.exclude(feedback="")),
    ).order_by("due_on", "pk")
    programme = participant.edition.programme
    return {
        "assignments": list(assignments),
        "coaching": _coaching(participant.coaching_groups.all()),
        "research": _research(participant.research_groups.all()),
        "literature": list(programme.literature.order_by("reference", "pk")),
        "instruments": [line for line in programme.instruments.splitlines() if line.strip()],
    }


def accepted_participants(edition):
    return list(
        Participant.objects.filter(
            edition=edition, is_active=True, application__status=Status.ACCEPTED
        )
        .select_related("user", "school", "group")
        .order_by("group__name", "user__last_name", "user__first_name")
    )


def assignment_status(assignment):
    """Each participant (or, for a group assignment, each learning group) with their
    submission or None: the status per participant."""
    submissions = list(
        Submission.objects.filter(assignment=assignment).select_related(
            "participant__user", "group"
        )
    )
    if assignment.is_group:
        by_group = {s.group_id: s for s in submissions}
        groups = list(assignment.edition.groups.order_by("name"))
        rows = [(g, by_group.get(g.pk)) for g in groups]
    else:
        by_person = {s.participant_id: s for s in submissions}
        rows = [(p, by_person.get(p.pk)) for p in accepted_participants(assignment.edition)]
    return {
        "rows": rows,
        "submitted": sum(1 for _row, s in rows if s),
        "with_feedback": sum(1 for _row, s in rows if s and s.feedback),
    }


def _members() -> Prefetch:
    return Prefetch("members", queryset=Participant.objects.select_related("user", "school"))


def _coaching(groups) -> list[CoachingGroup]:
    """These coaching groups with their members and logged moments."""
    return list(groups.prefetch_related(_members(), "moments").order_by("pk"))


def _research(groups) -> list[ResearchGroup]:
    """These research groups with their members and presentation session."""
    return list(
        groups.select_related("presentation_session")
        .prefetch_related(_members())
        .order_by("theme", "pk")
    )


def coaching_groups(edition):
    return _coaching(CoachingGroup.objects.filter(edition=edition))


def research_groups(edition):
    return _research(ResearchGroup.objects.filter(edition=edition))


def submission_maps(participant):
    """The value stream maps a participant may hand in: those of their school, while they are
    an active member of it (none without a school)."""
    from valuestreams.models import ValueStreamMap

    if participant.school_id is None:
        return ValueStreamMap.objects.none()
    return ValueStreamMap.objects.filter(
        organisation_id=participant.school_id,
        organisation__memberships__user_id=participant.user_id,
        organisation__memberships__is_active=True,
    ).order_by("process", "version", "pk")
