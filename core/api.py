"""Error responses shared by every router of the JSON API."""

from django.utils.translation import gettext_lazy as _

WHOLE_NUMBER = _("“%(field)s” must be a whole number.")
# Pydantic's error types, each with the sentence a user reads and the key of the error's
# context that holds the limit it names.
MESSAGES = {
    "missing": (_("“%(field)s” is required."), None),
    "int_parsing": (WHOLE_NUMBER, None),
    "int_type": (WHOLE_NUMBER, None),
    "int_from_float": (WHOLE_NUMBER, None),
    "less_than_equal": (_("“%(field)s” may be at most %(limit)s."), "le"),
    "greater_than_equal": (_("“%(field)s” must be at least %(limit)s."), "ge"),
    "string_too_long": (_("“%(field)s” may be at most %(limit)s characters long."), "max_length"),
    "string_pattern_mismatch": (_("“%(field)s” contains characters that are not allowed."), None),
}
INVALID = (_("“%(field)s” is not valid."), None)


def error_message(error: dict) -> str:
    """One validation error of the request as a sentence in the user's language."""
    message, limit_key = MESSAGES.get(error.get("type"), INVALID)
    field = (error.get("loc") or ["request"])[-1]
    limit = (error.get("ctx") or {}).get(limit_key, "")
    return str(message) % {"field": field, "limit": limit}


def validation_error(api, request, exc):
    """400 rather than ninja's 422: the request is refused, and the message says why."""
    detail = " ".join(dict.fromkeys(error_message(error) for error in exc.errors))
    return api.create_response(request, {"detail": detail}, status=400)
