"""The JSON API at /api/v1/, with its OpenAPI document at /api/v1/openapi.json."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Leerkring API",
    version="1",
    urls_namespace="api",
    docs_url=None,
)
