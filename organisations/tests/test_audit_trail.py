"""The audit trail: administrators see and export who viewed or exported sensitive data;
nobody changes or deletes an event."""

import csv
import datetime as dt
import io

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent, AuditEventImmutable
from accounts.services import audit_log
from organisations.models import Membership
from organisations.tests.factories import (
    CommunityFactory,
    MembershipFactory,
    SchoolFactory,
    UserFactory,
)


@pytest.fixture
def admin(school):
    return MembershipFactory(
        organisation=school,
        role=Membership.Role.ADMIN,
        user=UserFactory(first_name="Ann", last_name="Beheer", email="ann@linde.test"),
    )


@pytest.fixture
def events(school, leader, staff_member, outsider):
    made = [
        audit_log(
            actor=leader.user,
            action=AuditEvent.Action.VIEW,
            object_type="surveys.survey",
            object_id="7",
            organisation=school,
            summary="report of 360° Jan",
        ),
        audit_log(
            actor=staff_member.user,
            action=AuditEvent.Action.EXPORT,
            object_type="organisations.staff",
            object_id=str(school.pk),
            organisation=school,
            summary='=HYPERLINK("http://evil.example")',
        ),
        # Another school's event never shows here.
        audit_log(
            actor=outsider.user,
            action=AuditEvent.Action.VIEW,
            object_type="surveys.survey",
            object_id="99",
            organisation=outsider.organisation,
            summary="elders",
        ),
    ]
    return made


def url(school, name="organisations:audit_list"):
    return reverse(name, kwargs={"slug": school.slug})


def test_administrator_sees_the_organisations_events_only(login, admin, events, school):
    response = login(admin).get(url(school))
    assert response.status_code == 200
    page = response.content.decode()
    assert "report of 360° Jan" in page
    assert "elders" not in page
    assert [event.pk for event in response.context["page"]] == [events[1].pk, events[0].pk]


def test_leaders_staff_and_outsiders_do_not_get_it(login, leader, staff_member, outsider, school):
    assert login(leader).get(url(school)).status_code == 403
    assert login(staff_member).get(url(school)).status_code == 403
    assert login(outsider).get(url(school)).status_code == 404
    assert login(leader).get(url(school, "organisations:audit_export")).status_code == 403


def test_community_administrator_sees_the_events_of_its_schools(client, events, school):
    community = CommunityFactory()
    school.parent = community
    school.save()
    community_admin = MembershipFactory(organisation=community, role=Membership.Role.ADMIN)
    client.force_login(community_admin.user)
    on_community = client.get(url(community)).content.decode()
    assert "report of 360° Jan" in on_community
    assert "elders" not in on_community
    assert client.get(url(school)).status_code == 200


def test_filters_by_person_object_type_and_period(login, admin, events, leader, school):
    client = login(admin)
    by_person = client.get(url(school), {"person": leader.user.last_name})
    assert [e.pk for e in by_person.context["page"]] == [events[0].pk]
    by_type = client.get(url(school), {"object_type": "organisations.staff"})
    assert [e.pk for e in by_type.context["page"]] == [events[1].pk]
    today = timezone.localdate()
    in_period = client.get(url(school), {"date_from": today.isoformat()})
    assert len(in_period.context["page"]) == 2
    before = client.get(url(school), {"date_to": (today - dt.timedelta(days=1)).isoformat()})
    assert len(before.context["page"]) == 0


def test_bad_filters_show_an_error_and_every_event(login, admin, events, school):
    today = timezone.localdate()
    response = login(admin).get(
        url(school),
        {"date_from": today.isoformat(), "date_to": (today - dt.timedelta(days=3)).isoformat()},
    )
    assert response.status_code == 200
    assert "Het begin van de periode ligt na het einde." in response.content.decode()
    assert len(response.context["page"]) == 2
    unknown_type = login(admin).get(url(school), {"object_type": "nope", "date_from": "gisteren"})
    assert unknown_type.status_code == 200
    assert len(unknown_type.context["page"]) == 2


def test_paginated(login, admin, school):
    for number in range(55):
        audit_log(
            actor=admin.user,
            action=AuditEvent.Action.VIEW,
            object_type="surveys.survey",
            object_id=str(number),
            organisation=school,
        )
    client = login(admin)
    first = client.get(url(school))
    assert len(first.context["page"]) == 50
    assert first.context["page"].paginator.num_pages == 2
    assert len(client.get(url(school), {"page": 2}).context["page"]) == 5


def test_csv_export_is_formula_safe_filtered_and_logged(login, admin, events, school):
    response = login(admin).get(
        url(school, "organisations:audit_export"), {"object_type": "organisations.staff"}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Tijdstip"
    assert len(rows) == 2
    assert rows[1][7] == '\'=HYPERLINK("http://evil.example")'
    logged = AuditEvent.objects.get(actor=admin.user, action=AuditEvent.Action.EXPORT)
    assert logged.object_type == "accounts.auditevent"
    assert logged.organisation == school


def test_events_cannot_be_changed_or_deleted(events):
    event = events[0]
    event.summary = "gewist"
    with pytest.raises(AuditEventImmutable):
        event.save()
    with pytest.raises(AuditEventImmutable):
        event.delete()
    with pytest.raises(AuditEventImmutable):
        AuditEvent.objects.filter(pk=event.pk).update(summary="gewist")
    with pytest.raises(AuditEventImmutable):
        AuditEvent.objects.all().delete()
    event.refresh_from_db()
    assert event.summary == "report of 360° Jan"


def test_deleting_a_user_keeps_their_events(events, staff_member):
    staff_member.user.delete()
    assert AuditEvent.objects.filter(pk=events[1].pk, actor=None).exists()


def test_deleting_an_organisation_still_works(events, outsider):
    other = SchoolFactory()
    audit_log(actor=None, action=AuditEvent.Action.VIEW, object_type="x", organisation=other)
    other.delete()
    assert not AuditEvent.objects.filter(organisation_id=other.pk).exists()


def test_admin_site_is_read_only(events):
    model_admin = site._registry[AuditEvent]
    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, events[0])
    assert not model_admin.has_delete_permission(request, events[0])
    assert model_admin.has_view_permission(request, events[0])
