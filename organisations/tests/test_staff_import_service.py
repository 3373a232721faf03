"""The staff import service: preview writes nothing, apply is all-or-nothing and idempotent."""

import csv
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from accounts.models import AuditEvent, User
from core.errors import LeerkringError
from organisations.imports import apply, services
from organisations.models import Membership, StaffImport, TeamMembership
from organisations.tests.factories import (
    MembershipFactory,
    SchoolFactory,
    TeamFactory,
    TeamMembershipFactory,
)

DATA = Path(__file__).parent / "data"
TEAM_NAMES = ["Eerste graad", "Tweede graad", "Derde graad", "Zorgteam", "Werkgroep lezen"]
HEADER = "Voornaam;Achternaam;E-mail;Functie;Thuisteam;Andere teams\n"


@pytest.fixture
def teams(school, team):
    return {team.name: team, **{n: TeamFactory(organisation=school, name=n) for n in TEAM_NAMES}}


def _file(name, data: bytes | str):
    return SimpleUploadedFile(name, data.encode() if isinstance(data, str) else data)


def _data_file(name):
    return _file(name, (DATA / name).read_bytes())


def _counts():
    return (User.objects.count(), Membership.objects.count(), TeamMembership.objects.count())


def _preview(school, leader, upload):
    return services.staff_import_preview(
        organisation=school, uploaded_file=upload, actor=leader.user
    )


def _apply(school, leader, upload):
    staff_import = _preview(school, leader, upload)
    return services.staff_import_apply(staff_import=staff_import, actor=leader.user)


def _teams_of(email, school):
    membership = Membership.objects.get(user__email=email, organisation=school)
    rows = membership.team_memberships.select_related("team")
    home = [tm.team.name for tm in rows if tm.is_home]
    return (home[0] if home else None), sorted(tm.team.name for tm in rows if not tm.is_home)


def _codes(staff_import):
    return {row["line"]: [p["code"] for p in row["problems"]] for row in staff_import.rows}


def test_the_preview_writes_nothing_but_the_import_itself(school, teams, leader):
    before = _counts()
    staff_import = _preview(school, leader, _data_file("staff_good.csv"))
    assert _counts() == before
    assert staff_import.status == StaffImport.Status.PREVIEWED
    assert (staff_import.row_count, staff_import.error_count) == (8, 0)
    assert staff_import.created_count == 8
    assert staff_import.can_apply
    assert {row["action"] for row in staff_import.rows} == {"new"}


def test_every_row_problem_of_the_errors_file_is_found(school, teams, leader):
    staff_import = _preview(school, leader, _data_file("staff_errors.csv"))
    codes = _codes(staff_import)
    assert codes[2] == ["missing_email"]
    assert codes[3] == ["invalid_email"]
    assert codes[4] == ["duplicate_email"] and codes[5] == ["duplicate_email"]
    assert codes[6] == ["missing_first_name"]
    assert codes[7] == ["missing_last_name"]
    assert codes[8] == ["unknown_team"]
    assert codes[9] == ["several_home_teams"]
    assert codes[10] == ["home_in_other_teams"]  # a warning: the row itself can be imported
    assert codes[11] == ["unknown_team"]
    assert staff_import.error_count == 9
    assert not staff_import.can_apply
    row_4 = next(r for r in staff_import.rows if r["line"] == 4)
    assert row_4["problems"][0]["params"] == {"lines": "5"}


def test_a_row_with_errors_cannot_be_applied(school, teams, leader):
    staff_import = _preview(school, leader, _data_file("staff_errors.csv"))
    before = _counts()
    with pytest.raises(LeerkringError):
        services.staff_import_confirm(staff_import=staff_import, actor=leader.user)
    with pytest.raises(LeerkringError):
        services.staff_import_apply(staff_import=staff_import, actor=leader.user)
    assert _counts() == before


