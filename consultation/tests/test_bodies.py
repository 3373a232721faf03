"""Consultation bodies: the starter list, who may change them, bad input changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from consultation import services
from consultation.models import Body
from core.errors import LeerkringError
from organisations.access import Access

pytestmark = pytest.mark.django_db


def _access(membership):
    return Access(membership.organisation, membership.role, membership)


def _list_url(school):
    return reverse("consultation:body_list", kwargs={"slug": school.slug})


def _form_data(**overrides):
    data = {
        "name": "Werkgroep taal",
        "kind": "policy_team",
        "purpose": "Het taalbeleid opvolgen",
        "rhythm": "om de drie weken",
        "rule": "weeks",
        "rule_weeks": "3",
        "rule_date": "2026-09-08",
        "rule_time": "12:30",
        "rule_duration_minutes": "60",
        "stakeholders": "ouders\nleerlingen, ouders",
    }
    return data | overrides


def test_a_leader_gets_the_starter_bodies_on_first_opening(login, school, leader):
    response = login(leader).get(_list_url(school))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Personeelsvergadering" in html and "Ouderraad" in html
    assert "Intern overleg" in html and "Extern overleg" in html
    kinds = set(Body.objects.filter(organisation=school).values_list("kind", flat=True))
    assert {"staff_meeting", "parents_council", "inspectorate"} <= kinds
    # Opening again adds nothing.
    login(leader).get(_list_url(school))
    assert Body.objects.filter(organisation=school).count() == len(kinds)


def test_staff_read_but_do_not_get_or_change_bodies(login, school, staff_member):
    client = login(staff_member)
    assert client.get(_list_url(school)).status_code == 200
    assert not Body.objects.exists()
    new_url = reverse("consultation:body_create", kwargs={"slug": school.slug})
    assert client.post(new_url, _form_data()).status_code == 403
    assert not Body.objects.exists()


def test_a_leader_creates_a_body_with_members_and_groups(login, school, leader, staff_member):
    client = login(leader)
    new_url = reverse("consultation:body_create", kwargs={"slug": school.slug})
    response = client.post(new_url, _form_data(members=[str(staff_member.pk)]))
    assert response.status_code == 302
    body = Body.objects.get(name="Werkgroep taal")
    assert body.rule_weeks == 3 and body.stakeholders == ["ouders", "leerlingen"]
    assert list(body.members.all()) == [staff_member]
    assert timezone.localtime(body.rule_start).time() == datetime.time(12, 30)
    html = client.get(response["Location"]).content.decode()
    assert "Werkgroep taal" in html and str(staff_member.user) in html
    edit = reverse("consultation:body_edit", kwargs={"slug": school.slug, "pk": body.pk})
    html = client.get(edit).content.decode()
    assert f'name="members" value="{staff_member.pk}" checked' in html
    assert f'name="members" value="{leader.pk}">' in html


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"name": " "}, "naam"),
        ({"rule_weeks": "", "rule": "weeks"}, "weken"),
        ({"rule_date": ""}, "eerste"),
        ({"kind": "club"}, "soort"),
    ],
)
def test_bad_input_shows_a_dutch_message_and_writes_nothing(
    login, school, leader, overrides, message
):
    new_url = reverse("consultation:body_create", kwargs={"slug": school.slug})
    response = login(leader).post(new_url, _form_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode().lower()
    assert not Body.objects.exists()


def test_a_member_of_another_school_is_refused(school, leader, outsider):
    with pytest.raises(LeerkringError):
        services.body_save(
            access=_access(leader),
            name="Schoolraad",
            kind="school_council",
            member_ids=[outsider.pk],
            actor=leader.user,
        )
    assert not Body.objects.exists()


def test_names_are_unique_per_school_whatever_the_case(school, leader):
    services.body_save(access=_access(leader), name="MDO", kind="pupil_care", actor=leader.user)
    with pytest.raises(LeerkringError):
        services.body_save(access=_access(leader), name="mdo", kind="pupil_care", actor=leader.user)


def test_only_leaders_write(school, staff_member):
    with pytest.raises(PermissionDenied):
        services.body_save(
            access=_access(staff_member), name="MDO", kind="pupil_care", actor=staff_member.user
        )


def test_a_leader_changes_and_removes_a_body(login, school, leader):
    body = services.body_save(
        access=_access(leader), name="MDO", kind="pupil_care", actor=leader.user
    )
    client = login(leader)
    kwargs = {"slug": school.slug, "pk": body.pk}
    edit = reverse("consultation:body_edit", kwargs=kwargs)
    assert client.get(edit).status_code == 200
    client.post(edit, _form_data(name="Zorgoverleg", rule=""))
    body.refresh_from_db()
    assert body.name == "Zorgoverleg" and body.rule == "" and body.rule_start is None
    client.post(reverse("consultation:body_delete", kwargs=kwargs))
    assert not Body.objects.exists()


def test_another_schools_body_is_not_found(login, school, leader, outsider):
    body = services.body_save(
        access=_access(leader), name="MDO", kind="pupil_care", actor=leader.user
    )
    url = reverse("consultation:body_detail", kwargs={"slug": school.slug, "pk": body.pk})
    assert login(outsider).get(url).status_code == 404
    other = reverse(
        "consultation:body_detail", kwargs={"slug": outsider.organisation.slug, "pk": body.pk}
    )
    assert login(outsider).get(other).status_code == 404
