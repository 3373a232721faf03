"""The framework page, its first opening, and the XLSX export and import."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from competences.models import Competence, Framework

pytestmark = pytest.mark.django_db


def _xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    output = BytesIO()
    book.save(output)
    return SimpleUploadedFile("kader.xlsx", output.getvalue())


HEADER = ["Code", "Competentie", "Beschrijving", "N1", "N2", "N3", "N4"]
GOOD = ["TAAL", "Taalbeleid", "Werkt aan taal", "a", "b", "c", "d"]


def _import_url(school):
    return reverse("competences:import", kwargs={"slug": school.slug})


def test_the_first_visit_gives_the_school_the_starter_framework(login, school, staff_member):
    client = login(staff_member)
    response = client.get(reverse("competences:index", kwargs={"slug": school.slug}))
    framework = Framework.objects.get(organisation=school)
    assert response.status_code == 302
    html = client.get(response.url).content.decode()
    assert "Leerlingenzorg" in html and "Mijn competenties" in html
    assert "Kleuterbouw" in html  # her own team's matrix
    assert framework.competences.count() == 8


def test_the_framework_exports_with_its_level_texts(login, coach, framework):
    url = reverse(
        "competences:export", kwargs={"slug": framework.organisation.slug, "fw": framework.pk}
    )
    response = login(coach).get(url)
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Code" and len(rows) == 9
    assert rows[1][:2] == ("ZORG", "Leerlingenzorg") and all(rows[1][3:7])


def test_an_exported_framework_imports_again(login, leader, school, framework):
    client = login(leader)
    url = reverse("competences:export", kwargs={"slug": school.slug, "fw": framework.pk})
    upload = SimpleUploadedFile("kader.xlsx", client.get(url).content)
    response = client.post(_import_url(school), {"name": "Ons kader", "file": upload})
    assert response.status_code == 302
    imported = Framework.objects.get(name="Ons kader")
    assert imported.competences.count() == 8
    assert imported.competences.get(code="DATA").level_4.startswith("Leidt een datateam")


def test_a_missing_level_text_is_refused_in_dutch_and_nothing_is_written(login, leader, school):
    rows = [HEADER, GOOD, ["DIGI", "Digitaal", "", "a", "b", "", "d"]]
    response = login(leader).post(_import_url(school), {"name": "Kader", "file": _xlsx(rows)})
    assert response.status_code == 200
    assert "Rij 3 (Digitaal): de tekst van niveau 3 ontbreekt." in response.content.decode()
    assert not Framework.objects.exists() and not Competence.objects.exists()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("kader.xlsx", b"dit is geen rekenblad"),
        SimpleUploadedFile("kader.csv", b"code;naam\nA;B"),
    ],
)
def test_a_wrong_file_is_refused_in_dutch(login, leader, school, upload):
    response = login(leader).post(_import_url(school), {"name": "Kader", "file": upload})
    assert "Dit is geen XLSX-rekenblad" in response.content.decode()
    assert not Framework.objects.exists()


def test_an_empty_sheet_is_refused(login, leader, school):
    response = login(leader).post(_import_url(school), {"name": "Kader", "file": _xlsx([HEADER])})
    assert "geen competenties" in response.content.decode()
    assert not Framework.objects.exists()


def test_staff_and_coaches_may_not_import(login, staff_member, coach, school):
    for who in (staff_member, coach):
        response = login(who).post(
            _import_url(school), {"name": "Kader", "file": _xlsx([HEADER, GOOD])}
        )
        assert response.status_code == 403
    assert not Framework.objects.exists()


def test_formulas_are_exported_as_text(login, coach, framework):
    competence = framework.competences.first()
    competence.name = '=HYPERLINK("http://evil.example","klik")'
    competence.save()
    url = reverse(
        "competences:export", kwargs={"slug": framework.organisation.slug, "fw": framework.pk}
    )
    sheet = load_workbook(BytesIO(login(coach).get(url).content)).active
    assert sheet["B2"].value.startswith("'=")


def test_the_navigation_links_to_the_competences(login, school, staff_member):
    from django.urls import reverse as url

    html = login(staff_member).get(url("organisations:overview", kwargs={"slug": school.slug}))
    assert url("competences:index", kwargs={"slug": school.slug}) in html.content.decode()
