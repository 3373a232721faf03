"""The trainer's overview counts with plain SQL (overview_sql.py); each query must give what
the ORM query it stands for gives."""

import datetime
from dataclasses import astuple

import pytest
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from networks import overview_sql
from networks.models import Application, Assignment, Attendance, Participant, Submission
from networks.services import evaluations, registration, running, selection
from organisations.tests.factories import CommunityFactory, SchoolFactory, UserFactory
from surveys.loader import load_all
from surveys.models import Invitation

from .factories import EditionFactory, LearningGroupFactory, SessionFactory


def _apply(edition, n, school=None):
    people = UserFactory.create_batch(n)
    return registration.application_submit(
        edition_id=edition.pk, applicant=people[0], people=people, school=school
    )


@pytest.fixture
def busy_edition(db, edition, trainer):
    """An edition with groups, people of several communities and none, an offered and a
    withdrawn application, attendance, an evaluation with answers, and submissions; next to
    another edition whose rows must not count."""
    load_all()
    edition.capacity = 40
    edition.starts_on = timezone.localdate() - datetime.timedelta(days=30)
    edition.save()
    north = SchoolFactory(parent=CommunityFactory())
    loose = SchoolFactory(parent=None)
    accepted = _apply(edition, 3, north)
    other = _apply(edition, 2, loose)
    unschooled = _apply(edition, 1)
    withdrawn = _apply(edition, 1, north)
    selection.application_withdraw(application_id=withdrawn.pk, user=withdrawn.applicant)
    Application.objects.filter(pk=unschooled.pk).update(status=Application.Status.OFFERED)
    group = LearningGroupFactory(edition=edition, trainer=trainer)
    members = list(accepted.participants.all()) + list(other.participants.all())[:1]
    running.group_set_members(group=group, participant_ids=[p.pk for p in members], actor=None)
    LearningGroupFactory(edition=edition)  # empty

    attended = SessionFactory(edition=edition, date=timezone.localdate())
    statuses = [Attendance.Status.PRESENT, Attendance.Status.PRESENT, Attendance.Status.ABSENT]
    for participant, status in zip(accepted.participants.order_by("pk"), statuses, strict=True):
        Attendance.objects.create(session=attended, participant=participant, status=status)
    attended = evaluations.session_evaluation_start(session=attended, actor=trainer.user)
    invited = Invitation.objects.filter(round__survey=attended.evaluation_id).order_by("pk")
    assert invited.count() == 2
    invited.filter(pk=invited[0].pk).update(status=Invitation.Status.COMPLETED)
    SessionFactory(edition=edition, group=group)  # nothing recorded

    due = timezone.localdate()
    handed_in = Assignment.objects.create(edition=edition, title="In kaart", due_on=due)
    Assignment.objects.create(edition=edition, title="Nog niets", is_group=True, due_on=due)
    for participant in accepted.participants.all()[:2]:
        Submission.objects.create(assignment=handed_in, participant=participant, text="klaar")

    elsewhere = EditionFactory(programme=edition.programme, capacity=10)
    _apply(elsewhere, 2, north)
    SessionFactory(edition=elsewhere)
    Assignment.objects.create(edition=elsewhere, title="Elders", due_on=due)
    return edition


def test_the_sessions_and_assignments_are_those_of_the_orm(busy_edition):
    orm_sessions = (
        busy_edition.sessions.select_related("group")
        .annotate(
            present=Count("attendances", filter=Q(attendances__status=Attendance.Status.PRESENT)),
            recorded=Count("attendances"),
            evaluated=Coalesce(
                Subquery(
                    Invitation.objects.filter(
                        round__survey=OuterRef("evaluation"), status=Invitation.Status.COMPLETED
                    )
                    .values("round__survey")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            ),
        )
        .order_by("date", "start_time", "pk")
    )
    expected = [
        (
            s.pk,
            s.date,
            s.end_date,
            s.title,
            s.kind,
            s.group_id,
            s.group.name if s.group else None,
            s.evaluation_id,
            s.present,
            s.recorded,
            s.evaluated,
        )
        for s in orm_sessions
    ]
    sessions = overview_sql.sessions(busy_edition.pk)
    assert [astuple(s) for s in sessions] == expected
    assert sorted((s.present, s.recorded, s.evaluated) for s in sessions) == [(0, 0, 0), (2, 3, 1)]
    orm_assignments = busy_edition.assignments.annotate(submitted=Count("submissions")).order_by(
        "due_on", "pk"
    )
    assignments = overview_sql.assignments(busy_edition.pk)
    assert [(a.pk, a.title, a.is_group, a.due_on, a.submitted) for a in assignments] == [
        (a.pk, a.title, a.is_group, a.due_on, a.submitted) for a in orm_assignments
    ]
    assert sorted(a.submitted for a in assignments) == [0, 2]


def test_the_applications_and_groups_are_those_of_the_orm(busy_edition):
    orm_applications = busy_edition.applications.select_related("applicant", "school").order_by(
        "created_at", "pk"
    )
    Application.objects.filter(pk=orm_applications[0].pk).update(
        intake_at=timezone.now(), decided_at=timezone.now()
    )
    expected = [
        (
            a.pk,
            a.applicant.get_full_name() or a.applicant.email,
            a.school.name if a.school else None,
            a.size,
            a.status,
            a.intake_at,
            a.waitlisted_at,
            a.decided_at,
            a.created_at,
        )
        for a in orm_applications
    ]
    rows = [astuple(a) for a in overview_sql.applications(busy_edition.pk)]
    assert rows == expected
    assert rows[0][5] is not None and None in {row[2] for row in rows}
    orm_groups = busy_edition.groups.select_related("trainer__user").order_by("name", "pk")
    assert [astuple(g)[:4] for g in overview_sql.groups(busy_edition.pk)] == [
        (g.pk, g.name, g.trainer_id, g.trainer.user.get_full_name() if g.trainer else "")
        for g in orm_groups
    ]
    assert {g.trainer_id for g in orm_groups} & {None}


def test_the_active_participants_are_those_of_the_orm(busy_edition):
    rows = overview_sql.active_participants(busy_edition.pk)
    orm = list(
        Participant.objects.filter(edition=busy_edition, is_active=True)
        .order_by("pk")
        .values_list("group_id", "application__status", "school__parent_id")
    )
    assert rows == orm
    assert {status for _, status, _ in rows} == {"accepted", "offered"}
    assert None in {community for _, _, community in rows}


def test_an_edition_without_anything_has_no_rows(edition):
    assert overview_sql.sessions(edition.pk) == overview_sql.assignments(edition.pk) == []
    assert overview_sql.applications(edition.pk) == overview_sql.groups(edition.pk) == []
    assert overview_sql.active_participants(edition.pk) == []
