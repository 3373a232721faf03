"""Pieces shared by the lists the PLG pages write in one pass (`meeting_page_html`,
`plg_page_html`, `product_cards`)."""

from django.utils.html import escape


def csrf_input(csrf_token) -> str:
    """The form token's hidden input, as {% csrf_token %} writes it: nothing without a token."""
    if not csrf_token or csrf_token == "NOTPROVIDED":
        return ""
    return f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">'
