"""A school community's frameworks: its leaders and administrators import and export them on
the community's pages; the schools of the community use them next to their own."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from competences.models import Framework, Rating
from organisations.models import Membership
from organisations.tests.factories import CommunityFactory, MembershipFactory, SchoolFactory

pytestmark = pytest.mark.django_db

HEADER = ["Code", "Competentie", "Beschrijving", "N1", "N2", "N3", "N4"]
ROWS = [
    ["TAAL", "Taalbeleid", "Werkt aan taal", "t1", "t2", "t3", "t4"],
    ["ZORG", "Zorgbeleid", "", "z1", "z2", "z3", "z4"],
]


def _xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    output = BytesIO()
    book.save(output)
    return SimpleUploadedFile("kader.xlsx", output.getvalue())


def _url(name, owner, **kwargs):
    return reverse(f"competences:{name}", kwargs={"slug": owner.slug, **kwargs})


@pytest.fixture
def community(school):
    return school.parent


@pytest.fixture
def community_leader(community):
    return MembershipFactory(organisation=community, role=Membership.Role.LEADER)


@pytest.fixture
def community_framework(community, community_leader, client):
    client.force_login(community_leader.user)
    client.post(
        _url("community_import", community), {"name": "Kader SG", "file": _xlsx([HEADER, *ROWS])}
    )
    client.logout()
    return Framework.objects.get(organisation=community)


def test_a_community_leader_imports_a_framework_into_the_community(
    login, community, community_leader
):
    client = login(community_leader)
    response = client.post(
        _url("community_import", community), {"name": "Kader SG", "file": _xlsx([HEADER, *ROWS])}
    )
    framework = Framework.objects.get(name="Kader SG")
    assert framework.organisation == community
    assert response.url == _url("community_framework", community, fw=framework.pk)
    assert framework.competences.get(code="ZORG").level_3 == "z3"
    html = client.get(_url("community", community)).content.decode()
    assert "Kader SG" in html and "Competentiekaders van de scholengemeenschap" in html
    page = client.get(response.url).content.decode()
    assert "Zorgbeleid" in page and "z4" in page


def test_an_administrator_of_the_community_imports_too(login, community):
    admin = MembershipFactory(organisation=community, role=Membership.Role.ADMIN)
    response = login(admin).post(
        _url("community_import", community), {"name": "Kader", "file": _xlsx([HEADER, *ROWS])}
    )
    assert response.status_code == 302
    assert Framework.objects.filter(organisation=community).count() == 1


def test_a_bad_file_is_refused_in_dutch_and_nothing_is_written(login, community, community_leader):
    rows = [HEADER, ["TAAL", "Taal", "", "a", "", "c", "d"]]
    response = login(community_leader).post(
        _url("community_import", community), {"name": "Kader", "file": _xlsx(rows)}
    )
    assert "Rij 2 (Taal): de tekst van niveau 2 ontbreekt." in response.content.decode()
    assert not Framework.objects.exists()


def test_a_second_framework_with_the_same_name_is_refused(
    login, community, community_leader, community_framework
):
    response = login(community_leader).post(
        _url("community_import", community), {"name": "kader sg", "file": _xlsx([HEADER, *ROWS])}
    )
    assert "De scholengemeenschap heeft al een kader met deze naam." in response.content.decode()
    assert Framework.objects.count() == 1


def test_the_community_framework_exports(login, community, community_leader, community_framework):
    response = login(community_leader).get(
        _url("community_export", community, fw=community_framework.pk)
    )
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][:2] == ("TAAL", "Taalbeleid") and len(rows) == 3


def test_community_staff_may_not_open_or_import(login, community):
    member = MembershipFactory(organisation=community, role=Membership.Role.STAFF)
    client = login(member)
    assert client.get(_url("community", community)).status_code == 403
    response = client.post(
        _url("community_import", community), {"name": "Kader", "file": _xlsx([HEADER, *ROWS])}
    )
    assert response.status_code == 403
    assert not Framework.objects.exists()


def test_a_school_leader_cannot_change_the_community_framework(
    login, community, leader, staff_member, community_framework
):
    for who in (leader, staff_member):
        client = login(who)
        assert client.get(_url("community", community)).status_code == 404
        response = client.post(
            _url("community_import", community), {"name": "Ander", "file": _xlsx([HEADER, *ROWS])}
        )
        assert response.status_code == 404
        url = _url("community_framework", community, fw=community_framework.pk)
        assert client.get(url).status_code == 404
    assert Framework.objects.filter(organisation=community).count() == 1
    # Importing on the school's page makes a framework of the school, not of the community.
    login(leader).post(
        _url("import", leader.organisation), {"name": "Ander", "file": _xlsx([HEADER, *ROWS])}
    )
    assert Framework.objects.get(name="Ander").organisation == leader.organisation


def test_another_community_sees_nothing(login, community_framework):
    other = CommunityFactory(name="SG Zuid", slug="sg-zuid")
    other_leader = MembershipFactory(organisation=other, role=Membership.Role.LEADER)
    client = login(other_leader)
    assert (
        client.get(_url("community_framework", other, fw=community_framework.pk)).status_code == 404
    )
    assert client.get(_url("community_export", other, fw=community_framework.pk)).status_code == 404
    other_school = SchoolFactory(parent=other)
    url = _url("framework", other_school, fw=community_framework.pk)
    assert client.get(url).status_code == 404
    assert "Kader SG" not in client.get(_url("community", other)).content.decode()


def test_a_school_without_its_own_framework_uses_the_community_one(
    login, school, staff_member, community_framework
):
    client = login(staff_member)
    response = client.get(_url("index", school))
    assert response.url == _url("framework", school, fw=community_framework.pk)
    assert not Framework.objects.filter(organisation=school).exists()
    html = client.get(response.url).content.decode()
    assert "Taalbeleid" in html and "alleen de scholengemeenschap" in html


def test_a_school_chooses_between_its_own_and_the_community_framework(
    login, school, team, staff_member, leader, framework, community_framework
):
    client = login(staff_member)
    assert client.get(_url("index", school)).url == _url("framework", school, fw=framework.pk)
    html = client.get(_url("framework", school, fw=framework.pk)).content.decode()
    assert _url("framework", school, fw=community_framework.pk) in html
    assert "Kader SG" in html
    # The team matrix and the ratings then use the community's framework.
    matrix = client.get(_url("team_matrix", school, fw=community_framework.pk, pk=team.pk))
    assert matrix.status_code == 200 and "Taalbeleid" in matrix.content.decode()
    competence = community_framework.competences.get(code="TAAL")
    response = client.post(
        _url("mine", school, fw=community_framework.pk), {f"self_{competence.pk}": "3"}
    )
    assert response.status_code == 302
    rating = Rating.objects.get(membership=staff_member)
    assert rating.competence == competence and rating.level == 3


def test_the_community_navigation_links_to_its_frameworks(login, community, community_leader):
    html = login(community_leader).get(
        reverse("organisations:overview", kwargs={"slug": community.slug})
    )
    assert _url("community", community) in html.content.decode()