def test_team_names_match_case_insensitively_and_trimmed(school, teams, leader):
    data = HEADER + "Wout;Jacobs;wout@delinde.be;leerkracht;  tweede   GRAAD ;zorgteam\n"
    staff_import = _preview(school, leader, _file("x.csv", data))
    row = staff_import.rows[0]
    assert row["problems"] == []
    assert row["home_team_id"] == teams["Tweede graad"].pk
    assert row["other_team_ids"] == [teams["Zorgteam"].pk]


def test_a_team_of_another_school_is_unknown(school, teams, leader):
    TeamFactory(organisation=SchoolFactory(), name="Bovenbouw")
    data = HEADER + "Wout;Jacobs;wout@delinde.be;leerkracht;Bovenbouw;\n"
    assert _codes(_preview(school, leader, _file("x.csv", data)))[2] == ["unknown_team"]


def test_too_long_values_are_errors(school, teams, leader):
    data = HEADER + f"{'A' * 151};Jacobs;wout@delinde.be;{'f' * 101};Zorgteam;\n"
    assert _codes(_preview(school, leader, _file("x.csv", data)))[2] == ["too_long", "too_long"]


def test_a_person_without_home_team_gets_a_warning_but_can_be_imported(school, teams, leader):
    data = HEADER + "Wout;Jacobs;wout@delinde.be;leerkracht;;Zorgteam\n"
    staff_import = _preview(school, leader, _file("x.csv", data))
    assert _codes(staff_import)[2] == ["no_home_team"]
    assert staff_import.can_apply


def test_confirming_creates_people_with_their_teams(school, teams, leader):
    staff_import = _apply(school, leader, _data_file("staff_good.csv"))
    assert staff_import.status == StaffImport.Status.APPLIED
    assert staff_import.applied_at is not None
    assert (staff_import.created_count, staff_import.updated_count) == (8, 0)
    fien = User.objects.get(email="fien.maes@delinde.be")
    assert (fien.first_name, fien.last_name) == ("Fien", "Maes")
    assert not fien.has_usable_password()
    membership = Membership.objects.get(user=fien, organisation=school)
    assert (membership.role, membership.function) == (Membership.Role.STAFF, "zorgcoördinator")
    assert _teams_of("fien.maes@delinde.be", school) == (
        "Zorgteam",
        ["Eerste graad", "Tweede graad"],
    )
    assert User.objects.filter(email="wout.jacobs@delinde.be").exists()  # stored lower-case
    assert _teams_of("wout.jacobs@delinde.be", school) == ("Tweede graad", ["Werkgroep lezen"])
    event = AuditEvent.objects.get(action=AuditEvent.Action.IMPORT)
    assert event.organisation == school and event.actor == leader.user
    assert "8 new, 0 updated, 0 unchanged" in event.summary


def test_importing_the_same_file_again_changes_nothing(school, teams, leader):
    _apply(school, leader, _data_file("staff_good.csv"))
    before = _counts()
    team_rows = list(TeamMembership.objects.order_by("pk").values_list("pk", "team", "is_home"))
    again = _preview(school, leader, _data_file("staff_good.csv"))
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 8)
    again = services.staff_import_apply(staff_import=again, actor=leader.user)
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 8)
    assert _counts() == before
    assert list(TeamMembership.objects.order_by("pk").values_list("pk", "team", "is_home")) == (
        team_rows
    )


def test_an_updated_file_updates_people_by_email(school, teams, leader, staff_member):
    _apply(school, leader, _data_file("staff_good.csv"))
    data = (
        HEADER
        + "Fien;Maes-Peeters;FIEN.MAES@delinde.be;directeur;Eerste graad;\n"
        + "Jens;Janssens;jens.janssens@delinde.be;leerkracht;Eerste graad;\n"
    )
    staff_import = _preview(school, leader, _file("update.csv", data))
    assert [row["action"] for row in staff_import.rows] == ["update", "unchanged"]
    changed = {c["field"] for c in staff_import.rows[0]["changes"]}
    assert changed == {"name", "function", "home_team", "other_teams"}
    staff_import = services.staff_import_apply(staff_import=staff_import, actor=leader.user)
    assert (staff_import.created_count, staff_import.updated_count) == (0, 1)
    fien = Membership.objects.select_related("user").get(user__email="fien.maes@delinde.be")
    assert (fien.user.last_name, fien.function) == ("Maes-Peeters", "directeur")
    assert _teams_of("fien.maes@delinde.be", school) == ("Eerste graad", [])
    # People the file does not list are left alone.
    assert _teams_of("lotte.peeters@delinde.be", school) == ("Kleuterbouw", ["Werkgroep lezen"])
    assert _teams_of(staff_member.user.email, school) == ("Kleuterbouw", [])


