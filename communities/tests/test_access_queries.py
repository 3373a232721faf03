"""The PLG lookups written once per process give what the ORM queries they replace gave."""

import pytest
from django.http import Http404

from communities.access import _member_rows, get_meeting_for_access, get_plg_access
from communities.models import PLG, PLGMember, Role
from communities.tests.factories import MeetingFactory, PLGFactory, PLGMemberFactory


def _orm_rows(plg, user):
    return sorted(
        PLGMember.objects.filter(plg=plg, person__user=user, person__is_active=True).values_list(
            "pk", "person_id", "roles__role"
        ),
        key=str,
    )


def test_the_membership_rows_are_those_of_the_orm(plg, staff_member):
    leader = PLGMemberFactory(plg=plg, roles=[Role.PROCESS_COACH, Role.NOTE_TAKER])
    plain = PLGMemberFactory(plg=plg)
    gone = PLGMemberFactory(plg=plg, roles=[Role.CURATOR])
    gone.person.is_active = False
    gone.person.save()
    elsewhere = PLGMemberFactory(plg=PLGFactory(organisation=plg.organisation))
    for member in (leader, plain, gone, elsewhere):
        user = member.person.user
        assert sorted(_member_rows(plg.pk, user.pk), key=str) == _orm_rows(plg, user)
    assert len(_member_rows(plg.pk, leader.person.user.pk)) == 2
    assert _member_rows(plg.pk, gone.person.user.pk) == []
    assert _member_rows(plg.pk, staff_member.user.pk) == []


def test_the_plg_is_found_only_under_its_own_owner(plg, coach, outsider):
    user = coach.person.user
    access = get_plg_access(user, plg.organisation.slug, plg.pk)
    orm = PLG.objects.select_related("organisation", "shared_with").get(pk=plg.pk)
    assert access.plg == orm and access.plg.organisation == orm.organisation
    assert access.plg.updated_at == orm.updated_at and access.plg.shared_with is None
    assert access.member.pk == coach.pk and access.roles == {Role.PROCESS_COACH}
    with pytest.raises(Http404):
        get_plg_access(user, outsider.organisation.slug, plg.pk)
    with pytest.raises(Http404):
        get_plg_access(user, plg.organisation.slug, plg.pk + 1000)


def test_the_meeting_is_found_only_in_its_own_plg(plg, coach):
    access = get_plg_access(coach.person.user, plg.organisation.slug, plg.pk)
    meeting = MeetingFactory(plg=plg, minutes="*kort*", minutes_by=coach.person.user)
    found = get_meeting_for_access(access, meeting.pk)
    orm = type(meeting).objects.select_related("minutes_by").get(pk=meeting.pk)
    fields = ("pk", "starts_at", "place", "minutes", "minutes_html", "minutes_by", "created_at")
    assert [getattr(found, f) for f in fields] == [getattr(orm, f) for f in fields]
    with pytest.raises(Http404):
        get_meeting_for_access(access, MeetingFactory().pk)
