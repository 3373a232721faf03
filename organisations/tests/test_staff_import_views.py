"""The staff import pages: upload, preview with problems in Dutch, confirm, access."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from organisations.imports import services
from organisations.models import Membership, StaffImport, TeamMembership
from organisations.tests.factories import MembershipFactory, TeamFactory

DATA = Path(__file__).parent / "data"
TEAM_NAMES = ["Eerste graad", "Tweede graad", "Derde graad", "Zorgteam", "Werkgroep lezen"]


@pytest.fixture
def teams(school, team):
    return [team, *(TeamFactory(organisation=school, name=n) for n in TEAM_NAMES)]


def _form_url(school):
    return reverse("organisations:staff_import", kwargs={"slug": school.slug})


def _detail_url(staff_import):
    return reverse(
        "organisations:staff_import_detail",
        kwargs={"slug": staff_import.organisation.slug, "pk": staff_import.pk},
    )


def _upload(client, school, name, data=None):
    data = (DATA / name).read_bytes() if data is None else data
    return client.post(_form_url(school), {"file": SimpleUploadedFile(name, data)})


def _counts():
    return (User.objects.count(), Membership.objects.count(), TeamMembership.objects.count())


def _preview(school, leader, name="staff_good.csv"):
    upload = SimpleUploadedFile(name, (DATA / name).read_bytes())
    return services.staff_import_preview(
        organisation=school, uploaded_file=upload, actor=leader.user
    )


def test_the_upload_page_explains_the_file_and_offers_an_example(login, leader, school):
    response = login(leader).get(_form_url(school))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'accept=".csv,.xlsx"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "examples/personeel-voorbeeld.csv" in html
    assert "Download een voorbeeldbestand" in html


def test_managers_see_the_import_button_on_the_staff_list(login, leader, school):
    response = login(leader).get(reverse("organisations:people_list", kwargs={"slug": school.slug}))
    assert _form_url(school) in response.content.decode()
    assert "Personeel importeren" in response.content.decode()


def test_staff_members_do_not_see_the_import_button(login, staff_member, school):
    response = login(staff_member).get(
        reverse("organisations:people_list", kwargs={"slug": school.slug})
    )
    assert response.status_code == 200
    assert _form_url(school) not in response.content.decode()


def test_staff_members_get_403(login, staff_member, leader, school, teams):
    staff_import = _preview(school, leader)
    client = login(staff_member)
    assert client.get(_form_url(school)).status_code == 403
    assert client.post(_form_url(school)).status_code == 403
    assert client.get(_detail_url(staff_import)).status_code == 403
    before = _counts()
    assert client.post(_detail_url(staff_import)).status_code == 403
    assert _counts() == before


def test_another_schools_import_is_a_404(login, leader, outsider, school, teams):
    staff_import = _preview(school, leader)
    client = login(outsider)
    assert client.get(_detail_url(staff_import)).status_code == 404
    own_school_url = reverse(
        "organisations:staff_import_detail",
        kwargs={"slug": outsider.organisation.slug, "pk": staff_import.pk},
    )
    assert client.get(own_school_url).status_code == 404
    assert client.post(own_school_url).status_code == 404
    staff_import.refresh_from_db()
    assert staff_import.status == StaffImport.Status.PREVIEWED


def test_anonymous_visitors_go_to_the_login_page(client, school):
    response = client.get(_form_url(school))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_errors_file_shows_every_problem_in_dutch_and_no_confirm_button(
    login, leader, school, teams
):
    client = login(leader)
    before = _counts()
    response = _upload(client, school, "staff_errors.csv")
    staff_import = StaffImport.objects.get()
    assert response.status_code == 302 and response["Location"] == _detail_url(staff_import)
    html = client.get(_detail_url(staff_import)).content.decode()
    for text in [
        "Het e-mailadres ontbreekt.",
        "‘jens.janssens(at)delinde.be’ is geen geldig e-mailadres.",
        "Dit e-mailadres staat ook op regel 5 van het bestand.",
        "De voornaam ontbreekt.",
        "De achternaam ontbreekt.",
        "Deze school heeft geen team ‘Vierde graad’.",
        "Bij thuisteam staat meer dan één team (Kleuterbouw, Eerste graad).",
        "‘Tweede graad’ is het thuisteam en staat ook bij de andere teams",
        "Deze school heeft geen team ‘Werkgroep rekenen’.",
        "9 rijen bevatten fouten.",
    ]:
        assert text in html, text
    assert 'href="#line-8"' in html and 'id="line-8"' in html
    assert "Import bevestigen" not in html
    assert _counts() == before


def test_confirming_an_import_with_errors_writes_nothing(login, leader, school, teams):
    client = login(leader)
    _upload(client, school, "staff_errors.csv")
    staff_import = StaffImport.objects.get()
    before = _counts()
    response = client.post(_detail_url(staff_import), follow=True)
    assert "Deze import kan niet uitgevoerd worden." in response.content.decode()
    assert _counts() == before


def test_uploading_and_confirming_the_good_file_imports_the_staff(login, leader, school, teams):
    client = login(leader)
    before = _counts()
    _upload(client, school, "staff_good.csv")
    staff_import = StaffImport.objects.get()
    html = client.get(_detail_url(staff_import)).content.decode()
    assert "nieuwe persoon" in html and "Import bevestigen" in html
    assert "fien.maes@delinde.be" in html
    assert _counts() == before

    response = client.post(_detail_url(staff_import), follow=True)
    html = response.content.decode()
    assert "De personeelslijst is geïmporteerd." in html
    assert "8 nieuw, 0 bijgewerkt, 0 ongewijzigd." in html
    people = client.get(
        reverse("organisations:people_list", kwargs={"slug": school.slug}), {"q": "Maes"}
    )
    assert "fien.maes@delinde.be" in people.content.decode()

    _upload(client, school, "staff_good.csv")
    again = StaffImport.objects.latest("pk")
    html = client.post(_detail_url(again), follow=True).content.decode()
    assert "0 nieuw, 0 bijgewerkt, 8 ongewijzigd." in html


def test_the_recent_imports_are_listed(login, leader, school, teams):
    _preview(school, leader)
    html = login(leader).get(_form_url(school)).content.decode()
    assert "staff_good.csv" in html and "Gecontroleerd" in html


def test_a_twenty_megabyte_file_gets_a_clear_message(login, leader, school):
    client = login(leader)
    big = b"voornaam;achternaam;email\n" + b"x" * (20 * 1024 * 1024)
    response = _upload(client, school, "personeel.csv", big)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het bestand is te groot (20,0 MB)" in html and "maximaal 5 MB" in html
    assert not StaffImport.objects.exists()


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("personeel.pdf", b"%PDF-1.7", "Dit is geen CSV- of Excelbestand"),
        (
            "personeel.csv",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "niet lezen als personeelslijst",
        ),
        ("personeel.xlsx", b"PK\x03\x04 not a workbook", "niet lezen als personeelslijst"),
        ("personeel.csv", b"", "Het bestand is leeg."),
        ("personeel.csv", b"voornaam;achternaam;email\n", "alleen een rij met kolomnamen"),
        ("personeel.csv", b"voornaam;functie\nJo;leerkracht\n", "Er ontbreken verplichte kolommen"),
    ],
)
def test_file_level_errors_are_shown_on_the_upload_page(login, leader, school, name, data, message):
    response = _upload(login(leader), school, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not StaffImport.objects.exists()


def test_posting_without_a_file_asks_for_one(login, leader, school):
    response = login(leader).post(_form_url(school))
    assert "Kies een bestand om te importeren." in response.content.decode()


def test_a_community_has_no_staff_import(login, school):
    community_leader = MembershipFactory(organisation=school.parent, role=Membership.Role.LEADER)
    url = reverse("organisations:staff_import", kwargs={"slug": school.parent.slug})
    assert login(community_leader).get(url).status_code == 404


def test_a_large_import_shows_busy_and_polls_until_done(
    login, leader, school, teams, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_IMPORT_BACKGROUND_ROWS = 3
    client = login(leader)
    staff_import = _preview(school, leader)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(_detail_url(staff_import))
    assert response.status_code == 302
    html = client.get(_detail_url(staff_import)).content.decode()
    assert "Bezig met importeren" in html
    assert 'hx-trigger="every 2s"' in html and f'hx-get="{_detail_url(staff_import)}"' in html
    partial = client.get(_detail_url(staff_import), HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and 'hx-trigger="every 2s"' in partial

    for callback in callbacks:  # what the task worker does
        callback()
    partial = client.get(_detail_url(staff_import), HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in partial
    assert "8 nieuw, 0 bijgewerkt, 0 ongewijzigd." in partial
    assert User.objects.filter(email="fien.maes@delinde.be").exists()


def _rows_file(count: int) -> SimpleUploadedFile:
    lines = ["voornaam;achternaam;email;thuisteam;andere teams"]
    lines += [
        f"Collega{i};Peeters;collega{i}@delinde.be;Zorgteam;Eerste graad" for i in range(count)
    ]
    return SimpleUploadedFile("personeel.csv", "\n".join(lines).encode())


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_import_pages_query_count_does_not_grow_with_rows(login, leader, school, teams):
    client = login(leader)
    small, large = (
        services.staff_import_preview(
            organisation=school, uploaded_file=_rows_file(count), actor=leader.user
        )
        for count in (2, 20)
    )
    assert _queries(client, _detail_url(small)) == _queries(client, _detail_url(large)) <= 8
    for count in range(10):
        services.staff_import_preview(
            organisation=school, uploaded_file=_rows_file(count + 1), actor=leader.user
        )
    assert _queries(client, _form_url(school)) <= 8


def test_only_rows_with_remarks_can_be_shown(login, leader, school, teams):
    data = (
        b"voornaam;achternaam;email;thuisteam\n"
        b"Lotte;Peeters;lotte@delinde.be;Zorgteam\n"
        b"Jens;Janssens;jens@delinde.be;Vierde graad\n"
    )
    staff_import = services.staff_import_preview(
        organisation=school,
        uploaded_file=SimpleUploadedFile("personeel.csv", data),
        actor=leader.user,
    )
    client = login(leader)
    everything = client.get(_detail_url(staff_import)).content.decode()
    assert "lotte@delinde.be" in everything and "jens@delinde.be" in everything
    remarks = client.get(_detail_url(staff_import), {"show": "problems"}).content.decode()
    assert "lotte@delinde.be" not in remarks and "jens@delinde.be" in remarks
