"""A person's learning networks home: their applications, where they take part and their
coming sessions."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from networks import selectors
from networks.models import Application, Attendance, Participant
from networks.services import registration
from organisations.tests.factories import SchoolFactory, UserFactory

from .factories import EditionFactory, LearningGroupFactory, SessionFactory

Status = Application.Status


@pytest.fixture
def person(edition):
    """Someone accepted with a colleague in a learning group of one edition, applied for a
    second one (not decided yet), waiting for a third, and named in a colleague's
    application for a fourth; with sessions of every kind around them."""
    today = timezone.localdate()
    me, colleague, other = UserFactory.create_batch(3)
    school = SchoolFactory()
    edition.capacity = 10
    edition.starts_on = today - datetime.timedelta(days=3)
    edition.save()
    accepted = registration.application_submit(
        edition_id=edition.pk, applicant=me, people=[me, colleague], school=school
    )
    Application.objects.filter(pk=accepted.pk).update(status=Status.ACCEPTED)
    mine, theirs = accepted.participants.order_by("pk")
    group, other_group = (
        LearningGroupFactory(edition=edition),
        LearningGroupFactory(edition=edition),
    )
    Participant.objects.filter(pk=mine.pk).update(group=group)
    Participant.objects.filter(pk=theirs.pk).update(group=other_group)
    sessions = [
        SessionFactory(edition=edition, date=today + datetime.timedelta(days=d), group=g)
        for d, g in ((-1, None), (0, None), (5, group), (6, other_group), (200, None))
    ]
    Attendance.objects.create(session=sessions[0], participant=mine, status="present")
    Attendance.objects.create(session=sessions[1], participant=mine, status="absent")

    submitted = EditionFactory(capacity=10)
    not_yet = registration.application_submit(
        edition_id=submitted.pk, applicant=me, people=[me], school=school
    )
    Application.objects.filter(pk=not_yet.pk).update(status=Status.SUBMITTED)
    SessionFactory(edition=submitted, date=today + datetime.timedelta(days=2))
    waiting = registration.application_submit(
        edition_id=EditionFactory(capacity=10).pk, applicant=me, people=[me], school=school
    )
    Application.objects.filter(pk=waiting.pk).update(
        status=Status.WAITLISTED, waitlisted_at=timezone.now()
    )
    for_me = EditionFactory(capacity=10)
    registration.application_submit(
        edition_id=for_me.pk, applicant=other, people=[other, me], school=school
    )
    stranger = UserFactory()
    registration.application_submit(
        edition_id=for_me.pk, applicant=stranger, people=[stranger], school=school
    )
    return me


def test_the_home_lists(person):
    home = selectors.my_home(person)
    assert len(home["applications"]) == 4
    # Accepted in the first and (through a colleague) the fourth edition.
    assert len(home["participations"]) == 2
    assert home["participations"][-1].attended == 1  # attended once, absent once
    # Today's and the own group's session; not yesterday's, another group's, a session
    # far ahead, nor one of an edition not (yet) accepted.
    assert len(home["upcoming"]) == 2


def test_someone_without_applications_has_an_empty_home(db):
    nobody = UserFactory()
    assert selectors.my_home(nobody) == {"applications": [], "participations": [], "upcoming": []}


def test_the_home_page_shows_the_lists(person, client):
    client.force_login(person)
    body = client.get(reverse("networks:home")).content.decode()
    home = selectors.my_home(person)
    participation = home["participations"][0]
    assert reverse("networks:participation", kwargs={"pk": participation.pk}) in body
    assert participation.edition.programme.provider.name in body
    for application in home["applications"]:
        assert reverse("networks:my_application", kwargs={"pk": application.pk}) in body
    assert "status--waitlisted" in body
    for session in home["upcoming"]:
        assert session.title in body


def test_my_applications_show_one_row_per_application_with_its_school(edition, client):
    leader = UserFactory()
    colleagues = UserFactory.create_batch(3)
    first, second = SchoolFactory(name="Basisschool De Linde"), SchoolFactory(name="GO! Ter Beke")
    edition.capacity = 20
    edition.save()
    # Two group applications for the same edition, one for each of the leader's schools.
    for school, people in ((first, colleagues[:2]), (second, colleagues[2:])):
        registration.application_submit(
            edition_id=edition.pk, applicant=leader, people=people, school=school
        )
    client.force_login(leader)
    page = client.get(reverse("networks:home"))
    applications = page.context["applications"]
    assert len(applications) == 2
    body = page.content.decode()
    for application in applications:
        url = reverse("networks:my_application", kwargs={"pk": application.pk})
        assert body.count(f'href="{url}"') == 1
    assert "Basisschool De Linde" in body and "GO! Ter Beke" in body
