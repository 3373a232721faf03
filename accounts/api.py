"""API authentication (personal tokens and the browser session) and the /me endpoint."""

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer, SessionAuth

from organisations.access import user_memberships
from organisations.models import Membership, Organisation

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


class MembershipOrganisationOut(Schema):
    id: int
    slug: str
    name: str
    kind: Organisation.Kind


class MembershipOut(Schema):
    organisation: MembershipOrganisationOut
    role: Membership.Role
    role_display: str
    function: str


class MeOut(Schema):
    id: int
    email: str
    first_name: str
    last_name: str
    full_name: str
    language: str
    memberships: list[MembershipOut]


router = Router(tags=["me"])


@router.get("/me", response={200: MeOut, 401: ErrorOut}, url_name="me")
def me(request):
    """The signed-in user and their active memberships, each with its role."""
    user = request.auth
    return {
        "id": user.pk,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "full_name": user.get_full_name(),
        "language": user.language,
        "memberships": [
            {
                "organisation": m.organisation,
                "role": m.role,
                "role_display": m.get_role_display(),
                "function": m.function,
            }
            for m in user_memberships(user)
        ],
    }
