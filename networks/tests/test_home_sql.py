"""A person's learning networks home reads its three lists with plain SQL (home_sql.py); they
must give what the ORM queries they stand for give."""

import datetime

import pytest
from django.db.models import Count, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from networks import home_sql, selectors
from networks.models import Application, Attendance, Participant, Session
from networks.services import registration
from organisations.tests.factories import SchoolFactory, UserFactory

from .factories import EditionFactory, LearningGroupFactory, SessionFactory

Status = Application.Status


def _orm_home(user):
    """The ORM queries the home page used before its lists were read in SQL."""
    mine = Participant.objects.filter(user=user).values("application_id")
    applications = (
        Application.objects.filter(Q(applicant=user) | Q(pk__in=Subquery(mine)))
        .select_related("edition__programme")
        .order_by("-created_at", "-pk")
    )
    participations = (
        Participant.objects.filter(user=user, is_active=True, application__status=Status.ACCEPTED)
        .select_related("edition__programme__provider", "group")
        .annotate(
            attended=Count("attendances", filter=Q(attendances__status=Attendance.Status.PRESENT)),
        )
        .order_by("-edition__starts_on", "pk")
    )
    today = timezone.localdate()
    upcoming = (
        Session.objects.filter(
            edition__participants__user=user,
            edition__participants__is_active=True,
            edition__participants__application__status=Status.ACCEPTED,
            date__gte=today,
            date__lte=today + datetime.timedelta(days=120),
        )
        .filter(Q(group=None) | Q(group__participants__user=user))
        .select_related("edition__programme")
        .distinct()
        .order_by("date", "start_time", "pk")[:8]
    )
    return {
        "applications": [
            (a.pk, a.edition.programme.title, a.edition.name, a.size, a.status)
            for a in applications[:50]
        ],
        "participations": [
            (
                p.pk,
                p.edition.programme.title,
                p.edition.programme.provider.name,
                p.edition.name,
                p.group.name if p.group else None,
                p.attended,
            )
            for p in participations
        ],
        "upcoming": [
            (s.date, s.start_time, s.end_time, s.title, s.location, s.edition.programme.title)
            for s in upcoming
        ],
    }


def _as_tuples(home):
    return {
        "applications": [
            (a.pk, a.programme_title, a.edition_name, a.size, a.status)
            for a in home["applications"]
        ],
        "participations": [
            (p.pk, p.programme_title, p.provider_name, p.edition_name, p.group_name, p.attended)
            for p in home["participations"]
        ],
        "upcoming": [
            (s.date, s.start_time, s.end_time, s.title, s.location, s.programme_title)
            for s in home["upcoming"]
        ],
    }


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


def test_the_home_lists_are_those_of_the_orm(person):
    orm = _orm_home(person)
    assert _as_tuples(selectors.my_home(person)) == orm
    assert len(orm["applications"]) == 4
    # Accepted in the first and (through a colleague) the fourth edition.
    assert len(orm["participations"]) == 2
    assert orm["participations"][-1][-1] == 1  # attended once, absent once
    # Today's and the own group's session; not yesterday's, another group's, a session
    # far ahead, nor one of an edition not (yet) accepted.
    assert len(orm["upcoming"]) == 2


def test_someone_without_applications_has_an_empty_home(db):
    nobody = UserFactory()
    assert _as_tuples(selectors.my_home(nobody)) == _orm_home(nobody)
    assert home_sql.applications(nobody.pk, limit=50) == []


def test_the_home_page_shows_the_lists(person, client):
    client.force_login(person)
    body = client.get(reverse("networks:home")).content.decode()
    home = selectors.my_home(person)
    participation = home["participations"][0]
    assert reverse("networks:participation", kwargs={"pk": participation.pk}) in body
    assert participation.provider_name in body
    for application in home["applications"]:
        assert reverse("networks:my_application", kwargs={"pk": application.pk}) in body
    assert "status--waitlisted" in body
    for session in home["upcoming"]:
        assert session.title in body
