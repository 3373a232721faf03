"""Intervision and groups closed to joining keep minutes, decisions, actions and evidence to
their members."""

import pytest
from django.urls import reverse

from communities.models import PLG, Decision, Evidence
from communities.tests.factories import (
    ActionItemFactory,
    MeetingFactory,
    PLGFactory,
    PLGMemberFactory,
)

SECRET = "Casus van juf Els: de onrust na de middag"


def _url(name, plg, **kwargs):
    return reverse(
        f"communities:{name}", kwargs={"slug": plg.organisation.slug, "pk": plg.pk, **kwargs}
    )


def _meeting_with_record(plg, owner):
    meeting = MeetingFactory(plg=plg, minutes=f"## Casus\n\n{SECRET}")
    Decision.objects.create(meeting=meeting, text="Besluit over de casus van juf Els")
    ActionItemFactory(owner=owner, meeting=meeting, description="Juf Els bellen")
    return meeting


@pytest.fixture
def intervision(school):
    return PLGFactory(organisation=school, type=PLG.Type.INTERVISION, is_open=True)


def test_a_school_leader_outside_an_intervision_group_does_not_read_its_minutes(
    login, intervision, leader
):
    meeting = _meeting_with_record(intervision, PLGMemberFactory(plg=intervision))
    client = login(leader)
    page = client.get(_url("meeting_detail", intervision, meeting_pk=meeting.pk)).content.decode()
    assert "juf Els" not in page
    assert _url("meeting_pdf", intervision, meeting_pk=meeting.pk) not in page
    assert client.get(_url("meeting_pdf", intervision, meeting_pk=meeting.pk)).status_code == 403
    detail = client.get(_url("plg_detail", intervision)).content.decode()
    assert "Juf Els bellen" not in detail


def test_a_school_leader_outside_a_private_group_may_not_write_its_minutes(
    login, intervision, leader
):
    meeting = MeetingFactory(plg=intervision, minutes=SECRET)
    response = login(leader).post(
        _url("meeting_minutes", intervision, meeting_pk=meeting.pk), {"minutes": "Overschreven"}
    )
    meeting.refresh_from_db()
    assert response.status_code == 403
    assert meeting.minutes == SECRET


def test_a_member_of_an_intervision_group_reads_its_minutes(login, intervision):
    member = PLGMemberFactory(plg=intervision)
    meeting = _meeting_with_record(intervision, member)
    client = login(member.person)
    page = client.get(_url("meeting_detail", intervision, meeting_pk=meeting.pk)).content.decode()
    assert SECRET in page and "Besluit over de casus" in page and "Juf Els bellen" in page
    assert client.get(_url("meeting_pdf", intervision, meeting_pk=meeting.pk)).status_code == 200


def test_a_school_coach_outside_a_group_closed_to_joining_does_not_read_its_minutes(
    login, plg, coach, school_coach
):
    assert not plg.is_open
    meeting = _meeting_with_record(plg, coach)
    page = (
        login(school_coach).get(_url("meeting_detail", plg, meeting_pk=meeting.pk)).content.decode()
    )
    assert "juf Els" not in page


def test_the_minutes_of_an_open_lesson_study_are_read_by_the_school_leader(login, school, leader):
    open_plg = PLGFactory(organisation=school, is_open=True)
    meeting = _meeting_with_record(open_plg, PLGMemberFactory(plg=open_plg))
    page = login(leader).get(_url("meeting_detail", open_plg, meeting_pk=meeting.pk))
    assert SECRET in page.content.decode()


def test_evidence_of_an_intervision_group_stays_with_its_members(login, intervision, leader):
    member = PLGMemberFactory(plg=intervision)
    Evidence.objects.create(plg=intervision, phase=intervision.current_phase, text=SECRET)
    outside = login(leader).get(_url("plg_detail", intervision)).content.decode()
    inside = login(member.person).get(_url("plg_detail", intervision)).content.decode()
    assert SECRET not in outside
    assert SECRET in inside
