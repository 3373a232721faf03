"""Forms of the instrument builder. Dutch and English fields come in pairs (`*_nl`, `*_en`),
shown side by side; the services validate what the forms cannot (codes, points, versions)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core import ordering

from .models import Instrument, RaterGroup


class PairedForm(forms.Form):
    """Marks the Dutch and English fields so the template shows them side by side."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.lang = name.endswith(("_nl", "_en"))


def _text(label, *, required=False, long=False, max_length=None):
    widget = forms.Textarea(attrs={"rows": 3}) if long else None
    return forms.CharField(label=label, required=required, widget=widget, max_length=max_length)


def _code(help_text=""):
    return forms.SlugField(label=_("Code"), max_length=40, required=False, help_text=help_text)


def _team_field(help_text=""):
    return forms.ModelChoiceField(
        label=_("For a team"),
        queryset=None,
        required=False,
        empty_label=_("The whole organisation"),
        help_text=help_text,
    )


class TeamChoiceMixin:
    """Offers a new instrument's `team` field (`_team_field`) from `teams`, required where the
    view says so, and leaves it out where there are none."""

    def __init__(self, *args, teams, team_required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["team"].required = team_required
        if not teams.exists():
            del self.fields["team"]


class InstrumentCreateForm(TeamChoiceMixin, PairedForm):
    title_nl = _text(_("Title (Dutch)"), required=True, max_length=200)
    title_en = _text(_("Title (English)"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[(k, label) for k, label in Instrument.Kind.choices if k != "360"],
        initial=Instrument.Kind.PULSE,
    )
    team = _team_field(_("A team's own instrument: its members compose and change it."))


class VersionForm(PairedForm):
    title_nl = _text(_("Title (Dutch)"), required=True, max_length=200)
    title_en = _text(_("Title (English)"), max_length=200)
    intro_nl = _text(_("Introduction (Dutch)"), long=True)
    intro_en = _text(_("Introduction (English)"), long=True)
    rater_groups = forms.MultipleChoiceField(
        label=_("Who answers"),
        choices=[
            (k, label) for k, label in RaterGroup.Kind.choices if k not in ("self", "superior")
        ],
        widget=forms.CheckboxSelectMultiple,
    )


class ShareForm(forms.Form):
    shared_with = forms.ChoiceField(label=_("Share with"), choices=Instrument.Sharing.choices)

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        owner = instrument.owner
        allowed = {"none", "network"} if owner.is_provider else {"none", "community"}
        self.fields["shared_with"].choices = [
            (k, label) for k, label in Instrument.Sharing.choices if k in allowed
        ]


class DimensionForm(PairedForm):
    title_nl = _text(_("Title (Dutch)"), required=True, max_length=200)
    title_en = _text(_("Title (English)"), max_length=200)
    code = _code(_("Leave empty to make one from the title."))


class OpenQuestionForm(PairedForm):
    text_nl = _text(_("Question (Dutch)"), required=True, long=True)
    text_en = _text(_("Question (English)"), long=True)
    code = _code(_("Leave empty for a new code."))


class ItemForm(PairedForm):
    text_nl = _text(_("Statement (Dutch)"), required=True, long=True)
    text_en = _text(_("Statement (English)"), long=True)
    dimension = forms.ModelChoiceField(label=_("Dimension"), queryset=None, empty_label=None)
    scale = forms.ModelChoiceField(
        label=_("Scale"),
        queryset=None,
        empty_label=None,
        help_text=_("Whether “I don't know” may be answered is set on the scale."),
    )
    reverse = forms.BooleanField(
        label=_("Reverse-scored"),
        required=False,
        help_text=_("A high answer means something is wrong, e.g. “I feel rushed”."),
    )
    code = _code(_("Items with the same code and text are compared across versions."))

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dimension"].queryset = version.dimensions.order_by("position")
        self.fields["scale"].queryset = version.scales.order_by("pk")
        self.fields["scale"].label_from_instance = _scale_label


def _scale_label(scale) -> str:
    points = scale.points()
    return f"{scale.code}: {points[0][1]} … {points[-1][1]}"


class ScaleForm(forms.Form):
    code = _code()
    minimum = forms.IntegerField(label=_("Lowest value"), initial=1, min_value=-10, max_value=10)
    maximum = forms.IntegerField(label=_("Highest value"), initial=5, min_value=-10, max_value=20)
    labels_nl = forms.CharField(
        label=_("Labels (Dutch)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One per line, from the lowest value to the highest."),
    )
    labels_en = forms.CharField(
        label=_("Labels (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One per line, from the lowest value to the highest."),
    )
    allow_unknown = forms.BooleanField(label=_("Allow “I don't know”"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.lang = name.startswith("labels_")

    def clean(self):
        data = super().clean()
        low, high = data.get("minimum"), data.get("maximum")
        if low is None or high is None:
            return data
        values = list(range(low, high + 1))
        nl = [line.strip() for line in data.get("labels_nl", "").splitlines()]
        en = [line.strip() for line in data.get("labels_en", "").splitlines()]
        if len([line for line in nl if line]) > len(values) or len(
            [line for line in en if line]
        ) > len(values):
            self.add_error("labels_nl", _("There are more labels than points on the scale."))
        data["labels"] = {
            str(value): {
                "nl": nl[i] if i < len(nl) else "",
                "en": en[i] if i < len(en) else "",
            }
            for i, value in enumerate(values)
        }
        return data

    @staticmethod
    def initial_for(scale) -> dict:
        values = range(scale.minimum, scale.maximum + 1)
        labels = scale.labels
        return {
            "code": scale.code,
            "minimum": scale.minimum,
            "maximum": scale.maximum,
            "allow_unknown": scale.allow_unknown,
            "labels_nl": "\n".join(labels.get(str(v), {}).get("nl", "") for v in values),
            "labels_en": "\n".join(labels.get(str(v), {}).get("en", "") for v in values),
        }


class MoveForm(forms.Form):
    """A move button's `up` / `down`, or the place a row was dragged to."""

    direction = forms.CharField(max_length=10)

    def clean_direction(self):
        direction = ordering.parse(self.cleaned_data["direction"])
        if direction is None:
            raise forms.ValidationError(_("Choose up, down or a place in the list."))
        return direction


class ImportForm(TeamChoiceMixin, forms.Form):
    upload = forms.FileField(
        label=_("File"),
        help_text=_(
            "YAML as Leerkring's own instruments are written, or XLSX with a sheet “items” "
            "(one row per item) as the export makes it."
        ),
    )
    title = forms.CharField(
        label=_("Title (Dutch)"),
        max_length=200,
        required=False,
        help_text=_("For an XLSX file; a YAML file has its own title."),
    )
    team = _team_field()