def test_an_existing_member_keeps_their_role(school, teams, leader):
    data = HEADER + f"Ann;Leider;{leader.user.email};directeur;Zorgteam;\n"
    staff_import = _apply(school, leader, _file("x.csv", data))
    assert staff_import.updated_count == 1
    leader.refresh_from_db()
    assert leader.role == Membership.Role.LEADER
    assert _teams_of(leader.user.email, school) == ("Zorgteam", [])


def test_someone_from_another_school_gets_a_membership_here_and_keeps_their_name(
    school, teams, leader, outsider
):
    email = outsider.user.email
    data = HEADER + f"Andere;Naam;{email.upper()};leerkracht;Zorgteam;\n"
    staff_import = _preview(school, leader, _file("x.csv", data))
    assert staff_import.rows[0]["action"] == "new"
    assert _codes(staff_import)[2] == ["existing_account", "name_kept"]
    users = User.objects.count()
    staff_import = services.staff_import_apply(staff_import=staff_import, actor=leader.user)
    assert staff_import.created_count == 1
    assert User.objects.count() == users
    here = Membership.objects.get(user=outsider.user, organisation=school)
    assert here.role == Membership.Role.STAFF
    outsider.user.refresh_from_db()
    assert outsider.user.first_name != "Andere"
    again = _preview(school, leader, _file("x.csv", data))
    assert again.rows[0]["action"] == "unchanged"


def test_a_file_without_team_columns_leaves_teams_alone(school, teams, leader, staff_member):
    email = staff_member.user.email
    TeamMembershipFactory(team=teams["Zorgteam"], membership=staff_member)
    data = f"voornaam;achternaam;email;functie\nPiet;Pieters;{email};zorgleerkracht\n"
    staff_import = _apply(school, leader, _file("x.csv", data))
    assert staff_import.updated_count == 1
    assert _teams_of(email, school) == ("Kleuterbouw", ["Zorgteam"])
    staff_member.refresh_from_db()
    assert staff_member.function == "zorgleerkracht"


def test_a_new_home_team_that_was_another_team_becomes_the_home_team(
    school, teams, leader, staff_member
):
    TeamMembershipFactory(team=teams["Zorgteam"], membership=staff_member)
    user = staff_member.user
    data = HEADER + f"{user.first_name};{user.last_name};{user.email};leerkracht;Zorgteam;\n"
    _apply(school, leader, _file("x.csv", data))
    assert _teams_of(user.email, school) == ("Zorgteam", [])


def test_home_team_and_other_team_can_swap(school, teams, leader, staff_member):
    TeamMembershipFactory(team=teams["Zorgteam"], membership=staff_member)
    user = staff_member.user
    data = HEADER + f"{user.first_name};{user.last_name};{user.email};;Zorgteam;Kleuterbouw\n"
    _apply(school, leader, _file("x.csv", data))
    assert _teams_of(user.email, school) == ("Zorgteam", ["Kleuterbouw"])


def test_an_inactive_member_is_made_active_again(school, teams, leader):
    member = MembershipFactory(organisation=school, is_active=False, function="leerkracht")
    user = member.user
    data = HEADER + f"{user.first_name};{user.last_name};{user.email};leerkracht;Zorgteam;\n"
    _apply(school, leader, _file("x.csv", data))
    member.refresh_from_db()
    assert member.is_active


