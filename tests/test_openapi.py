"""The API's OpenAPI document: valid JSON, OpenAPI 3.x, and it lists every endpoint."""

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver

from leerkring.api import api

OPENAPI_URL = "/api/v1/openapi.json"
EXPECTED_PATHS = {
    "/api/v1/me",
    "/api/v1/organisations",
    "/api/v1/schools",
    "/api/v1/organisations/{slug}",
    "/api/v1/organisations/{slug}/teams",
    "/api/v1/organisations/{slug}/teams/{team_id}",
    "/api/v1/organisations/{slug}/people",
    "/api/v1/organisations/{slug}/people/{person_id}",
}
# Ninja's own URLs, which are not endpoints of the API.
NINJA_URL_NAMES = {"openapi-json", "openapi-view", "api-root"}


@pytest.fixture
def document(client, db):
    response = client.get(OPENAPI_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def _api_url_names():
    resolver = next(
        p
        for p in get_resolver().url_patterns
        if isinstance(p, URLResolver) and p.namespace == "api"
    )
    return {p.name for p in resolver.url_patterns} - NINJA_URL_NAMES


def test_it_is_an_openapi_3_document(document):
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "Leerkring API"
    assert document["info"]["version"] == "1"


def test_it_lists_every_endpoint(document):
    assert set(document["paths"]) == EXPECTED_PATHS
    operations = [op for path in document["paths"].values() for op in path.values()]
    # Every URL the API serves is documented, so a new endpoint cannot be left out.
    assert len(operations) == len(_api_url_names())
    assert len({op["operationId"] for op in operations}) == len(operations)


def test_every_endpoint_asks_for_a_token_or_the_session(document):
    schemes = document["components"]["securitySchemes"]
    assert schemes["ApiTokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["SessionAuth"]["in"] == "cookie"
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation["security"] == [{"ApiTokenAuth": []}, {"SessionAuth": []}], path
            assert method == "get", path
            assert "401" in operation["responses"], path


def test_lists_are_paginated_at_most_50(document):
    for path in ("/api/v1/organisations/{slug}/teams", "/api/v1/organisations/{slug}/people"):
        parameters = {p["name"]: p for p in document["paths"][path]["get"]["parameters"]}
        assert parameters["limit"]["schema"]["default"] == 50
        assert "offset" in parameters
        assert "404" in document["paths"][path]["get"]["responses"]
    people = document["paths"]["/api/v1/organisations/{slug}/people"]["get"]["parameters"]
    assert "q" in {p["name"] for p in people}


def test_the_document_passes_the_openapi_validator(document):
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(document)


def test_interactive_docs_are_only_served_with_local_assets(client, db):
    # Without the ninja app installed, ninja's docs page loads Swagger from a CDN with an
    # inline script, which our Content-Security-Policy (script-src 'self') blocks.
    if api.docs_url:
        assert "ninja" in settings.INSTALLED_APPS
    else:
        assert client.get("/api/v1/docs").status_code == 404
