"""The staff list as CSV and XLSX: the page's columns and search, formulas kept as text."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import AuditEvent
from organisations.tests.factories import (
    MembershipFactory,
    TeamFactory,
    TeamMembershipFactory,
    UserFactory,
)


def export_url(school, file_format):
    return reverse(
        "organisations:people_export", kwargs={"slug": school.slug, "file_format": file_format}
    )


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.fixture
def griet(school, team):
    membership = MembershipFactory(
        organisation=school,
        user=UserFactory(first_name="Griet", last_name="Maes", email="griet@linde.test"),
        function="zorgcoördinator",
    )
    TeamMembershipFactory(team=team, membership=membership, is_home=True)
    for name in ("Werkgroep lezen", "Directieteam"):
        TeamMembershipFactory(
            team=TeamFactory(organisation=school, name=name), membership=membership
        )
    return membership


def test_csv_has_the_columns_of_the_staff_page(login, leader, griet):
    response = login(leader).get(export_url(leader.organisation, "csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ["Naam", "E-mail", "Functie", "Rol", "Thuisteam", "Andere teams"]
    assert [
        "Griet Maes",
        "griet@linde.test",
        "zorgcoördinator",
        "personeelslid",
        "Kleuterbouw",
        "Directieteam, Werkgroep lezen",
    ] in rows


def test_xlsx_has_the_same_rows(login, leader, griet):
    client = login(leader)
    url = export_url(leader.organisation, "xlsx")
    rows = xlsx_rows(client.get(url))
    assert rows[1:] == [
        [value or None for value in row]
        for row in csv_rows(client.get(export_url(leader.organisation, "csv")))[1:]
    ]


def test_export_keeps_the_search_of_the_page(login, leader, griet):
    MembershipFactory(organisation=leader.organisation, user=UserFactory(first_name="Jan"))
    rows = csv_rows(login(leader).get(export_url(leader.organisation, "csv"), {"q": "maes"}))
    assert [row[0] for row in rows[1:]] == ["Griet Maes"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_formula_looking_name_stays_text(login, leader, file_format):
    MembershipFactory(
        organisation=leader.organisation,
        user=UserFactory(first_name='=HYPERLINK("http://x")', last_name="", email="f@x.test"),
        function="+31 leerkracht",
    )
    response = login(leader).get(export_url(leader.organisation, file_format))
    rows = csv_rows(response) if file_format == "csv" else xlsx_rows(response)
    row = next(row for row in rows if row[1] == "f@x.test")
    assert row[0] == '\'=HYPERLINK("http://x")'
    assert row[2] == "'+31 leerkracht"
    if file_format == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value)


def test_export_is_for_managers(login, staff_member, school):
    assert login(staff_member).get(export_url(school, "csv")).status_code == 403


def test_outsider_gets_a_404(login, outsider, school):
    assert login(outsider).get(export_url(school, "xlsx")).status_code == 404


def test_staff_page_links_the_downloads_with_its_search(login, leader):
    page = reverse("organisations:people_list", kwargs={"slug": leader.organisation.slug})
    content = login(leader).get(page, {"q": "maes"}).content.decode()
    assert export_url(leader.organisation, "xlsx") + "?q=maes" in content
    assert export_url(leader.organisation, "csv") + "?q=maes" in content


def test_staff_page_offers_no_download_to_staff(login, staff_member, school):
    page = reverse("organisations:people_list", kwargs={"slug": school.slug})
    assert "export.csv" not in login(staff_member).get(page).content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_queries_do_not_grow_with_the_staff(
    login, leader, team, file_format, django_assert_max_num_queries
):
    client = login(leader)
    url = export_url(leader.organisation, file_format)
    for _n in range(30):
        TeamMembershipFactory(
            team=team, membership=MembershipFactory(organisation=leader.organisation), is_home=True
        )
    client.get(url)  # warm the session
    with django_assert_max_num_queries(8):
        client.get(url)


def test_the_htmx_search_refreshes_the_download_links(login, leader):
    page = reverse("organisations:people_list", kwargs={"slug": leader.organisation.slug})
    response = login(leader).get(page, {"q": "griet"}, headers={"HX-Request": "true"})
    assert export_url(leader.organisation, "csv") + "?q=griet" in response.content.decode()


def test_an_export_is_logged(login, leader):
    login(leader).get(export_url(leader.organisation, "csv"), {"q": "maes"})
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (event.actor, event.organisation) == (leader.user, leader.organisation)
    assert event.summary == "csv q=maes"
