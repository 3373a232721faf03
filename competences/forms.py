from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LEVELS, Rating

LEVEL_ERRORS = {
    "invalid_choice": _("Choose a level from 1 to 4."),
    "required": _("Choose a level from 1 to 4."),
}
NOTE_MAX = Rating._meta.get_field("note").max_length


def _level_field(label, choices, widget=None):
    field = forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        empty_value=None,
        required=False,
        error_messages=LEVEL_ERRORS,
    )
    if widget is not None:
        field.widget = widget
        field.widget.choices = field.choices
    return field


class RatingsForm(forms.Form):
    """A level (and a note) per competence for one or more kinds of rating: `self` for the
    person's own page (the four level texts as radio labels), `view` and `agreed` for a
    leader or coach. An empty level leaves that competence as it is."""

    def __init__(self, *args, competences, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.competences, self.kinds = competences, kinds
        for competence in competences:
            for kind in kinds:
                if kind == Rating.Kind.SELF:
                    choices = [
                        (level, _("Level %(n)s: %(text)s") % {"n": level, "text": text})
                        for level, text in competence.levels
                    ]
                    field = _level_field(
                        competence.name, [("", _("unchanged")), *choices], forms.RadioSelect()
                    )
                else:
                    choices = [("", _("— unchanged —"))] + [(n, str(n)) for n in LEVELS]
                    label = _("%(competence)s: %(kind)s") % {
                        "competence": competence.name,
                        "kind": Rating.Kind(kind).label,
                    }
                    field = _level_field(label, choices)
                self.fields[f"{kind}_{competence.pk}"] = field
            self.fields[f"note_{competence.pk}"] = forms.CharField(
                label=_("%(competence)s: note") % {"competence": competence.name},
                max_length=NOTE_MAX,
                required=False,
            )

    def _cell(self, name):
        """A field for the template to write out itself (name, id, label, value, choices,
        errors): rendering each widget through its own template is several times slower on
        a page with many of them."""
        bound = self[name]
        value = bound.value()
        return {
            "name": bound.html_name,
            "id": bound.auto_id,
            "label": bound.label,
            "value": "" if value is None else str(value),
            "choices": [(str(key), text) for key, text in getattr(bound.field, "choices", [])],
            "errors": bound.errors,
        }

    def rows(self):
        """Per competence: the competence, its level fields by kind and its note field."""
        return [
            {
                "competence": competence,
                "levels": [self._cell(f"{kind}_{competence.pk}") for kind in self.kinds],
                "note": self._cell(f"note_{competence.pk}"),
            }
            for competence in self.competences
        ]

    def ratings(self) -> dict[str, list[dict]]:
        """{kind: [{competence, level, note}]} for the levels filled in."""
        result = {kind: [] for kind in self.kinds}
        for competence in self.competences:
            note = self.cleaned_data[f"note_{competence.pk}"]
            for kind in self.kinds:
                level = self.cleaned_data[f"{kind}_{competence.pk}"]
                if level is not None:
                    result[kind].append({"competence": competence, "level": level, "note": note})
        return result


class RuleForm(forms.Form):
    """A coverage rule. The number of people is checked by the service, which says in words
    why 0 will not do."""

    min_people = forms.IntegerField(label=_("At least this many people"))
    min_level = _level_field(
        _("At this level or higher"), [(n, str(n)) for n in LEVELS], forms.Select()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["min_level"].required = True


class OverrideForm(RuleForm):
    team = forms.TypedChoiceField(label=_("Team"), coerce=int)
    competence = forms.TypedChoiceField(label=_("Competence"), coerce=int)

    def __init__(self, *args, teams, competences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [(team.pk, team.name) for team in teams]
        self.fields["competence"].choices = [(c.pk, c.name) for c in competences]
        self.order_fields(["team", "competence", "min_people", "min_level"])


class ImportForm(forms.Form):
    name = forms.CharField(label=_("Name of the framework"), max_length=200)
    file = forms.FileField(
        label=_("Spreadsheet (XLSX)"),
        help_text=_("One row per competence: code, name, description and the four level texts."),
    )
