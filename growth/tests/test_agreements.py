"""Development agreements: only the person and the leader who made one see it; the person
writes progress notes; bad input is refused in Dutch and changes nothing."""

import datetime

import pytest
from django.urls import reverse

from growth.models import DevelopmentAgreement, ProgressNote
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_leader(school):
    return MembershipFactory(organisation=school, role=Membership.Role.LEADER)


def _url(name, membership, **kwargs):
    return reverse(f"growth:{name}", kwargs={"slug": membership.organisation.slug, **kwargs})


def _data(person, today, **extra):
    return {
        "person": person.pk,
        "conversation_on": today.isoformat(),
        "goal": "Ik leer differentiëren in de rekenles.",
        "support": "Twee klasbezoeken door de coach.",
        "due_on": (today + datetime.timedelta(days=90)).isoformat(),
        **extra,
    }


@pytest.fixture
def agreement(login, leader, staff_member, today):
    login(leader).post(_url("agreement_new", leader), _data(staff_member, today))
    return DevelopmentAgreement.objects.get()


def test_a_leader_records_an_agreement_and_the_person_sees_it(
    login, leader, staff_member, agreement
):
    assert agreement.leader == leader and agreement.person == staff_member
    page = login(staff_member).get(_url("agreements", staff_member)).text
    assert "differentiëren" in page
    detail = login(leader).get(_url("agreement", leader, pk=agreement.pk))
    assert detail.status_code == 200


def test_nobody_else_sees_the_agreement(
    login, client, agreement, colleague, other_leader, admin, outsider
):
    for reader in (colleague, other_leader, admin):
        login(reader)
        assert "differentiëren" not in client.get(_url("agreements", reader)).text
        for name in ("agreement", "agreement_edit"):
            assert client.get(_url(name, reader, pk=agreement.pk)).status_code == 404
    login(outsider)
    url = reverse("growth:agreement", kwargs={"slug": agreement.organisation.slug, "pk": 1})
    assert client.get(url).status_code == 404


def test_the_person_adds_a_progress_note_and_the_leader_reads_it(
    login, leader, staff_member, agreement
):
    url = _url("agreement", staff_member, pk=agreement.pk)
    response = login(staff_member).post(url, {"text": "Eerste klasbezoek gehad."})
    assert response.status_code == 302
    assert "Eerste klasbezoek" in login(leader).get(url).text


def test_the_leader_may_not_write_the_persons_progress(login, leader, agreement):
    response = login(leader).post(_url("agreement", leader, pk=agreement.pk), {"text": "Nee"})
    assert response.status_code == 403
    assert not ProgressNote.objects.exists()


def test_the_person_may_not_edit_the_agreement(login, staff_member, agreement):
    assert (
        login(staff_member).get(_url("agreement_edit", staff_member, pk=agreement.pk)).status_code
        == 403
    )


def test_a_goal_is_required_and_by_when_not_in_the_past(login, leader, staff_member, today):
    client = login(leader)
    response = client.post(_url("agreement_new", leader), _data(staff_member, today, goal=" "))
    assert "Schrijf het doel" in response.text
    past = (today - datetime.timedelta(days=1)).isoformat()
    response = client.post(_url("agreement_new", leader), _data(staff_member, today, due_on=past))
    assert response.status_code == 200
    assert "kan niet in het verleden liggen" in response.text
    assert not DevelopmentAgreement.objects.exists()


def test_a_staff_member_cannot_record_agreements(login, staff_member, colleague, today):
    response = login(staff_member).post(
        _url("agreement_new", staff_member), _data(colleague, today)
    )
    assert response.status_code == 403
    assert not DevelopmentAgreement.objects.exists()


def test_the_leader_edits_status_and_keeps_a_due_date_that_has_passed(
    login, leader, agreement, today
):
    DevelopmentAgreement.objects.filter(pk=agreement.pk).update(
        due_on=today - datetime.timedelta(days=3)
    )
    agreement.refresh_from_db()
    data = {
        "conversation_on": agreement.conversation_on.isoformat(),
        "goal": agreement.goal,
        "support": agreement.support,
        "due_on": agreement.due_on.isoformat(),
        "status": "achieved",
    }
    response = login(leader).post(_url("agreement_edit", leader, pk=agreement.pk), data)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "achieved"


def test_the_leader_puts_the_agreement_in_this_years_plan_once(login, leader, agreement, today):
    from growth.models import Need, ProfessionalisationPlan

    url = _url("agreement_to_plan", leader, pk=agreement.pk)
    client = login(leader)
    response = client.post(url, follow=True)
    assert "Er is nog geen professionaliseringsplan" in response.text
    start = today.year if today.month >= 9 else today.year - 1
    ProfessionalisationPlan.objects.create(
        organisation=agreement.organisation, school_year=f"{start}-{start + 1}"
    )
    assert client.post(url).status_code == 302
    need = Need.objects.get()
    assert need.origin == agreement and need.person == agreement.person
    assert need.dimension == "individual" and need.source == "appraisal"
    assert "al een nood" in client.post(url, follow=True).text
    assert Need.objects.count() == 1


def test_another_leader_cannot_put_the_agreement_in_the_plan(login, other_leader, agreement):
    from growth.models import Need

    response = login(other_leader).post(_url("agreement_to_plan", other_leader, pk=agreement.pk))
    assert response.status_code == 404
    assert not Need.objects.exists()


def test_the_agreement_stays_with_the_person_when_the_leaders_account_is_removed(
    login, leader, staff_member, agreement
):
    leader.user.delete()
    agreement.refresh_from_db()
    assert agreement.leader is None
    response = login(staff_member).get(_url("agreement", staff_member, pk=agreement.pk))
    assert response.status_code == 200 and "differentiëren" in response.text
