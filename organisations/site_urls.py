"""Pages of the installation as a whole, outside any organisation: for its administrator."""

from django.urls import path

from .views import admin

app_name = "installation"

urlpatterns = [
    path("organisations/new/", admin.organisation_create, name="organisation_create"),
]
