"""The JSON API at /api/v1/, with its OpenAPI document at /api/v1/openapi.json.

Each app contributes a router; this module joins them and sets the authentication that
every endpoint requires: a personal API token or the browser's session.
"""

from functools import partial

from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from accounts.api import api_auth, authentication_error
from core.api import validation_error
from organisations.api import router as organisations_router

api = NinjaAPI(
    title="Leerkring API",
    version="1",
    description=(
        "Read access to your organisations, schools, teams and people, scoped exactly like "
        "the web pages. Authenticate with a personal token from /accounts/tokens/ as "
        "`Authorization: Bearer lk_…`."
    ),
    urls_namespace="api",
    docs_url="/docs",
    auth=api_auth,
)

api.add_router("", organisations_router)
api.add_exception_handler(AuthenticationError, partial(authentication_error, api))
api.add_exception_handler(ValidationError, partial(validation_error, api))
