"""The forms of the PLG pages written in Python are the forms `as_p()` writes."""

import re

import pytest
from django import forms
from django.utils import translation

from communities.form_html import form_as_p
from communities.forms import AdvanceForm, EvidenceForm
from communities.library_forms import ProductSearchForm
from communities.meeting_forms import (
    ActionForm,
    AgendaItemForm,
    DecisionForm,
    MeetingRolesForm,
    MinutesForm,
)
from communities.tests.factories import PLGMemberFactory


def _same_markup(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\s*(<[^>]*>)\s*", r"\1", str(html))).strip()


class _Other(forms.Form):
    """A form with a widget `form_as_p` leaves to the templates."""

    ok = forms.BooleanField(label="OK?", required=False)
    name = forms.CharField(label="Naam <voluit>")


def _forms(members):
    return [
        MeetingRolesForm(members=members, initial={"note_taker": members[1]}),
        AgendaItemForm(members=members, prefix="agenda-item"),
        ActionForm(members=members),
        ActionForm(
            {"description": "Lezen", "owner": str(members[0].pk), "deadline": "2026-12-01"},
            members=members,
        ),
        DecisionForm(),
        MinutesForm(initial={"minutes": "## Notities\n\n<b>vet</b> & meer"}),
        AdvanceForm(),
        EvidenceForm(),
        EvidenceForm({"text": "", "url": "geen link"}),  # with errors
        ProductSearchForm(),
        ProductSearchForm({"q": 'tel "<len>"', "kind": "material"}),
        _Other(),
    ]


@pytest.mark.parametrize("language", ["nl-be", "en"])
def test_the_forms_are_written_as_as_p_writes_them(plg, language):
    members = [PLGMemberFactory(plg=plg), PLGMemberFactory(plg=plg)]
    with translation.override(language):
        for form in _forms(members):
            if form.is_bound:
                form.full_clean()
            assert _same_markup(form_as_p(form)) == _same_markup(form.as_p()), type(form)


def test_the_written_fields_keep_their_labels_help_and_state(plg):
    members = [PLGMemberFactory(plg=plg)]
    minutes = form_as_p(MinutesForm(initial={"minutes": "<b>vet</b>"}))
    assert '<label for="id_minutes">' in minutes
    assert 'aria-describedby="id_minutes_helptext"' in minutes
    assert "&lt;b&gt;vet&lt;/b&gt;</textarea>" in minutes
    action = form_as_p(ActionForm(members=members))
    assert 'type="date" name="deadline" required id="id_deadline"' in action
    search = form_as_p(ProductSearchForm({"q": "tel", "kind": "material"}))
    assert 'name="q" value="tel"' in search and '<option value="material" selected>' in search
