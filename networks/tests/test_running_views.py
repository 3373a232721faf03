import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from networks.models import Attendance, Participant, Session
from networks.services import registration, running
from organisations.tests.factories import CommunityFactory, SchoolFactory, UserFactory

from .factories import LearningGroupFactory, SessionFactory


def _url(name, provider, **kwargs):
    return reverse(f"networks:{name}", kwargs={"slug": provider.slug, **kwargs})


def _participants(edition, n, school=None):
    school = school or SchoolFactory()
    people = UserFactory.create_batch(n)
    application = registration.application_submit(
        edition_id=edition.pk, applicant=people[0], people=people, school=school
    )
    return list(application.participants.all())


@pytest.fixture
def running_edition(edition):
    edition.capacity = 40
    edition.starts_on = timezone.localdate() - datetime.timedelta(days=60)
    edition.save()
    return edition


def test_a_small_group_and_a_mixed_group_are_warned(login, trainer, provider, running_edition):
    group = LearningGroupFactory(edition=running_edition, trainer=trainer)
    north = SchoolFactory(parent=CommunityFactory())
    south = SchoolFactory(parent=CommunityFactory())
    members = _participants(running_edition, 2, north) + _participants(running_edition, 1, south)
    client = login(trainer)
    client.post(
        _url("group_detail", provider, pk=group.pk), {"participants": [p.pk for p in members]}
    )
    assert set(group.participants.all()) == set(members)
    warnings = running.group_warnings(group)
    assert len(warnings) == 2
    body = client.get(_url("edition_overview", provider, pk=running_edition.pk)).content.decode()
    assert "normaal 4 tot 8" in body and "2 scholengemeenschappen" in body


@pytest.mark.parametrize("bad", ["99999999999999999999", "-1", "²", "abc", "0"])
def test_an_id_that_is_no_participant_changes_nothing(
    login, trainer, provider, running_edition, bad
):
    group = LearningGroupFactory(edition=running_edition, trainer=trainer)
    member, other = _participants(running_edition, 2)
    running.group_set_members(group=group, participant_ids=[member.pk], actor=None)
    response = login(trainer).post(
        _url("group_detail", provider, pk=group.pk),
        {"participants": [member.pk, other.pk, bad]},
        follow=True,
    )
    assert response.status_code == 200
    assert "Alleen aanvaarde deelnemers" in response.content.decode()
    assert list(group.participants.all()) == [member]


def test_a_group_of_five_from_one_community_has_no_warning(running_edition):
    group = LearningGroupFactory(edition=running_edition)
    school = SchoolFactory()
    members = _participants(running_edition, 5, school)
    running.group_set_members(group=group, participant_ids=[p.pk for p in members], actor=None)
    assert running.group_warnings(group) == []


def test_a_participant_cannot_be_in_two_groups(running_edition):
    first, second = LearningGroupFactory.create_batch(2, edition=running_edition)
    member = _participants(running_edition, 1)[0]
    running.group_set_members(group=first, participant_ids=[member.pk], actor=None)
    from core.errors import LeerkringError

    with pytest.raises(LeerkringError):
        running.group_set_members(group=second, participant_ids=[member.pk], actor=None)


def test_attendance_is_recorded_and_the_participant_sees_what_they_missed(
    login, trainer, provider, running_edition
):
    group = LearningGroupFactory(edition=running_edition, trainer=trainer)
    me, colleague = _participants(running_edition, 2)
    running.group_set_members(group=group, participant_ids=[me.pk, colleague.pk], actor=None)
    day1 = SessionFactory(
        edition=running_edition, title="Vormingsdag 1", date=running_edition.starts_on
    )
    day2 = SessionFactory(
        edition=running_edition,
        title="Vormingsdag 2",
        date=running_edition.starts_on + datetime.timedelta(days=14),
        programme="Waardestroomanalyse van je eigen school",
    )
    client = login(trainer)
    client.post(
        _url("session_attendance", provider, pk=day1.pk),
        {f"p_{me.pk}": "present", f"p_{colleague.pk}": "present"},
    )
    client.post(
        _url("session_attendance", provider, pk=day2.pk),
        {f"p_{me.pk}": "absent", f"p_{colleague.pk}": "present"},
    )
    assert Attendance.objects.filter(participant=me, status="present").count() == 1
    page = (
        login(me.user).get(reverse("networks:participation", kwargs={"pk": me.pk})).content.decode()
    )
    assert "Wat ik gemist heb" in page and "Waardestroomanalyse" in page
    assert colleague.user.get_full_name() in page  # group members are listed


