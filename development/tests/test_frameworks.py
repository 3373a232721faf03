"""Quality frameworks: the shipped reference framework, import and export as XLSX, goals
linked to expectations and core tasks."""

import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from development.models import CoreTask, Goal, QualityExpectation, QualityFramework
from development.services import core_task_add


def _xlsx(rows, levels=("laag", "hoog")):
    book = Workbook()
    sheet = book.active
    sheet.append(["Code", "Titel", "Omschrijving", "Rubriek"])
    for row in rows:
        sheet.append(list(row))
    scale = book.create_sheet("Schaal")
    for level in levels:
        scale.append([level])
    output = BytesIO()
    book.save(output)
    return SimpleUploadedFile("kader.xlsx", output.getvalue())


def test_the_reference_framework_ships_only_its_certain_codes(db):
    framework = QualityFramework.objects.get(organisation=None)
    codes = list(framework.expectations.values_list("code", flat=True))
    assert codes == ["K1", "K2", "K3", *[f"BL{n}" for n in range(1, 8)]]
    assert framework.rubrics == [
        "Ontwikkeling van lerenden",
        "Kwaliteitsontwikkeling",
        "Beleid",
        "Resultaten en effecten",
    ]
    assert framework.levels == [
        "onder de verwachting",
        "benadert de verwachting",
        "volgens de verwachting",
        "overstijgt de verwachting",
    ]


def test_a_leader_sees_the_shipped_framework_by_rubric(school, leader, login):
    framework = QualityFramework.objects.get(organisation=None)
    page = login(leader).get(
        reverse("development:framework_detail", kwargs={"slug": school.slug, "pk": framework.pk})
    )
    text = page.content.decode()
    assert "Resultaten en effecten" in text and "overstijgt de verwachting" in text
    assert "<strong>BL7</strong>" in text


def test_importing_a_framework_makes_it_the_schools_own(school, leader, login):
    url = reverse("development:framework_import", kwargs={"slug": school.slug})
    upload = _xlsx([("A1", "Taal", "Taalbeleid", "Aanbod"), ("A2", "Zorg", "", "Begeleiding")])
    response = login(leader).post(url, {"name": "Ons kader", "file": upload})
    framework = QualityFramework.objects.get(organisation=school)
    assert response.status_code == 302
    assert framework.rubrics == ["Aanbod", "Begeleiding"]
    assert framework.levels == ["laag", "hoog"]
    assert list(framework.expectations.values_list("code", flat=True)) == ["A1", "A2"]


def test_a_duplicate_code_is_refused_in_dutch_and_nothing_is_written(school, leader, login):
    url = reverse("development:framework_import", kwargs={"slug": school.slug})
    upload = _xlsx([("A1", "Taal", "", "Aanbod"), ("a1", "Zorg", "", "Aanbod")])
    response = login(leader).post(url, {"name": "Ons kader", "file": upload})
    assert response.status_code == 200
    assert "De code a1 staat twee keer in het bestand (rij 2 en 3)." in response.content.decode()
    assert not QualityFramework.objects.filter(organisation=school).exists()


def test_a_file_that_is_no_spreadsheet_is_refused(school, leader, login):
    url = reverse("development:framework_import", kwargs={"slug": school.slug})
    upload = SimpleUploadedFile("kader.xlsx", b"geen spreadsheet")
    response = login(leader).post(url, {"name": "Ons kader", "file": upload})
    assert "geen rekenblad (.xlsx)" in response.content.decode()
    assert not QualityFramework.objects.filter(organisation=school).exists()


def test_the_export_is_formula_safe_and_reimports(school, leader, login):
    framework = QualityFramework.objects.create(
        organisation=school, name="Eigen", rubrics=["R"], levels=["een"]
    )
    QualityExpectation.objects.create(
        framework=framework, code="X1", title="=HYPERLINK(1)", rubric="R"
    )
    response = login(leader).get(
        reverse("development:framework_xlsx", kwargs={"slug": school.slug, "pk": framework.pk})
    )
    sheet = load_workbook(BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]] == ["X1", "'=HYPERLINK(1)", None, "R"]


def test_staff_cannot_import(school, staff_member, login):
    url = reverse("development:framework_import", kwargs={"slug": school.slug})
    assert login(staff_member).get(url).status_code in (403, 404)


def test_a_goal_links_expectations_and_the_plan_names_core_tasks_without_goal(
    school, leader, login
):
    talents = core_task_add(organisation=school, name="Talenten ontwikkelen", actor=leader.user)
    core_task_add(organisation=school, name="Leerlingen kwalificeren", actor=leader.user)
    k1 = QualityExpectation.objects.get(code="K1", framework__organisation=None)
    client = login(leader)
    deadline = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    client.post(
        reverse("development:goal_create", kwargs={"slug": school.slug}),
        {
            "title": "Talent in beeld",
            "description": "Elke klas maakt een talentenkaart.",
            "deadline": deadline,
            "expectations": [k1.pk],
            "core_tasks": [talents.pk],
        },
    )
    goal = Goal.objects.get()
    assert list(goal.expectations.all()) == [k1] and list(goal.core_tasks.all()) == [talents]
    page = client.get(reverse("development:plan", kwargs={"slug": school.slug})).content.decode()
    assert "<strong>K1</strong>" in page
    assert "</span>Talenten ontwikkelen</li>" in page  # on the goal
    without = page.split('id="tasks-without-goal"')[1].split("</p>")[0]
    assert "Leerlingen kwalificeren" in without and "Talenten ontwikkelen" not in without


def test_a_core_task_of_another_school_cannot_tag_a_goal(school, leader, outsider, login):
    elsewhere = CoreTask.objects.create(organisation=outsider.organisation, name="Elders")
    deadline = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    response = login(leader).post(
        reverse("development:goal_create", kwargs={"slug": school.slug}),
        {"title": "T", "description": "D", "deadline": deadline, "core_tasks": [elsewhere.pk]},
    )
    assert response.status_code == 200
    assert not Goal.objects.exists()


@pytest.mark.parametrize("name", ["", "Talenten ontwikkelen"])
def test_core_tasks_need_a_new_name(school, leader, login, name):
    core_task_add(organisation=school, name="Talenten ontwikkelen", actor=leader.user)
    url = reverse("development:core_tasks", kwargs={"slug": school.slug})
    response = login(leader).post(url, {"name": name})
    assert response.status_code == 200
    assert CoreTask.objects.count() == 1
