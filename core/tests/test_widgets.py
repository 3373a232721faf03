import re

from django import forms

from core.widgets import Select

CHOICES = [
    ("", "---------"),
    ("Graad 1", [("1", "An Peeters"), ("2", "Bram & Co")]),
    ("3", "Chris Wouters"),
]


def _tags(html: str) -> list[str]:
    # Whitespace between the options differs; the elements and their attributes may not.
    return re.findall(r"<[^>]+>[^<]*", re.sub(r">\s+<", "><", html.strip()))


def test_the_select_writes_what_djangos_select_writes():
    for value in ("2", "3", "", None):
        ours = Select(choices=CHOICES, attrs={"id": "id_owner", "aria-describedby": "help"})
        django = forms.Select(choices=CHOICES, attrs={"id": "id_owner", "aria-describedby": "help"})
        assert _tags(ours.render("owner", value)) == _tags(django.render("owner", value))


def test_the_selected_option_is_marked_and_labels_are_escaped():
    html = Select(choices=CHOICES).render("owner", "2")
    assert '<option value="2" selected>Bram &amp; Co</option>' in html
    assert '<optgroup label="Graad 1">' in html
    assert html.count("selected") == 1
