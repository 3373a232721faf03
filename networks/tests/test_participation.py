"""What a participant's page reads of what they did: attendance, reflections, submissions
(their own or their group's), coaching and research groups, and a closed 360° about them."""

import datetime

import pytest
from django.utils import timezone

from networks import selectors
from networks.models import (
    Assignment,
    Attendance,
    CoachingGroup,
    Reflection,
    ResearchGroup,
    Submission,
)
from networks.services import registration
from networks.tailoring import closed_360s, has_closed_360
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


def test_the_page_reads_what_the_participant_did(pair, edition):
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

    by_session = {s.pk: s for s in selectors.participant_sessions(me)}
    assert {pk: s.my_status for pk, s in by_session.items()} == {
        sessions[0].pk: "present",
        sessions[1].pk: "excused",
        sessions[2].pk: None,
    }
    assert [pk for pk, s in by_session.items() if s.reflected] == [sessions[1].pk]
    learning = selectors.participant_learning(me)
    found = {a.pk: (a.submission_id is not None, a.has_feedback) for a in learning["assignments"]}
    assert found == {
        own.pk: (True, True),
        by_group.pk: (True, False),
        theirs.pk: (False, False),
        nothing.pk: (False, False),
    }
    assert [g.pk for g in learning["coaching"]] == [coaching.pk]
    assert learning["research"] == []

    # Without a group, a group's submissions never count.
    handed_in = [a for a in selectors.participant_learning(loner)["assignments"] if a.submission_id]
    assert handed_in == []


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
def test_a_closed_360_is_found(version_360, round_fields, finished):
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
