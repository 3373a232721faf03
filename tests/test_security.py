"""Production settings, headers and login throttling."""

import os
import secrets
import subprocess
import sys

from django.conf import settings
from django.urls import reverse

from accounts.tests.factories import PASSWORD, UserFactory


def test_production_settings_pass_the_deployment_check():
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "leerkring.example",
    }
    env.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_ENV": "production"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_passwords_are_hashed_with_argon2():
    # The test suite swaps in a fast hasher; the project's own settings module decides.
    from leerkring import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_pages_send_a_content_security_policy(client, db):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_login_is_throttled_after_repeated_failures(client, db, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    user = UserFactory(email="griet@school.test")
    for _attempt in range(3):
        client.post(reverse("accounts:login"), {"username": user.email, "password": "fout"})
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_with_the_right_password_lands_on_the_dashboard(client, db):
    user = UserFactory(email="jan@school.test")
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_wrong_password_gets_a_dutch_message(client, db):
    user = UserFactory(email="an@school.test")
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": "x"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
