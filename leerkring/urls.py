from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from .api import api

# The admin's own login form would skip the second step: it sends people to Leerkring's.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", include("dashboard.urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("accounts.urls_allauth")),
    path("o/<slug:slug>/", include("organisations.urls")),
    path("installation/", include("organisations.site_urls")),
    # These apps define their full paths: some are tenant pages under /o/<slug>/, some are
    # public (token links, the course catalogue).
    path("", include("surveys.urls")),
    path("", include("communities.urls")),
    path("", include("networks.urls")),
    path("", include("teams.urls")),
    path("", include("competences.urls")),
    path("", include("valuestreams.urls")),
    path("", include("development.urls")),
    path("", include("vision.urls")),
    path("", include("growth.urls")),
    path("", include("consultation.urls")),
    path("", include("privacy.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
