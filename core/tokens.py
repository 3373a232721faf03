"""Token links: a public page addressed by a random token instead of an account (a survey
invitation, a survey's open link, a vision stakeholder group's link).

What every such link shares lives here: how its token is made and how the page finds its
row, an unknown token being a 404. Rate limits are `core.ratelimit`, keyed on the token.
When a link stops working differs per kind and stays with it: a survey's open link is a row
that is closed (its page answers 410) and replaced by a new token when it is renewed; an
invitation stops with its round; a vision group keeps its one token for the whole process
and its pages follow the process's phase.
"""

import secrets

from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

# 32 random bytes give 43 URL-safe characters: beyond guessing, and within the 64 characters
# of every token column.
TOKEN_BYTES = 32


def new_token(nbytes: int = TOKEN_BYTES) -> str:
    """A fresh random token for a link, URL-safe."""
    return secrets.token_urlsafe(nbytes)


def get_by_token(queryset: QuerySet, token: str) -> Model:
    """The row of `queryset` whose `token` is this one, with what the queryset loads along;
    404 for an unknown token."""
    return get_object_or_404(queryset, token=token)
