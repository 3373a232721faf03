"""A token link's invitation with everything its answer page shows, read in one plain query.

Every request behind a link starts with this lookup. As a `select_related` over eight tables
(some eighty columns) Django would compile it anew on every request, which costs more than
running all the other queries of a submit; its SQL is written once per process instead
(core/planned.py).
"""

from core.planned import PlannedQuery

from .models import Invitation

# The same relations as `select_related("round__survey__version", ...)`.
_BY_TOKEN = PlannedQuery(
    Invitation,
    joins=(
        ("invitation", "round", "round"),
        ("round", "survey", "survey"),
        ("survey", "version", "version"),
        ("survey", "organisation", "organisation"),
        ("survey", "subject", "subject"),
        ("subject", "user", "subject_user"),
        ("invitation", "rater_group", "rater_group"),
    ),
    where=("token",),
)


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation of a token with its round, survey, instrument version, school,
    subject (and their user) and rater group loaded; None for an unknown token."""
    return _BY_TOKEN.first(token)
