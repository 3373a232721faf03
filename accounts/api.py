"""API authentication: personal tokens and the browser session."""

from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from .services import api_token_authenticate


class InvalidTokenError(AuthenticationError):
    """A bearer token was sent but matches no active token: refuse it outright instead of
    falling back to the session, so a revoked token never works by accident."""


class ApiTokenAuth(HttpBearer):
    """`Authorization: Bearer lk_…` with a personal token created on /accounts/tokens/."""

    def authenticate(self, request, token):
        user = api_token_authenticate(token.strip())
        if user is None:
            raise InvalidTokenError
        return user


# Tokens first: a script's explicit token wins over any session cookie it may also carry.
# The session is for the signed-in browser; ninja checks its CSRF token on unsafe methods.
api_auth = [ApiTokenAuth(), SessionAuth()]


def authentication_error(api, request, exc):
    """401 with a message that says what to do; a `WWW-Authenticate` header as RFC 6750 asks."""
    if isinstance(exc, InvalidTokenError):
        message = _("This API token is invalid or has been revoked.")
        challenge = 'Bearer error="invalid_token"'
    else:
        message = _(
            "Authentication required: send a personal API token as "
            "'Authorization: Bearer lk_…' or sign in."
        )
        challenge = "Bearer"
    response = api.create_response(request, {"detail": message}, status=401)
    response["WWW-Authenticate"] = challenge
    return response


class ErrorOut(Schema):
    detail: str
