"""With DEBUG off (as in `make demo` and production) WhiteNoise serves the collected files."""

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client


def test_a_collected_static_file_is_served_with_debug_off(settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "static"
    # The manifest storage the compressing one in settings builds on: the same hashed names,
    # without a minute spent compressing every admin file.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    url = staticfiles_storage.url("css/leerkring.css")
    assert "leerkring." in url and url != "/static/css/leerkring.css"

    # A new client builds the middleware anew, so WhiteNoise reads the new STATIC_ROOT.
    response = Client().get(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    # A hashed name never changes content, so browsers may keep it for good.
    assert "immutable" in response["Cache-Control"]
    assert b"".join(response.streaming_content)


def test_an_unknown_static_file_is_not_found(settings, tmp_path):
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", "--noinput", verbosity=0)

    assert Client().get("/static/css/does-not-exist.css").status_code == 404