def test_a_participant_does_not_see_another_groups_sessions(login, running_edition):
    mine, theirs = LearningGroupFactory.create_batch(2, edition=running_edition)
    me = _participants(running_edition, 1)[0]
    running.group_set_members(group=mine, participant_ids=[me.pk], actor=None)
    SessionFactory(
        edition=running_edition, group=mine, title="Onze groepssessie", kind=Session.Kind.GROUP
    )
    SessionFactory(
        edition=running_edition, group=theirs, title="Hun groepssessie", kind=Session.Kind.GROUP
    )
    SessionFactory(edition=running_edition, title="Netwerkmoment", kind=Session.Kind.NETWORK)
    client = login(me.user)
    page = client.get(reverse("networks:participation", kwargs={"pk": me.pk})).content.decode()
    assert (
        "Onze groepssessie" in page and "Netwerkmoment" in page and "Hun groepssessie" not in page
    )
    ical = client.get(reverse("networks:participation_ical", kwargs={"pk": me.pk}))
    titles = {str(e["SUMMARY"]) for e in Calendar.from_ical(ical.content).walk("VEVENT")}
    assert titles == {"Onze groepssessie", "Netwerkmoment"}
    group_ical = client.get(reverse("networks:group_ical", kwargs={"pk": me.pk}))
    titles = {str(e["SUMMARY"]) for e in Calendar.from_ical(group_ical.content).walk("VEVENT")}
    assert titles == {"Onze groepssessie"}


def test_a_multi_day_seminar_spans_its_days_in_ical(login, running_edition):
    me = _participants(running_edition, 1)[0]
    start = running_edition.starts_on
    SessionFactory(
        edition=running_edition,
        kind=Session.Kind.SEMINAR,
        title="Startseminarie",
        date=start,
        end_date=start + datetime.timedelta(days=1),
        start_time=datetime.time(10),
        end_time=datetime.time(16),
    )
    ical = login(me.user).get(reverse("networks:participation_ical", kwargs={"pk": me.pk}))
    event = Calendar.from_ical(ical.content).walk("VEVENT")[0]
    assert (event.decoded("DTEND").date() - event.decoded("DTSTART").date()).days == 1


def test_a_waitlisted_person_has_no_participation_page(login, edition):
    edition.capacity = 1
    edition.save()
    registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    waiting = registration.application_submit(edition_id=edition.pk, applicant=UserFactory())
    participant = waiting.participants.get()
    response = login(waiting.applicant).get(
        reverse("networks:participation", kwargs={"pk": participant.pk})
    )
    assert response.status_code == 404


def test_the_home_lists_applications_and_participations(login, leader, edition):
    registration.application_submit(edition_id=edition.pk, applicant=leader.user)
    body = login(leader).get(reverse("networks:home")).content.decode()
    assert edition.programme.title in body and "aanvaard" in body


def _fill(edition, trainer, groups, per_group):
    for _ in range(groups):
        group = LearningGroupFactory(edition=edition, trainer=trainer)
        members = _participants(edition, per_group)
        running.group_set_members(group=group, participant_ids=[p.pk for p in members], actor=None)
        session = SessionFactory(edition=edition, group=group)
        running.attendance_record(
            session=session, statuses={p.pk: "present" for p in members}, actor=None
        )


def test_the_edition_overview_query_count_does_not_grow(
    login, trainer, provider, running_edition, django_assert_num_queries
):
    client = login(trainer)
    url = _url("edition_overview", provider, pk=running_edition.pk)
    _fill(running_edition, trainer, 1, 2)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    running_edition.capacity = 200
    running_edition.save()
    _fill(running_edition, trainer, 5, 6)
    for _ in range(3):
        registration.application_submit(edition_id=running_edition.pk, applicant=UserFactory())
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries) <= 16
    assert Participant.objects.filter(edition=running_edition).count() == 35


def test_the_overview_counts_outstanding_work(login, trainer, provider, running_edition):
    from networks.models import Assignment
    from networks.services import learning

    people = _participants(running_edition, 3)
    assignment = Assignment.objects.create(
        edition=running_edition, title="Leesopdracht", due_on=timezone.localdate()
    )
    learning.submission_save(assignment=assignment, participant=people[0], text="Gelezen")
    response = login(trainer).get(_url("edition_overview", provider, pk=running_edition.pk))
    row = next(a for a in response.context["assignments"] if a.pk == assignment.pk)
    assert (row.submitted, row.outstanding) == (1, 2)
