"""The registration form's widgets are written without templates; they must write what
Django's own widgets write."""

import re

import pytest
from django import forms

from networks.forms import PlainCheckbox, PlainRadioSelect, PlainSelect, PlainTextarea


def _same(html: str) -> str:
    """The markup with its attributes in one order and its white space collapsed: only
    these may differ."""

    def sort_attributes(tag):
        name, attributes = tag.group(1), re.findall(r'\s([\w-]+(?:="[^"]*")?)', tag.group(2))
        return f"<{name} {' '.join(sorted(attributes))}>"

    html = re.sub(r"\s+", " ", html).replace("> <", "><")
    return re.sub(r"<(\w+)((?:\s[\w-]+(?:=\"[^\"]*\")?)*)\s*>", sort_attributes, html)


@pytest.mark.parametrize(
    ("plain", "django", "value"),
    [
        (PlainTextarea(attrs={"rows": 3}), forms.Textarea(attrs={"rows": 3}), 'Een "<b>"'),
        (PlainTextarea(), forms.Textarea(), None),
        (PlainCheckbox(), forms.CheckboxInput(), True),
        (PlainCheckbox(), forms.CheckboxInput(), False),
        (PlainCheckbox(), forms.CheckboxInput(), "on"),
    ],
)
def test_a_plain_widget_writes_what_django_writes(plain, django, value):
    attrs = {"id": "id_field", "aria-required": "true"}
    assert _same(plain.render("field", value, attrs)) == _same(django.render("field", value, attrs))


@pytest.mark.parametrize("value", [None, "yes", "no"])
def test_plain_choices_write_what_django_writes(value):
    choices = [("yes", "ja"), ("no", "nee <niet>")]
    attrs = {"id": "id_q_1", "aria-required": "true"}
    for plain, django in ((PlainRadioSelect, forms.RadioSelect), (PlainSelect, forms.Select)):
        assert _same(plain(choices=choices).render("q_1", value, attrs)) == _same(
            django(choices=choices).render("q_1", value, attrs)
        )
