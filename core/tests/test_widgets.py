"""Leerkring's select template (core/templates/django/forms/widgets/select.html) writes its
options in its own loop; what it writes is what Django's stock template writes."""

import re

from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer

CHOICES = [
    ("", "---------"),
    ("Graad 1", [("1", "An Peeters"), ("2", "Bram & Co")]),
    ("3", "Chris Wouters"),
]


def _tags(html: str) -> list[str]:
    # Whitespace between the options differs; the elements and their attributes may not.
    return re.findall(r"<[^>]+>[^<]*", re.sub(r">\s+<", "><", html.strip()))


def test_the_project_renders_selects_with_its_own_template():
    template = get_default_renderer().get_template("django/forms/widgets/select.html")
    assert "core/templates" in str(template.origin.name)


def test_the_select_writes_what_djangos_own_select_writes():
    attrs = {"id": "id_owner", "aria-describedby": "help"}
    for value in ("2", "3", "", None):
        widget = forms.Select(choices=CHOICES, attrs=attrs)
        ours = widget.render("owner", value)
        stock = widget.render("owner", value, renderer=DjangoTemplates())
        assert _tags(ours) == _tags(stock)


def test_the_selected_option_is_marked_and_labels_are_escaped():
    html = forms.Select(choices=CHOICES).render("owner", "2")
    assert '<option value="2" selected>Bram &amp; Co</option>' in html
    assert '<optgroup label="Graad 1">' in html
    assert html.count("selected") == 1
