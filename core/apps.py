from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Leerkring")

    def ready(self):
        from .converters import IdConverter

        # Before any URLconf is read: the apps' urls.py use `<id:pk>` for row ids.
        register_converter(IdConverter, "id")
