"""The charter and decision matrix pages: who may edit what, bad input, the export."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import AuditEvent
from organisations.tests.factories import TeamFactory, TeamMembershipFactory
from teams.models import Decision, MissionVersion, TeamDecision

pytestmark = pytest.mark.django_db


def _charter_data(team, mission="Elk kind leest graag."):
    data = {"pupils": "eerste graad", "mission": mission, "meeting_rhythm": "elke dinsdag"}
    for link in team.team_memberships.all():
        data[f"role_{link.pk}"] = "zorgcontact"
    return data


def _edit_url(team):
    return reverse("teams:charter_edit", kwargs={"slug": team.organisation.slug, "pk": team.pk})


def test_a_member_edits_their_own_charter(login, team, staff_member):
    client = login(staff_member)
    charter_url = reverse("teams:charter", kwargs={"slug": team.organisation.slug, "pk": team.pk})
    assert _edit_url(team) in client.get(charter_url).content.decode()
    response = client.post(_edit_url(team), _charter_data(team, "Nieuwe missie"))
    assert response.status_code == 302
    team.refresh_from_db()
    assert team.mission == "Nieuwe missie"
    html = client.get(charter_url).content.decode()
    assert "zorgcontact" in html and "elke dinsdag" in html and "Nieuwe missie" in html


def test_a_member_may_not_edit_another_teams_charter(login, school, team, staff_member):
    other = TeamFactory(organisation=school, name="Lagere school", mission="Oud")
    client = login(staff_member)
    charter_url = reverse("teams:charter", kwargs={"slug": school.slug, "pk": other.pk})
    assert client.get(charter_url).status_code == 200
    assert _edit_url(other) not in client.get(charter_url).content.decode()
    assert client.get(_edit_url(other)).status_code == 403
    assert client.post(_edit_url(other), _charter_data(other, "Gekaapt")).status_code == 403
    other.refresh_from_db()
    assert other.mission == "Oud" and not MissionVersion.objects.exists()


def test_a_leader_edits_every_charter(login, school, team, leader):
    other = TeamFactory(organisation=school, name="Lagere school")
    TeamMembershipFactory(team=other)
    client = login(leader)
    for each in (team, other):
        assert (
            client.post(_edit_url(each), _charter_data(each, f"Missie {each}")).status_code == 302
        )
    assert MissionVersion.objects.count() == 4  # each team's earlier text and its new one


def test_a_too_long_rhythm_is_refused_in_dutch_and_nothing_changes(login, team, staff_member):
    data = _charter_data(team, "Andere missie") | {"meeting_rhythm": "x" * 201}
    response = login(staff_member).post(_edit_url(team), data)
    assert response.status_code == 200
    assert "niet meer dan 200 tekens" in response.content.decode()
    team.refresh_from_db()
    assert team.mission != "Andere missie"


def _matrix_url(school):
    return reverse("teams:decision_matrix", kwargs={"slug": school.slug})


def _grid_url(school, theme):
    return reverse("teams:decision_matrix_edit", kwargs={"slug": school.slug}) + f"?theme={theme}"


def _grid_data(response):
    """The grid's form data as the page shows it."""
    data = {}
    for row in response.context["rows"]:
        for field in row.form:
            value = field.value()
            data[field.html_name] = "" if value is None else str(value)
    return data


def test_the_leader_gets_the_starter_list_and_saves_the_grid(login, school, team, leader):
    client = login(leader)
    client.get(_matrix_url(school))
    assert Decision.objects.filter(organisation=school).count() > 8
    grid = _grid_url(school, "Onderwijs en organisatie")
    response = client.get(grid)
    html = response.content.decode()
    assert 'aria-label="Lesrooster: Kleuterbouw"' in html
    assert 'aria-label="Lesrooster: standaard van de school"' in html
    data = _grid_data(response)
    timetable = Decision.objects.get(organisation=school, name="Lesrooster")
    data[f"d{timetable.pk}-owner"] = "leadership"
    data[f"d{timetable.pk}-team_{team.pk}"] = "team"
    response = client.post(grid, data)
    assert response.status_code == 302
    timetable.refresh_from_db()
    assert timetable.owner == "leadership"
    choice = TeamDecision.objects.get(decision=timetable)
    assert choice.owner == "team" and choice.moved_on is not None
    response = client.get(_matrix_url(school))
    assert [row.decision for row in response.context["unclear"] if row.conflicts] == [timetable]
    assert "Tegenstrijdig" in response.content.decode()


