"""A participant's page reads what they did with plain SQL (participation_sql.py); it must
give what the ORM queries it stands for give."""

import datetime

import pytest
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from networks.models import (
    Assignment,
    Attendance,
    CoachingGroup,
    Reflection,
    ResearchGroup,
    Submission,
)
from networks.participation_sql import has_closed_360, participant_marks
from networks.services import registration
from networks.tailoring import closed_360s
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory, SchoolFactory, UserFactory
from surveys import services as survey_services
from surveys.loader import load_all
from surveys.models import InstrumentVersion, Round

from .factories import LearningGroupFactory, SessionFactory


@pytest.fixture
def pair(edition):
    """Two participants of one learning group, and one of another edition."""
    edition.capacity = 10
    edition.save()
    people = UserFactory.create_batch(3)
    application = registration.application_submit(
        edition_id=edition.pk, applicant=people[0], people=people, school=SchoolFactory()
    )
    me, colleague, loner = application.participants.order_by("pk")
    group = LearningGroupFactory(edition=edition)
    for participant in (me, colleague):
        participant.group = group
        participant.save()
    return me, colleague, loner


def _orm_assignments(participant):
    """The ORM query the participant's page used before the marks were read in SQL."""
    own = Submission.objects.filter(assignment=OuterRef("pk")).filter(
        Q(participant=participant) | Q(group_id=participant.group_id, group__isnull=False)
    )
    return {
        a.pk: (a.submission_id is not None, a.has_feedback is not None)
        for a in participant.edition.assignments.annotate(
            submission_id=Subquery(own.values("pk")[:1]),
            has_feedback=Subquery(own.exclude(feedback="").values("pk")[:1]),
        )
    }


def test_the_marks_are_those_of_the_orm(pair, edition):
    me, colleague, loner = pair
    today = timezone.localdate()
    sessions = [SessionFactory(edition=edition) for _ in range(3)]
    Attendance.objects.create(session=sessions[0], participant=me, status="present")
    Attendance.objects.create(session=sessions[1], participant=me, status="excused")
    Attendance.objects.create(session=sessions[0], participant=colleague, status="absent")
    Reflection.objects.create(session=sessions[1], participant=me, text="Geleerd.")
    Reflection.objects.create(session=sessions[2], participant=colleague, text="Ook.")
    own, by_group, theirs, nothing = (
        Assignment.objects.create(edition=edition, title=t, due_on=today, is_group=g)
        for t, g in (("eigen", False), ("groep", True), ("van een ander", False), ("niets", False))
    )
    Submission.objects.create(assignment=own, participant=me, text="b", feedback="Sterk.")
    Submission.objects.create(assignment=by_group, participant=colleague, group=me.group)
    Submission.objects.create(assignment=theirs, participant=colleague, text="c", feedback="Ok")
    coaching = CoachingGroup.objects.create(edition=edition)
    coaching.members.set([me, colleague])
    research = ResearchGroup.objects.create(edition=edition, theme="Feedback")
    research.members.set([colleague])

    marks = participant_marks(me)
    assert marks.attendance == dict(me.attendances.values_list("session_id", "status"))
    assert marks.attendance == {sessions[0].pk: "present", sessions[1].pk: "excused"}
    assert marks.reflected == set(me.reflections.values_list("session_id", flat=True))
    orm = _orm_assignments(me)
    assert {pk: (pk in marks.submissions, pk in marks.feedback) for pk in orm} == orm
    assert orm == {
        own.pk: (True, True),
        by_group.pk: (True, False),
        theirs.pk: (False, False),
        nothing.pk: (False, False),
    }
    assert marks.coaching == set(me.coaching_groups.values_list("pk", flat=True))
    assert marks.research == set(me.research_groups.values_list("pk", flat=True)) == set()

    # Without a group, a group's submissions never count.
    assert participant_marks(loner).submissions == {}
    assert {pk for pk, (handed_in, _) in _orm_assignments(loner).items() if handed_in} == set()


@pytest.fixture
def version_360(db):
    load_all()
    return InstrumentVersion.objects.get(instrument__code="gedeeld-leiderschap-360")


def _survey(subject, version, **round_fields):
    today = timezone.localdate()
    survey = survey_services.survey_create(
        organisation=subject.organisation,
        version=version,
        title="Bevraging",
        subject=subject,
        opens_on=today - datetime.timedelta(days=20),
        closes_on=today + datetime.timedelta(days=5),
        actor=subject.user,
    )
    Round.objects.filter(survey=survey).update(**round_fields)
    return survey


@pytest.mark.parametrize(
    ("round_fields", "finished"),
    [
        ({}, False),
        ({"closed": True}, True),
        ({"closes_on": timezone.localdate() - datetime.timedelta(days=1)}, True),
        ({"closes_on": timezone.localdate()}, False),  # closes at the end of today
    ],
)
def test_a_closed_360_is_found_as_by_the_orm(version_360, round_fields, finished):
    leader = MembershipFactory(role=Membership.Role.LEADER)
    _survey(leader, version_360, **round_fields)
    assert has_closed_360(leader.user_id) is finished
    assert bool(closed_360s([leader.user_id])) is finished


def test_only_a_360_about_the_person_counts(version_360):
    leader = MembershipFactory(role=Membership.Role.LEADER)
    other = MembershipFactory(role=Membership.Role.LEADER, organisation=leader.organisation)
    _survey(other, version_360, closed=True)
    school_wide = InstrumentVersion.objects.get(instrument__code="teampols")
    survey = survey_services.survey_create(
        organisation=leader.organisation,
        version=school_wide,
        title="Teampols",
        subject=None,
        opens_on=timezone.localdate(),
        closes_on=timezone.localdate(),
        actor=leader.user,
    )
    Round.objects.filter(survey=survey).update(closed=True)
    assert has_closed_360(leader.user_id) is False
    assert closed_360s([leader.user_id]) == {}
    assert has_closed_360(other.user_id) is True
