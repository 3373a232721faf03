"""The PLG page's plain SQL gives what the ORM queries it replaced gave."""

import datetime

import pytest
from django.utils import timezone

from communities import detail_sql
from communities.models import ActionItem, Attendance, Meeting, Product, ProductReaction
from communities.selectors import _count_attendance, _count_reactions
from communities.tests.factories import ActionItemFactory, MeetingFactory, PLGMemberFactory
from organisations.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _fields(obj, names):
    return tuple(getattr(obj, name) for name in names)


def test_the_meetings_are_those_of_the_orm(plg, coach):
    other = PLGMemberFactory(plg=plg)
    now = timezone.now()
    for days, present in ((500, (True,)), (30, (True, False)), (3, (True, True)), (-7, ())):
        meeting = MeetingFactory(plg=plg, starts_at=now - datetime.timedelta(days=days))
        for member, here in zip((coach, other), present, strict=False):
            Attendance.objects.create(meeting=meeting, member=member, present=here)
    MeetingFactory(starts_at=now)  # another PLG's
    since = now - datetime.timedelta(days=400)
    expected = (
        Meeting.objects.filter(plg=plg, starts_at__gte=since)
        .annotate(present=_count_attendance(True))
        .order_by("-starts_at")[:60]
    )
    names = ("pk", "starts_at", "place", "phase", "minutes_html", "created_at", "present")
    found = detail_sql.recent_meetings(plg.pk, since=since, limit=60)
    assert [_fields(m, names) for m in found] == [_fields(m, names) for m in expected]
    assert [m.present for m in found] == [0, 2, 1]
    assert len(detail_sql.recent_meetings(plg.pk, since=since, limit=2)) == 2


def test_the_open_actions_are_those_of_the_orm(plg, coach):
    today = timezone.localdate()
    for days in (5, -2, 9):
        ActionItemFactory(owner=coach, deadline=today + datetime.timedelta(days=days))
    ActionItemFactory(owner=coach, done_at=timezone.now())
    ActionItemFactory()  # another PLG's
    expected = ActionItem.objects.filter(plg=plg, done_at__isnull=True).select_related(
        "owner__person__user"
    )
    found = detail_sql.open_actions(plg.pk)
    names = ("pk", "description", "deadline", "meeting_id", "created_at")
    assert [_fields(a, names) for a in found] == [_fields(a, names) for a in expected]
    assert [a.deadline for a in found] == sorted(a.deadline for a in found) and len(found) == 3
    for action, orm in zip(found, expected, strict=True):
        assert action.owner == orm.owner and action.owner.person == orm.owner.person
        assert action.owner.person.user == orm.owner.person.user
        assert str(action.owner.person.user) == str(orm.owner.person.user)
        assert action.owner.person.user.date_joined == orm.owner.person.user.date_joined


def test_the_products_are_those_of_the_orm(plg):
    made = [
        Product.objects.create(
            plg=plg, organisation=plg.organisation, kind="material", title=title, phase="study"
        )
        for title in ("Eerste", "Tweede", "Derde")
    ]
    for kind, product in (("thanks", 0), ("thanks", 0), ("reuse", 0), ("reuse", 2)):
        ProductReaction.objects.create(product=made[product], user=UserFactory(), kind=kind)
    expected = plg.products.annotate(
        thanks=_count_reactions("thanks"), reuses=_count_reactions("reuse")
    )[:20]
    names = ("pk", "title", "kind", "phase", "published_at", "thanks", "reuses")
    found = detail_sql.products(plg.pk, limit=20)
    assert [_fields(p, names) for p in found] == [_fields(p, names) for p in expected]
    assert {p.title: (p.thanks, p.reuses) for p in found} == {
        "Eerste": (2, 1),
        "Tweede": (0, 0),
        "Derde": (0, 1),
    }
    assert len(detail_sql.products(plg.pk, limit=2)) == 2


def test_the_meeting_members_are_those_of_the_orm(plg, coach):
    from django.db.models import OuterRef, Subquery

    from communities.models import PLGMember

    late, absent = PLGMemberFactory(plg=plg), PLGMemberFactory(plg=plg)
    PLGMemberFactory()  # another PLG's
    meeting = MeetingFactory(plg=plg)
    Attendance.objects.create(meeting=meeting, member=coach, present=True)
    Attendance.objects.create(meeting=meeting, member=absent, present=False)
    Attendance.objects.create(meeting=MeetingFactory(plg=plg), member=late, present=True)
    presence = Attendance.objects.filter(meeting=meeting, member=OuterRef("pk")).values("present")
    expected = (
        PLGMember.objects.filter(plg=plg)
        .select_related("person__user")
        .annotate(present=Subquery(presence[:1]))
        .order_by("person__user__last_name", "person__user__first_name")
    )
    found = detail_sql.meeting_members(meeting)
    assert [(m.pk, m.present, m.joined_at) for m in found] == [
        (m.pk, m.present, m.joined_at) for m in expected
    ]
    assert {m.pk: m.present for m in found} == {coach.pk: True, absent.pk: False, late.pk: None}
    for member, orm in zip(found, expected, strict=True):
        assert member.person == orm.person and member.person.user == orm.person.user
        assert str(member.person.user) == str(orm.person.user)
