"""Two-step login: who must use it, setting it up, and logging in with a code."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from accounts.tests.factories import PASSWORD, UserFactory
from accounts.two_step import two_step_required
from organisations.models import Membership
from organisations.tests.factories import MembershipFactory

LOGIN_URL = "/accounts/login/"
ACTIVATE_URL = "/accounts/2fa/totp/activate/"
AUTHENTICATE_URL = "/accounts/2fa/authenticate/"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret=SECRET, offset=0):
    """The code an authenticator app shows now, computed as allauth checks it."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


@pytest.fixture
def required(settings):
    settings.TWO_STEP_REQUIRED_FOR_ADMINISTRATORS = True


@pytest.fixture
def administrator(school):
    return MembershipFactory(organisation=school, role=Membership.Role.ADMIN).user


@pytest.fixture
def with_totp(staff_member):
    user = staff_member.user
    TOTP.activate(user, SECRET)
    RecoveryCodes.activate(user)
    return user


def log_in(client, user, password=PASSWORD, **extra):
    return client.post(LOGIN_URL, {"username": user.email, "password": password, **extra})


class TestWhoMustUseIt:
    def test_superusers_and_organisation_administrators_must(self, required, administrator, db):
        assert two_step_required(administrator)
        assert two_step_required(UserFactory(is_superuser=True))

    def test_leaders_and_staff_need_not_by_default(self, required, leader, staff_member):
        assert not two_step_required(leader.user)
        assert not two_step_required(staff_member.user)

    def test_a_deployment_can_require_it_of_leaders(self, settings, leader, staff_member):
        settings.TWO_STEP_REQUIRED_FOR_LEADERS = True
        assert two_step_required(leader.user)
        assert not two_step_required(staff_member.user)

    def test_an_inactive_administrator_membership_does_not_count(self, required, school):
        membership = MembershipFactory(
            organisation=school, role=Membership.Role.ADMIN, is_active=False
        )
        assert not two_step_required(membership.user)


class TestSettingItUp:
    def test_the_profile_offers_it_to_everyone(self, client, staff_member):
        client.force_login(staff_member.user)
        response = client.get("/accounts/profile/")
        assert "Aanmelden in twee stappen" in response.text
        assert 'href="/accounts/2fa/"' in response.text

    def test_an_administrator_without_it_is_sent_to_set_it_up_first(
        self, client, required, administrator
    ):
        response = log_in(client, administrator)
        assert response.status_code == 302
        for page in (
            "/",
            "/accounts/profile/",
            f"/o/{administrator.memberships.get().organisation.slug}/",
        ):
            response = client.get(page)
            assert response.status_code == 302
            assert response["Location"] == ACTIVATE_URL

        response = client.get(ACTIVATE_URL)
        assert response.status_code == 200
        assert "Activeer authenticator-app" in response.text

    def test_a_wrong_code_says_so_and_sets_up_nothing(self, client, required, administrator):
        log_in(client, administrator)
        client.get(ACTIVATE_URL)

        response = client.post(ACTIVATE_URL, {"code": "000000"})

        assert response.status_code == 200
        assert "Ongeldige code." in response.text
        assert not Authenticator.objects.filter(user=administrator).exists()

    def test_the_right_code_sets_it_up_with_recovery_codes(self, client, required, administrator):
        log_in(client, administrator)
        secret = client.get(ACTIVATE_URL).context["form"].secret

        response = client.post(ACTIVATE_URL, {"code": totp_code(secret)})

        assert response["Location"] == "/accounts/2fa/recovery-codes/"
        types = set(Authenticator.objects.filter(user=administrator).values_list("type", flat=True))
        assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
        assert client.get("/").status_code == 200

    def test_an_administrator_cannot_switch_it_off(self, client, required, administrator):
        TOTP.activate(administrator, SECRET)
        log_in(client, administrator)
        client.post(AUTHENTICATE_URL, {"code": totp_code()})

        response = client.post("/accounts/2fa/totp/deactivate/")

        assert "aanmelden in twee stappen verplicht" in response.text
        assert Authenticator.objects.filter(user=administrator, type="totp").exists()

    def test_a_staff_member_may_switch_it_off(self, client, with_totp):
        log_in(client, with_totp)
        client.post(AUTHENTICATE_URL, {"code": totp_code()})

        client.post("/accounts/2fa/totp/deactivate/")

        assert not Authenticator.objects.filter(user=with_totp, type="totp").exists()


class TestLoggingInWithIt:
    def test_the_password_alone_does_not_log_in(self, client, with_totp):
        response = log_in(client, with_totp)
        assert response["Location"] == AUTHENTICATE_URL
        assert not client.get("/").wsgi_request.user.is_authenticated

    def test_a_wrong_code_says_so_and_does_not_log_in(self, client, with_totp):
        log_in(client, with_totp)
        page = client.get(AUTHENTICATE_URL)
        assert "Twee-factor-authenticatie" in page.text

        response = client.post(AUTHENTICATE_URL, {"code": "123456"})

        assert response.status_code == 200
        assert "Ongeldige code." in response.text
        assert not response.wsgi_request.user.is_authenticated

    def test_the_right_code_logs_in_and_follows_next(self, client, with_totp):
        log_in(client, with_totp, next="/accounts/profile/")

        response = client.post(AUTHENTICATE_URL, {"code": totp_code()})

        assert response["Location"] == "/accounts/profile/"
        assert client.get("/accounts/profile/").wsgi_request.user == with_totp

    def test_a_code_is_accepted_only_once(self, client, with_totp):
        code = totp_code()
        log_in(client, with_totp)
        client.post(AUTHENTICATE_URL, {"code": code})
        client.post("/accounts/logout/")

        log_in(client, with_totp)
        response = client.post(AUTHENTICATE_URL, {"code": code})

        assert not response.wsgi_request.user.is_authenticated

    def test_a_recovery_code_logs_in(self, client, with_totp):
        recovery = RecoveryCodes(Authenticator.objects.get(user=with_totp, type="recovery_codes"))
        log_in(client, with_totp)

        response = client.post(AUTHENTICATE_URL, {"code": recovery.get_unused_codes()[0]})

        assert response.status_code == 302
        assert client.get("/").wsgi_request.user == with_totp


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/2fa/",
        ACTIVATE_URL,
        "/accounts/2fa/recovery-codes/",
        "/accounts/2fa/recovery-codes/download/",
        "/accounts/2fa/totp/deactivate/",
    ],
)
def test_anonymous_visitors_are_sent_to_the_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_the_second_step_without_a_started_login_goes_back_to_the_login(client, db):
    response = client.post(AUTHENTICATE_URL, {"code": "123456"})
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_the_admin_login_sends_people_to_leerkrings_login(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    response = client.post("/admin/login/", {"username": "x@y.be", "password": PASSWORD})
    assert response["Location"].startswith(LOGIN_URL)
