"""URLs for the error-page tests: each view fails in one way; the site's own URLs follow so
that the error pages can link to them."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from leerkring.urls import urlpatterns as site_urlpatterns


def denied(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("a test of the 400 page")


def missing(request):
    raise Http404


def broken(request):
    raise RuntimeError("a test of the 500 page")


@require_POST
def form(request):
    return HttpResponse("ok")


urlpatterns = [
    path("errors/denied/", denied),
    path("errors/suspicious/", suspicious),
    path("errors/missing/", missing),
    path("errors/broken/", broken),
    path("errors/form/", form),
    *site_urlpatterns,
]
