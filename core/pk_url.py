"""A view's URL for any row of a list, with `reverse()` run once per list instead of once per
row: on a long list the reversing costs more than the rest of the row."""

from django.urls import reverse
from django.utils.html import escape

# Stands in for the id while the URL is reversed.
_PK = 2_147_483_647


class PkUrl:
    """The URL of view `name` with `kwargs`, for any value of its id argument `key`."""

    def __init__(self, name: str, kwargs: dict, key: str = "pk"):
        url = reverse(name, kwargs={**kwargs, key: _PK})
        # The id is the last path segment holding the stand-in (a slug may look like one).
        self.head, _, self.tail = url.rpartition(f"/{_PK}/")

    def with_pk(self, pk) -> str:
        return f"{self.head}/{int(pk)}/{self.tail}"

    def html(self, pk) -> str:
        """`with_pk`, escaped for HTML written by hand."""
        return escape(self.with_pk(pk))
