"""A leader accepts or declines a development point."""

from django.urls import reverse

from accounts.models import AuditEvent
from development.models import DevelopmentPoint
from organisations.tests.factories import TeamFactory


def _url(point):
    return reverse(
        "development:point_decide", kwargs={"slug": point.organisation.slug, "pk": point.pk}
    )


def test_accepting_by_htmx_answers_the_row_and_records_who_and_when(team, leader, login, propose):
    point = propose(team)
    response = login(leader).post(_url(point), {"decision": "accept"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    row = response.content.decode()
    assert row.strip().startswith(f'<tr id="point-{point.pk}">')
    assert "✓ aanvaard" in row
    point.refresh_from_db()
    assert point.status == DevelopmentPoint.Status.ACCEPTED
    assert point.decided_by == leader.user and point.decided_at is not None
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.UPDATE,
        object_type="development.developmentpoint",
        object_id=str(point.pk),
    ).exists()


def test_declining_asks_first_and_returns_to_the_same_filtered_list(team, leader, login, propose):
    point = propose(team)
    client = login(leader)
    listing = reverse("development:point_list", kwargs={"slug": point.organisation.slug})
    page = client.get(listing + "?status=proposed").content.decode()
    assert "Wil je dit punt afwijzen?" in page  # the confirmation, inside a <details>
    assert '<input type="hidden" name="status" value="proposed">' in page
    response = client.post(_url(point), {"decision": "decline", "status": "proposed"})
    assert response.status_code == 302
    assert response.url == f"{listing}?status=proposed#point-{point.pk}"
    point.refresh_from_db()
    assert point.status == DevelopmentPoint.Status.DECLINED
    followed = client.get(listing).content.decode()
    assert "Het punt is afgewezen." in followed
    assert "✗ afgewezen" in followed


def test_a_declined_point_can_still_be_accepted(team, leader, login, propose):
    point = propose(team)
    client = login(leader)
    client.post(_url(point), {"decision": "decline"})
    client.post(_url(point), {"decision": "accept"})
    point.refresh_from_db()
    assert point.status == DevelopmentPoint.Status.ACCEPTED


def test_bad_input_says_why_and_changes_nothing(team, leader, login, propose):
    point = propose(team)
    client = login(leader)
    response = client.post(_url(point), {"decision": "maybe"}, HTTP_HX_REQUEST="true")
    assert "Kies of je het punt aanvaardt of afwijst." in response.content.decode()
    client.post(_url(point), {"decision": "accept"})
    response = client.post(_url(point), {"decision": "accept"}, HTTP_HX_REQUEST="true")
    assert "Dit punt is al aanvaard." in response.content.decode()
    DevelopmentPoint.objects.filter(pk=point.pk).update(status=DevelopmentPoint.Status.PLANNED)
    response = client.post(_url(point), {"decision": "decline"})
    assert response.status_code == 302
    assert "Dit punt hoort al bij het plan" in client.get(response.url).content.decode()
    point.refresh_from_db()
    assert point.status == DevelopmentPoint.Status.PLANNED
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UPDATE).count() == 1


def test_staff_get_403_and_outsiders_404(team, staff_member, outsider, login, propose):
    point = propose(team)
    assert login(staff_member).post(_url(point), {"decision": "accept"}).status_code == 403
    assert login(outsider).post(_url(point), {"decision": "accept"}).status_code == 404
    point.refresh_from_db()
    assert point.status == DevelopmentPoint.Status.PROPOSED


def test_a_point_of_another_school_is_404_through_ones_own_school(
    school, leader, outsider, login, propose
):
    elsewhere = propose(TeamFactory(organisation=outsider.organisation, name="Elders"))
    url = reverse("development:point_decide", kwargs={"slug": school.slug, "pk": elsewhere.pk})
    assert login(leader).post(url, {"decision": "accept"}).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == DevelopmentPoint.Status.PROPOSED


def test_a_get_is_not_allowed(team, leader, login, propose):
    assert login(leader).get(_url(propose(team))).status_code == 405
