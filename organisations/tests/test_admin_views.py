"""Adding schools (by a school community's managers) and communities and providers (by the
installation's administrator) from the site."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from organisations.models import Membership, Organisation
from organisations.tests.factories import (
    CommunityFactory,
    MembershipFactory,
    ProviderFactory,
    SchoolFactory,
    UserFactory,
)


@pytest.fixture
def community(db):
    return CommunityFactory(name="Scholengroep Leie", slug="sg-leie")


@pytest.fixture
def community_admin(community):
    return MembershipFactory(organisation=community, role=Membership.Role.ADMIN)


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


def school_url(community):
    return reverse("organisations:school_create", kwargs={"slug": community.slug})


SCHOOL = {
    "name": "Basisschool De Wilg",
    "city": "Kortrijk",
    "institution_number": "123456",
    "leader_email": "Directie@DeWilg.test",
}


def test_community_admin_adds_a_school_with_its_leader(login, community, community_admin):
    response = login(community_admin).post(school_url(community), SCHOOL)
    assert response.status_code == 302
    school = Organisation.objects.get(name="Basisschool De Wilg")
    assert (school.kind, school.parent, school.city) == ("school", community, "Kortrijk")
    assert school.institution_number == "123456"
    assert school.slug == "basisschool-de-wilg"
    leader = Membership.objects.get(organisation=school)
    assert leader.role == Membership.Role.LEADER
    assert leader.user.email == "directie@dewilg.test"
    assert not leader.user.has_usable_password()
    # The new leader is invited to choose a password, by a link that works.
    [invitation] = mail.outbox
    assert invitation.to == ["directie@dewilg.test"]
    link = next(word for word in invitation.body.split() if "/accounts/" in word)
    assert login(community_admin).get(link, follow=True).status_code == 200


def test_an_existing_account_becomes_the_leader(login, community, community_admin):
    person = UserFactory(email="directie@dewilg.test")
    login(community_admin).post(school_url(community), SCHOOL)
    school = Organisation.objects.get(name="Basisschool De Wilg")
    assert school.memberships.get().user == person
    assert User.objects.filter(email__iexact="directie@dewilg.test").count() == 1


def test_the_new_school_is_managed_by_the_community(login, community, community_admin):
    client = login(community_admin)
    client.post(school_url(community), SCHOOL)
    school = Organisation.objects.get(name="Basisschool De Wilg")
    overview = client.get(reverse("organisations:overview", kwargs={"slug": community.slug}))
    assert "Basisschool De Wilg" in overview.content.decode()
    team_create = reverse("organisations:team_create", kwargs={"slug": school.slug})
    assert client.get(team_create).status_code == 200


def test_a_taken_short_name_gets_a_number(login, community, community_admin):
    SchoolFactory(slug="basisschool-de-wilg")
    login(community_admin).post(school_url(community), SCHOOL)
    assert Organisation.objects.get(name="Basisschool De Wilg").slug == "basisschool-de-wilg-2"


def test_community_page_offers_adding_a_school_to_its_managers(login, community, community_admin):
    overview = reverse("organisations:overview", kwargs={"slug": community.slug})
    content = login(community_admin).get(overview).content.decode()
    assert school_url(community) in content


def test_community_page_says_who_adds_schools(login, community):
    staff = MembershipFactory(organisation=community, role=Membership.Role.STAFF)
    overview = reverse("organisations:overview", kwargs={"slug": community.slug})
    content = login(staff).get(overview).content.decode()
    assert school_url(community) not in content
    assert "De beheerders en directeurs van deze scholengemeenschap voegen" in content


def test_a_community_staff_member_cannot_add_a_school(login, community):
    staff = MembershipFactory(organisation=community, role=Membership.Role.STAFF)
    assert login(staff).post(school_url(community), SCHOOL).status_code == 403
    assert not Organisation.objects.filter(name="Basisschool De Wilg").exists()


def test_a_teacher_cannot_add_a_school(login, community):
    school = SchoolFactory(parent=community)
    teacher = MembershipFactory(organisation=school, role=Membership.Role.STAFF)
    assert login(teacher).post(school_url(community), SCHOOL).status_code == 404
    assert not Organisation.objects.filter(name="Basisschool De Wilg").exists()


def test_a_school_leader_cannot_add_a_school(login, community):
    school = SchoolFactory(parent=community)
    leader = MembershipFactory(organisation=school, role=Membership.Role.LEADER)
    client = login(leader)
    assert client.post(school_url(community), SCHOOL).status_code == 404
    # Not even a school "under" their own school: schools add no schools.
    assert client.post(school_url(school), SCHOOL).status_code == 404
    assert not Organisation.objects.filter(name="Basisschool De Wilg").exists()


def test_a_community_admin_cannot_add_to_another_community(login, community_admin):
    other = CommunityFactory(slug="sg-ander")
    assert login(community_admin).post(school_url(other), SCHOOL).status_code == 404
    assert not Organisation.objects.filter(name="Basisschool De Wilg").exists()


def test_a_provider_admin_cannot_add_a_school(login, db):
    provider_admin = MembershipFactory(organisation=ProviderFactory(), role=Membership.Role.ADMIN)
    url = school_url(provider_admin.organisation)
    assert login(provider_admin).post(url, SCHOOL).status_code == 404


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("institution_number", "12AB34", "Een instellingsnummer bestaat enkel uit cijfers."),
        ("institution_number", "", "Dit veld is verplicht."),
        ("leader_email", "geen-adres", "Voer een geldig e-mailadres in."),
        ("name", "", "Dit veld is verplicht."),
    ],
)
def test_school_form_explains_its_errors_in_dutch(
    login, community, community_admin, field, value, message
):
    response = login(community_admin).post(school_url(community), {**SCHOOL, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.filter(kind="school").exists()


def test_an_institution_number_belongs_to_one_school(login, community, community_admin):
    SchoolFactory(institution_number="123456")
    response = login(community_admin).post(school_url(community), SCHOOL)
    assert response.status_code == 200
    assert "Er bestaat al een school met dit instellingsnummer." in response.content.decode()


# The installation's administrator ------------------------------------------------------------

ORGANISATION_URL = "/installation/organisations/new/"


def test_installation_url():
    assert reverse("installation:organisation_create") == ORGANISATION_URL


def test_superuser_adds_a_community_with_its_administrator(login, superuser):
    data = {"kind": "community", "name": "Scholengroep Schelde", "city": "Gent"}
    response = login(superuser).post(ORGANISATION_URL, {**data, "admin_email": "beheer@sgs.test"})
    assert response.status_code == 302
    community = Organisation.objects.get(name="Scholengroep Schelde")
    assert community.kind == "community" and community.parent is None
    admin = community.memberships.get()
    assert (admin.role, admin.user.email) == ("admin", "beheer@sgs.test")


def test_superuser_adds_a_provider_without_administrator(login, superuser):
    data = {"kind": "provider", "name": "Pedagogische Begeleiding", "city": "", "admin_email": ""}
    assert login(superuser).post(ORGANISATION_URL, data).status_code == 302
    provider = Organisation.objects.get(name="Pedagogische Begeleiding")
    assert provider.kind == "provider"
    assert not provider.memberships.exists()


def test_superuser_cannot_add_a_school_without_community(login, superuser):
    data = {"kind": "school", "name": "Losse School", "city": "Gent"}
    response = login(superuser).post(ORGANISATION_URL, data)
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Losse School").exists()


def test_organisation_page_lists_communities_and_providers(login, superuser, community):
    SchoolFactory(parent=community)
    content = login(superuser).get(ORGANISATION_URL).content.decode()
    assert "Scholengroep Leie" in content
    assert "Alleen de beheerder van deze installatie" in content


def test_dashboard_links_to_it_for_superusers_only(login, superuser, leader):
    assert ORGANISATION_URL in login(superuser).get("/").content.decode()
    assert ORGANISATION_URL not in login(leader).get("/").content.decode()


def test_members_cannot_add_organisations(login, community_admin):
    data = {"kind": "community", "name": "Eigen Groep"}
    assert login(community_admin).post(ORGANISATION_URL, data).status_code == 403
    assert not Organisation.objects.filter(name="Eigen Groep").exists()


def test_school_overview_shows_its_institution_number(login, community, community_admin):
    client = login(community_admin)
    client.post(school_url(community), SCHOOL)
    school = Organisation.objects.get(name="Basisschool De Wilg")
    overview = client.get(reverse("organisations:overview", kwargs={"slug": school.slug}))
    assert "instellingsnummer 123456" in overview.content.decode()
