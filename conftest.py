"""The fixture chain every test builds on: a school with a team and three personas
(leader, staff member, outsider from another school)."""

import pytest
from django.core.cache import cache

from accounts.tests.factories import PASSWORD
from organisations.models import Membership
from organisations.tests.factories import (
    MembershipFactory,
    SchoolFactory,
    TeamFactory,
    TeamMembershipFactory,
)


@pytest.fixture(autouse=True)
def _plain_static_and_dutch(settings, tmp_path_factory):
    # Uploads of a test run go to its temporary folder, not to the project's media/.
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.LANGUAGE_CODE = "nl-be"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.AXES_ENABLED = False
    # Administrators' second login step is switched on by the tests of two-step login.
    settings.TWO_STEP_REQUIRED_FOR_ADMINISTRATORS = False
    settings.TWO_STEP_REQUIRED_FOR_LEADERS = False
    settings.SOCIALACCOUNT_PROVIDERS = {}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # Every test starts with an empty cache, as each starts with an empty database.
    cache.clear()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def school(db):
    return SchoolFactory(name="Basisschool De Linde", slug="de-linde")


@pytest.fixture
def team(school):
    return TeamFactory(organisation=school, name="Kleuterbouw")


@pytest.fixture
def leader(school):
    return MembershipFactory(organisation=school, role=Membership.Role.LEADER, function="directeur")


@pytest.fixture
def staff_member(team):
    return TeamMembershipFactory(team=team, is_home=True).membership


@pytest.fixture
def outsider(db):
    """A leader of another school in another community."""
    return MembershipFactory(
        organisation=SchoolFactory(name="Andere School", slug="andere-school"),
        role=Membership.Role.LEADER,
    )


@pytest.fixture
def login(client):
    def _login(membership_or_user):
        user = getattr(membership_or_user, "user", membership_or_user)
        client.force_login(user)
        return client

    return _login
