"""Sending a report's development points to the plan, and the list that links back."""

import datetime

import pytest
from django.urls import resolve, reverse

from accounts.models import AuditEvent
from development.models import DevelopmentPoint
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory
from surveys import services

from .helpers import add_responses, close


def _url(survey, name):
    return reverse(name, kwargs={"slug": survey.organisation.slug, "pk": survey.pk})


def _weak_value(index, item):
    # "data" is the weakest dimension and "samenwerking" the next; importance is high.
    if item.aspect == "importance":
        return 5
    return {"data": 1, "samenwerking": 2}.get(item.dimension.code, 4)


@pytest.fixture
def answered(survey_360):
    round_ = survey_360.rounds.get()
    add_responses(survey_360, round_, "self", 1, value=4)
    add_responses(survey_360, round_, "teachers", 4, value=_weak_value)
    close(round_)
    return survey_360


def _post(client, survey, source, code, round_number=1, **headers):
    data = {"round": str(round_number), "source": source, "code": code}
    return client.post(_url(survey, "surveys:point_propose"), data, **headers)


def test_the_report_offers_weak_dimensions_priorities_and_gaps(answered, leader, login):
    context = login(leader).get(_url(answered, "surveys:report")).context
    offered = set(context["proposals"])
    assert {("weak", "data"), ("weak", "samenwerking")} <= offered
    assert ("weak", "visie") not in offered
    assert ("priority", "data") in offered
    assert ("self_gap", "data") in offered  # self 4 against others 1
    assert ("self_gap", "visie") not in offered  # self and others 4: no gap
    data_row = next(r for r in context["rows"] if r["dimension"].code == "data")
    assert [p["proposal"].source for p in data_row["points"]] == ["weak", "self_gap"]


def test_one_click_stores_a_proposed_point_and_answers_sent(answered, leader, login):
    response = _post(login(leader), answered, "weak", "data", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "✓" in response.content.decode()
    point = DevelopmentPoint.objects.get()
    assert (point.organisation, point.origin.survey, point.origin) == (
        answered.organisation,
        answered,
        answered.rounds.get(),
    )
    assert (point.source, point.key, point.status) == ("weak", "data", "proposed")
    assert point.created_by == leader.user
    assert "“Werken met gegevens”" in point.description  # the Dutch title
    assert point.description.startswith("Versterk")
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.CREATE,
        object_type="development.developmentpoint",
        object_id=str(point.pk),
    ).exists()


def test_a_double_click_creates_one_point(answered, leader, login):
    client = login(leader)
    for _ in range(2):
        assert _post(client, answered, "priority", "data").status_code == 302
    assert DevelopmentPoint.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="development.developmentpoint").count() == 1
    page = client.get(_url(answered, "surveys:report")).content.decode()
    assert "In het plan ✓" in page


def test_the_link_back_resolves_to_the_report_section(answered, leader, login):
    client = login(leader)
    response = _post(client, answered, "self_gap", "data")
    point = DevelopmentPoint.objects.get()
    assert response.url == point.origin_url()
    path, fragment = point.origin_url().split("#")
    assert resolve(path.split("?")[0]).url_name == "report"
    page = client.get(path).content.decode()
    assert f'id="{fragment}"' in page
    listing = client.get(
        reverse("development:point_list", kwargs={"slug": answered.organisation.slug})
    )
    assert point.origin_url().replace("&", "&amp;") in listing.content.decode()


def test_a_point_the_report_does_not_publish_is_refused(answered, leader, login):
    client = login(leader)
    assert _post(client, answered, "weak", "visie").status_code == 302  # not among the weakest
    assert _post(client, answered, "weak", "data", round_number=2).status_code == 302
    assert _post(client, answered, "dialogue_gap", "data").status_code == 302
    assert not DevelopmentPoint.objects.exists()


def test_nothing_can_be_sent_while_the_round_is_open(survey_360, leader, login):
    add_responses(survey_360, survey_360.rounds.get(), "teachers", 4, value=_weak_value)
    response = _post(login(leader), survey_360, "weak", "data", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "✓" not in response.content.decode()
    assert not DevelopmentPoint.objects.exists()


def test_outsider_gets_404(answered, outsider, login):
    client = login(outsider)
    assert _post(client, answered, "weak", "data").status_code == 404
    url = reverse("development:point_list", kwargs={"slug": answered.organisation.slug})
    assert client.get(url).status_code == 404


def test_a_colleague_the_report_is_shared_with_gets_403(answered, staff_member, login):
    answered.shared_with.add(staff_member)
    client = login(staff_member)
    assert client.get(_url(answered, "surveys:report")).status_code == 200
    assert "point_propose" not in str(client.get(_url(answered, "surveys:report")).content)
    assert _post(client, answered, "weak", "data").status_code == 403
    assert not DevelopmentPoint.objects.exists()


def test_staff_not_involved_gets_404(answered, staff_member, login):
    assert _post(login(staff_member), answered, "weak", "data").status_code == 404


def test_another_leader_sees_no_points_of_a_360_about_someone_else(answered, leader, school, login):
    _post(login(leader), answered, "weak", "data")
    other = MembershipFactory(organisation=school, role=Membership.Role.LEADER)
    url = reverse("development:point_list", kwargs={"slug": school.slug})
    assert len(login(other).get(url).context["page"]) == 0
    assert len(login(leader).get(url).context["page"]) == 1
    answered.shared_with.add(other)
    assert len(login(other).get(url).context["page"]) == 1


def test_a_school_wide_report_sends_dialogue_gaps(instruments, school, leader, login, today):
    survey = services.survey_create(
        organisation=school,
        version=instruments["verantwoordelijkheden-dialoog"],
        title="Dialoog",
        subject=None,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=14),
        actor=leader.user,
    )
    round_ = survey.rounds.get()
    add_responses(survey, round_, "leadership", 3, value=1)
    add_responses(survey, round_, "staff", 3, value=3)
    close(round_)
    client = login(leader)
    context = client.get(_url(survey, "surveys:report")).context
    statement = context["dialogue"]["rows"][0]["item"].statement
    response = _post(client, survey, "dialogue_gap", statement, HTTP_HX_REQUEST="true")
    assert "✓" in response.content.decode()
    point = DevelopmentPoint.objects.get()
    assert point.section.startswith("stmt-")
    assert f'id="{point.section}"' in client.get(point.origin_url()).content.decode()


def test_the_list_query_count_does_not_grow(answered, leader, login, django_assert_num_queries):
    client = login(leader)
    url = reverse("development:point_list", kwargs={"slug": answered.organisation.slug})
    _post(client, answered, "weak", "data")
    client.get(url)
    with django_assert_num_queries(6):  # the points, then their rounds with surveys
        client.get(url)
    for source, code in (("weak", "samenwerking"), ("priority", "data"), ("self_gap", "data")):
        _post(client, answered, source, code)
    with django_assert_num_queries(6):  # the points, then their rounds with surveys
        response = client.get(url)
    assert len(response.context["page"]) == 4
