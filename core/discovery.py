"""Find Leerkring's own apps and the optional modules they contribute (navigation, demo,
bench pages, isolation cases)."""

import importlib
from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings


def project_apps() -> list[AppConfig]:
    """Leerkring's own apps, in INSTALLED_APPS order (not Django's or third-party apps)."""
    base = Path(settings.BASE_DIR)
    found = []
    for app in apps.get_app_configs():
        path = Path(app.path)
        if path.is_relative_to(base) and ".venv" not in path.relative_to(base).parts:
            found.append(app)
    return found


def app_modules(submodule: str) -> list:
    """Import `<app>.<submodule>` for every project app that has it."""
    modules = []
    for app in project_apps():
        name = f"{app.name}.{submodule}"
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as error:
            # Only a missing module is fine; a broken import inside it must surface.
            if error.name is None or not name.startswith(error.name):
                raise
    return modules
