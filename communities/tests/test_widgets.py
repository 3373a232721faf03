import pytest
from django import forms

from communities.widgets import MemberSelect

CHOICES = [("", "---------"), ("1", "An & Bo"), (2, "<Cas>")]


@pytest.mark.parametrize(
    ("value", "attrs"),
    [
        ("1", {"id": "id_owner", "required": True, "aria-describedby": "id_owner_helptext"}),
        (None, {"id": "id_owner", "disabled": False}),
        (2, {"aria-invalid": "true", "data-note": 'say "<hi>"'}),
    ],
)
def test_the_member_select_writes_what_djangos_select_writes(value, attrs):
    expected = forms.Select(choices=CHOICES).render("owner", value, attrs)
    assert MemberSelect(choices=CHOICES).render("owner", value, attrs) == expected
