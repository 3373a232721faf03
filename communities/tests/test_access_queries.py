"""The lookups behind every PLG page: the PLG under its own owner, the user's membership with
its roles, a meeting of the PLG."""

import pytest
from django.http import Http404

from communities.access import _member_rows, get_meeting_for_access, get_plg_access
from communities.models import PLG, Role
from communities.tests.factories import MeetingFactory, PLGFactory, PLGMemberFactory


def test_the_access_knows_the_members_roles_and_no_inactive_person(plg, staff_member):
    leader = PLGMemberFactory(plg=plg, roles=[Role.PROCESS_COACH, Role.NOTE_TAKER])
    plain = PLGMemberFactory(plg=plg)
    gone = PLGMemberFactory(plg=plg, roles=[Role.CURATOR])
    gone.person.is_active = False
    gone.person.save()
    elsewhere = PLGMemberFactory(plg=PLGFactory(organisation=plg.organisation))
    slug = plg.organisation.slug

    access = get_plg_access(leader.person.user, slug, plg.pk)
    assert access.member.pk == leader.pk and access.member.person_id == leader.person_id
    assert access.roles == {Role.PROCESS_COACH, Role.NOTE_TAKER}
    access = get_plg_access(plain.person.user, slug, plg.pk)
    assert access.member.pk == plain.pk and access.roles == set()
    for outside in (gone.person.user, elsewhere.person.user, staff_member.user):
        assert _member_rows(plg.pk, outside.pk) == []


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
    fields = ("pk", "starts_at", "place", "minutes", "minutes_by", "created_at")
    assert [getattr(found, f) for f in fields] == [getattr(orm, f) for f in fields]
    with pytest.raises(Http404):
        get_meeting_for_access(access, MeetingFactory().pk)
