"""The preview asks about what it does not know: unknown columns and teams that do not exist
yet; the stored file is then checked again without a second upload."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from core.errors import LeerkringError
from organisations.imports import apply as import_apply
from organisations.imports import services
from organisations.imports.forms import StaffImportChoicesForm, suggest_team
from organisations.models import Membership, StaffImport, Team, TeamMembership
from organisations.tests.factories import TeamFactory

EXPORT = (
    "Voornaam;Naam;E-mail;Ambt;Basisteam;Stamnummer;Werkplek\n"
    "Anaïs;Wouters;anais@school.be;zorgcoördinator;Team 1ste graad;123;Zorg\n"
    "Jens;Janssens;jens@school.be;leerkracht;Kleuters;124;Zorg\n"
    "Lotte;Peeters;lotte@school.be;leerkracht;Derde graad;125;Zorg\n"
).encode("cp1252")


@pytest.fixture
def teams(school):
    return [TeamFactory(organisation=school, name=n) for n in ("Eerste graad", "Derde graad")]


def _upload(client, school, data=EXPORT, name="export.csv"):
    url = reverse("organisations:staff_import", kwargs={"slug": school.slug})
    response = client.post(url, {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return StaffImport.objects.latest("pk")


def _detail(staff_import):
    return reverse(
        "organisations:staff_import_detail",
        kwargs={"slug": staff_import.organisation.slug, "pk": staff_import.pk},
    )


def _check_url(staff_import):
    return reverse(
        "organisations:staff_import_check",
        kwargs={"slug": staff_import.organisation.slug, "pk": staff_import.pk},
    )


def _counts():
    return (
        User.objects.count(),
        Membership.objects.count(),
        TeamMembership.objects.count(),
        Team.objects.count(),
    )


def test_the_preview_asks_about_unknown_columns_and_teams(login, leader, school, teams):
    client = login(leader)
    staff_import = _upload(client, school)
    # Basisteam is the home team, Naam the last name, Ambt the function.
    assert staff_import.columns == ["first_name", "last_name", "email", "function", "home_team"]
    assert staff_import.source["unknown_teams"] == ["Team 1ste graad", "Kleuters"]
    html = client.get(_detail(staff_import)).content.decode()
    assert 'name="column_5"' in html and 'name="column_6"' in html
    assert "Stamnummer, Werkplek" in html  # the plain warning about ignored columns
    assert 'name="team_0"' in html and 'name="team_1"' in html
    # "Team 1ste graad" is probably "Eerste graad": that match is chosen already.
    first = teams[0]
    assert f'<option value="{first.pk}" selected>' in html
    assert '<option value="new" selected>' in html  # Kleuters resembles no team


def test_choices_are_checked_again_on_the_stored_file_and_applied(login, leader, school, teams):
    client = login(leader)
    staff_import = _upload(client, school)
    assert staff_import.error_count == 2
    before = _counts()
    response = client.post(
        _check_url(staff_import),
        {"column_5": "", "column_6": "other_teams", "team_0": str(teams[0].pk), "team_1": "new"},
    )
    assert response.status_code == 302
    staff_import.refresh_from_db()
    # Every row now names "Zorg" under other teams, which does not exist yet either.
    assert staff_import.error_count == 3
    assert staff_import.columns[-1] == "other_teams"
    assert staff_import.source["unknown_teams"] == ["Team 1ste graad", "Zorg", "Kleuters"]
    assert _counts() == before  # nothing is written before the import is confirmed
    html = client.get(_detail(staff_import)).content.decode()
    assert "Zorg" in html and 'name="team_2"' in html
    # The choices made stay chosen; Zorg is to be created too.
    assert f'<option value="{teams[0].pk}" selected>' in html
    response = client.post(
        _check_url(staff_import),
        {"column_6": "other_teams", "team_0": str(teams[0].pk), "team_1": "new", "team_2": "new"},
    )
    staff_import.refresh_from_db()
    assert staff_import.error_count == 0 and staff_import.can_apply
    assert client.post(_detail(staff_import)).status_code == 302
    staff_import.refresh_from_db()
    assert staff_import.status == StaffImport.Status.APPLIED
    assert set(school.teams.values_list("name", flat=True)) == {
        "Eerste graad",
        "Derde graad",
        "Kleuters",
        "Zorg",
    }
    anais = Membership.objects.get(organisation=school, user__email="anais@school.be")
    assert anais.function == "zorgcoördinator"
    assert anais.user.first_name == "Anaïs"
    homes = TeamMembership.objects.filter(membership=anais)
    assert {(t.team.name, t.is_home) for t in homes} == {("Eerste graad", True), ("Zorg", False)}
    jens = TeamMembership.objects.get(membership__user__email="jens@school.be", is_home=True)
    assert jens.team.name == "Kleuters"


def test_a_column_chosen_twice_gives_a_dutch_message_and_changes_nothing(
    login, leader, school, teams
):
    client = login(leader)
    staff_import = _upload(client, school)
    stored = (staff_import.source, staff_import.rows)
    response = client.post(
        _check_url(staff_import), {"column_5": "email", "team_0": "new", "team_1": "new"}
    )
    assert response.status_code == 400
    assert "Meer dan één kolom" in response.content.decode()
    staff_import.refresh_from_db()
    assert (staff_import.source, staff_import.rows) == stored


def test_a_team_of_another_school_cannot_be_chosen(login, leader, school, teams, outsider):
    stranger = TeamFactory(organisation=outsider.organisation, name="Eerste graad")
    client = login(leader)
    staff_import = _upload(client, school)
    stored = staff_import.source
    response = client.post(_check_url(staff_import), {"team_0": str(stranger.pk), "team_1": "new"})
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()
    staff_import.refresh_from_db()
    assert staff_import.source == stored


def test_required_columns_can_be_chosen_in_the_preview(login, leader, school, teams):
    data = b"Voornaam;Achternaam;Adres\nJo;Maes;jo@school.be\n"
    client = login(leader)
    staff_import = _upload(client, school, data)
    assert staff_import.source["missing"] == ["email"] and not staff_import.can_apply
    html = client.get(_detail(staff_import)).content.decode()
    assert "Er ontbreken verplichte kolommen" in html
    client.post(_check_url(staff_import), {"column_2": "email"})
    staff_import.refresh_from_db()
    assert staff_import.can_apply and staff_import.rows[0]["email"] == "jo@school.be"


def test_an_applied_import_can_no_longer_be_changed(login, leader, school, teams):
    client = login(leader)
    staff_import = _upload(client, school)
    StaffImport.objects.filter(pk=staff_import.pk).update(status=StaffImport.Status.APPLIED)
    response = client.post(_check_url(staff_import), {"team_0": "new", "team_1": "new"})
    assert response.status_code == 302
    staff_import.refresh_from_db()
    assert staff_import.source["teams"] == {}


def test_staff_members_cannot_check_again(login, staff_member, leader, school, teams):
    staff_import = _upload(login(leader), school)
    response = login(staff_member).post(_check_url(staff_import), {"team_0": "new"})
    assert response.status_code == 403


def test_an_import_that_fails_half_way_creates_no_teams_and_no_people(
    login, leader, school, teams, monkeypatch
):
    client = login(leader)
    staff_import = _upload(client, school)
    client.post(
        _check_url(staff_import),
        {"column_6": "", "team_0": "new", "team_1": "new"},
    )
    staff_import.refresh_from_db()
    assert staff_import.can_apply
    before = _counts()
    real_apply_row = import_apply.apply_row
    calls = []

    def failing_apply_row(**kwargs):
        calls.append(kwargs["row"]["line"])
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real_apply_row(**kwargs)

    monkeypatch.setattr(import_apply, "apply_row", failing_apply_row)
    response = client.post(_detail(staff_import), follow=True)
    assert "niets veranderd" in response.content.decode()
    assert _counts() == before
    staff_import.refresh_from_db()
    assert staff_import.status == StaffImport.Status.FAILED
    assert staff_import.source["teams"]  # the choices stay for the next attempt
    assert services.staff_import_confirm(staff_import=staff_import, actor=leader.user) is True
    assert school.teams.filter(name__in=["Team 1ste graad", "Kleuters"]).count() == 2


def test_a_close_team_name_is_suggested_and_a_distant_one_is_not():
    teams = [Team(pk=1, name="Eerste graad"), Team(pk=2, name="Zorgteam")]
    assert suggest_team("Team 1ste graad", teams).name == "Eerste graad"
    assert suggest_team("zorg team", teams).name == "Zorgteam"
    assert suggest_team("Kleuters", teams) is None


def test_the_choices_form_turns_answers_into_a_mapping_and_team_choices():
    staff_import = StaffImport(
        source={
            "header": ["Voornaam", "Naam", "Mail adres werk", "Basisteam", "Lokaal"],
            "records": [],
            "mapping": ["first_name", "last_name", "", "home_team", ""],
            "unknown_teams": ["Kleuters", "Team 1ste graad"],
            "teams": {},
        }
    )
    teams = [Team(pk=7, name="Eerste graad")]
    form = StaffImportChoicesForm(
        {"column_2": "email", "column_4": "", "team_0": "new", "team_1": "7"},
        staff_import=staff_import,
        teams=teams,
    )
    assert [f.name for f in form.column_fields()] == ["column_2", "column_4"]
    assert form.is_valid(), form.errors
    assert form.cleaned_data["mapping"] == ["first_name", "last_name", "email", "home_team", ""]
    assert form.cleaned_data["team_choices"] == {"kleuters": "new", "team 1ste graad": 7}
    unbound = StaffImportChoicesForm(staff_import=staff_import, teams=teams)
    assert unbound["team_0"].initial == "new" and unbound["team_1"].initial == "7"


def _export(count: int) -> bytes:
    lines = ["Voornaam;Naam;E-mail;Basisteam;Stamnummer"]
    lines += [f"P{n};Q{n};p{n}@school.be;Nieuw {n % 3};{n}" for n in range(count)]
    return "\n".join(lines).encode("cp1252")


def test_the_preview_with_questions_reads_the_same_queries_for_few_or_many_rows(
    login, leader, school, teams
):
    client = login(leader)
    small, large = (_upload(client, school, _export(count)) for count in (3, 30))
    counts = []
    for staff_import in (small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(_detail(staff_import))
        assert 'name="team_2"' in response.content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12


def test_a_new_team_name_that_is_too_long_is_refused_in_the_preview():
    name = "Team " + "x" * 130
    staff_import = StaffImport(
        source={"header": ["Voornaam"], "mapping": ["first_name"], "unknown_teams": [name]}
    )
    form = StaffImportChoicesForm({"team_0": "new"}, staff_import=staff_import, teams=[])
    assert not form.is_valid()
    assert "120" in form.errors["team_0"][0]


def test_the_service_refuses_choices_that_do_not_fit_the_stored_file(login, leader, school):
    staff_import = _upload(login(leader), school)
    stored = staff_import.source
    for mapping in (["email"], ["first_name"] * 7 + ["password"]):
        with pytest.raises(LeerkringError):
            services.staff_import_recheck(
                staff_import=staff_import, mapping=mapping, team_choices={}, actor=leader.user
            )
    staff_import.refresh_from_db()
    assert staff_import.source == stored
