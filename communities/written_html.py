"""Pieces shared by the lists the PLG pages write in one pass (`meeting_page_html`,
`plg_page_html`, `product_cards`)."""

from django.urls import reverse
from django.utils.html import escape


def url_for_pk(name: str, kwargs: dict, pk_name: str):
    """A function giving the (escaped) URL `name` for a row's number: reversed once, with a
    stand-in number the rows' own replace."""
    start, end = reverse(name, kwargs={**kwargs, pk_name: 0}).rsplit("/0/", 1)
    start, end = escape(start), escape(end)
    return lambda pk: f"{start}/{int(pk)}/{end}"


def csrf_input(csrf_token) -> str:
    """The form token's hidden input, as {% csrf_token %} writes it: nothing without a token."""
    if not csrf_token or csrf_token == "NOTPROVIDED":
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