def test_a_failure_half_way_rolls_back_everything(school, teams, leader, monkeypatch):
    staff_import = _preview(school, leader, _data_file("staff_good.csv"))
    before = _counts()
    real_apply_row, calls = apply.apply_row, []

    def failing_apply_row(**kwargs):
        calls.append(kwargs["row"]["line"])
        if len(calls) == 4:
            raise RuntimeError("disk full")
        return real_apply_row(**kwargs)

    monkeypatch.setattr(apply, "apply_row", failing_apply_row)
    with pytest.raises(LeerkringError):
        services.staff_import_apply(staff_import=staff_import, actor=leader.user)
    assert len(calls) == 4  # three rows were written before the failure...
    assert _counts() == before  # ...and rolled back
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.IMPORT).exists()
    staff_import.refresh_from_db()
    assert staff_import.status == StaffImport.Status.FAILED
    assert staff_import.failure_message
    assert staff_import.can_apply

    monkeypatch.setattr(apply, "apply_row", real_apply_row)
    staff_import = services.staff_import_apply(staff_import=staff_import, actor=leader.user)
    assert staff_import.status == StaffImport.Status.APPLIED
    assert User.objects.filter(email="arne.goossens@delinde.be").exists()


def test_an_import_is_applied_only_once(school, teams, leader):
    staff_import = _apply(school, leader, _data_file("staff_good.csv"))
    with pytest.raises(LeerkringError):
        services.staff_import_apply(staff_import=staff_import, actor=leader.user)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.IMPORT).count() == 1


def test_a_team_removed_after_the_preview_stops_the_import(school, teams, leader):
    staff_import = _preview(school, leader, _data_file("staff_good.csv"))
    teams["Zorgteam"].delete()
    before = _counts()
    with pytest.raises(LeerkringError) as info:
        services.staff_import_apply(staff_import=staff_import, actor=leader.user)
    assert "bestaat niet meer" in info.value.message
    assert _counts() == before


def test_staff_cannot_be_imported_into_a_provider(leader):
    provider = SchoolFactory(kind="provider", parent=None)
    with pytest.raises(LeerkringError):
        _preview(provider, leader, _data_file("staff_good.csv"))


@pytest.fixture
def good_xlsx() -> bytes:
    """The good CSV example, saved as an Excel workbook."""
    workbook = Workbook()
    sheet = workbook.active
    text = (DATA / "staff_good.csv").read_text(encoding="utf-8-sig")
    for record in csv.reader(io.StringIO(text), delimiter=";"):
        sheet.append(record)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_file_imports_like_its_csv(school, teams, leader, good_xlsx):
    from_xlsx = _apply(school, leader, _file("personeel.xlsx", good_xlsx))
    assert from_xlsx.created_count == 8
    again = _preview(school, leader, _data_file("staff_good.csv"))
    assert again.unchanged_count == 8


def test_the_committed_xlsx_example_imports(school, teams, leader):
    staff_import = _apply(school, leader, _data_file("staff_good.xlsx"))
    assert staff_import.created_count == 4
    assert _teams_of("fien.maes@delinde.be", school) == (
        "Zorgteam",
        ["Eerste graad", "Tweede graad"],
    )


def test_a_large_import_is_applied_by_the_background_task(
    school, teams, leader, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_IMPORT_BACKGROUND_ROWS = 3
    staff_import = _preview(school, leader, _data_file("staff_good.csv"))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        ran_now = services.staff_import_confirm(staff_import=staff_import, actor=leader.user)
        assert not ran_now
        assert StaffImport.objects.get(pk=staff_import.pk).status == StaffImport.Status.APPLYING
        assert User.objects.filter(email="fien.maes@delinde.be").count() == 0
    assert len(callbacks) == 1
    staff_import.refresh_from_db()
    assert staff_import.status == StaffImport.Status.APPLIED
    assert staff_import.created_count == 8
    assert AuditEvent.objects.get(action=AuditEvent.Action.IMPORT).actor == leader.user


def test_a_small_import_is_applied_at_once(school, teams, leader, settings):
    settings.STAFF_IMPORT_BACKGROUND_ROWS = 8
    staff_import = _preview(school, leader, _data_file("staff_good.csv"))
    assert services.staff_import_confirm(staff_import=staff_import, actor=leader.user)
    assert StaffImport.objects.get(pk=staff_import.pk).status == StaffImport.Status.APPLIED