def test_a_bad_cell_saves_nothing_and_says_so_in_dutch(login, school, team, leader):
    client = login(leader)
    client.get(_matrix_url(school))
    grid = _grid_url(school, "Onderwijs en organisatie")
    data = _grid_data(client.get(grid))
    timetable = Decision.objects.get(organisation=school, name="Lesrooster")
    classes = Decision.objects.get(organisation=school, name="Klassamenstelling")
    data[f"d{classes.pk}-owner"] = "team"
    data[f"d{timetable.pk}-owner"] = "de-baas"
    response = client.post(grid, data, follow=True)
    html = response.content.decode()
    assert "Er is niets opgeslagen" in html and "Selecteer een geldige keuze" in html
    assert not Decision.objects.exclude(owner="").exists()


def test_staff_see_the_matrix_but_cannot_save_it(login, school, staff_member):
    client = login(staff_member)
    response = client.get(_matrix_url(school))
    assert response.status_code == 200 and "-owner" not in response.content.decode()
    grid = _grid_url(school, "Mensen")
    assert client.get(grid).status_code == 403
    assert client.post(grid, {}).status_code == 403
    add = reverse("teams:decision_add", kwargs={"slug": school.slug})
    assert client.post(add, {"add-theme": "T", "add-name": "N"}).status_code == 403


def test_a_row_without_a_name_is_refused_in_dutch(login, school, leader):
    client = login(leader)
    add = reverse("teams:decision_add", kwargs={"slug": school.slug})
    response = client.post(add, {"add-theme": "Mensen", "add-name": ""})
    assert "Geef de taak of beslissing een naam." in response.content.decode()
    assert not Decision.objects.exists()
    response = client.post(add, {"add-theme": "Mensen", "add-name": "Onthaal nieuwe collega's"})
    assert response.status_code == 302
    row = Decision.objects.get()
    edit = reverse("teams:decision_edit", kwargs={"slug": school.slug, "pk": row.pk})
    assert client.post(edit, {"theme": "Mensen", "name": " "}).status_code == 200
    row.refresh_from_db()
    assert row.name == "Onthaal nieuwe collega's"
    delete = reverse("teams:decision_delete", kwargs={"slug": school.slug, "pk": row.pk})
    assert client.post(delete).status_code == 302
    assert not Decision.objects.exists()


def test_the_export_lists_every_row_and_team_with_formulas_neutralised(login, school, team, leader):
    row = Decision.objects.create(
        organisation=school, theme="Mensen", name="=HYPERLINK(1)", owner="leadership"
    )
    TeamDecision.objects.create(decision=row, team=team, owner="team")
    url = reverse("teams:decision_matrix_xlsx", kwargs={"slug": school.slug})
    response = login(leader).get(url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Thema", "Taak of beslissing", "Standaard van de school", "Kleuterbouw")
    assert rows[1][:4] == ("Mensen", "'=HYPERLINK(1)", "schoolleiding", "het team")
    assert rows[1][-1] == "ja"  # the team's choice is the opposite of the school's


def test_the_pdf_export_is_a_pdf(login, school, team, leader):
    Decision.objects.create(organisation=school, theme="Mensen", name="Aanwerving", owner="team")
    url = reverse("teams:decision_matrix_pdf", kwargs={"slug": school.slug})
    response = login(leader).get(url)
    assert response["Content-Type"] == "application/pdf"
    assert AuditEvent.objects.filter(
        actor=leader.user, action=AuditEvent.Action.EXPORT, object_type="teams.decisionmatrix"
    ).exists()
    assert response.content.startswith(b"%PDF")
