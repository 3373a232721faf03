"""Minutes, decisions, actions and evidence are for a PLG's members unless the group lets every
colleague read them; intervision keeps them to its members always."""

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


def test_an_open_plg_keeps_its_minutes_for_its_members_unless_it_chooses_otherwise(
    login, school, leader
):
    # Free to join is not free to read: a colleague joins first, or the group says so.
    open_plg = PLGFactory(organisation=school, is_open=True)
    assert open_plg.minutes_readers == PLG.MinutesReaders.MEMBERS
    meeting = _meeting_with_record(open_plg, PLGMemberFactory(plg=open_plg))
    client = login(leader)
    page = client.get(_url("meeting_detail", open_plg, meeting_pk=meeting.pk))
    assert page.status_code == 200 and SECRET not in page.content.decode()
    assert client.get(_url("meeting_pdf", open_plg, meeting_pk=meeting.pk)).status_code == 403
    open_plg.minutes_readers = PLG.MinutesReaders.COLLEAGUES
    open_plg.save(update_fields=["minutes_readers"])
    page = client.get(_url("meeting_detail", open_plg, meeting_pk=meeting.pk))
    assert SECRET in page.content.decode()
    assert client.get(_url("meeting_pdf", open_plg, meeting_pk=meeting.pk)).status_code == 200


def test_an_intervision_group_never_opens_its_minutes(intervision):
    intervision.minutes_readers = PLG.MinutesReaders.COLLEAGUES
    assert intervision.keeps_minutes_private


def test_the_plg_form_says_who_will_read_the_minutes(login, school, leader):
    page = login(leader).get(reverse("communities:plg_create", kwargs={"slug": school.slug}))
    html = page.content.decode()
    assert "Wie leest het verslag" in html
    assert "Alleen de leden van de groep" in html
    assert 'value="members" required id="id_minutes_readers_0" checked' in html


def test_evidence_of_an_intervision_group_stays_with_its_members(login, intervision, leader):
    member = PLGMemberFactory(plg=intervision)
    Evidence.objects.create(plg=intervision, phase=intervision.current_phase, text=SECRET)
    outside = login(leader).get(_url("plg_detail", intervision)).content.decode()
    inside = login(member.person).get(_url("plg_detail", intervision)).content.decode()
    assert SECRET not in outside
    assert SECRET in inside
