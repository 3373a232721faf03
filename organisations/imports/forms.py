import difflib

from django import forms
from django.utils.translation import gettext_lazy as _

from core.errors import LeerkringError

from ..models import Team
from . import validation
from .parsing import COLUMN_LABELS, check_upload, unknown_columns
from .validation import NEW_TEAM

TEAM_NAME_MAX_LENGTH = Team._meta.get_field("name").max_length


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label=_("Staff list"),
        help_text=_(
            "A CSV or Excel (.xlsx) file of at most 5 MB with the columns first name, last name, "
            "email, function, home team and other teams."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx"}),
        error_messages={
            "required": _("Choose a file to import."),
            "empty": _("The file is empty."),
        },
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            check_upload(uploaded)  # name and size only: a 20 MB upload is never read
        except LeerkringError as error:
            raise forms.ValidationError(error.message) from error
        return uploaded


def suggest_team(name: str, teams: list) -> object | None:
    """The school's team whose name is closest to `name` ("Team 1ste graad" is probably
    "Eerste graad"), or None when none is close."""
    by_key = {validation.team_key(t.name): t for t in teams}
    match = difflib.get_close_matches(validation.team_key(name), by_key, n=1, cutoff=0.7)
    return by_key[match[0]] if match else None


class StaffImportChoicesForm(forms.Form):
    """The preview's questions about a stored file: what each unknown column holds, and
    what each unknown team name is."""

    def __init__(self, *args, staff_import, teams, **kwargs):
        super().__init__(*args, **kwargs)
        source = staff_import.source
        self.header = source.get("header", [])
        self.mapping = source.get("mapping", [])
        self.unknown_teams = source.get("unknown_teams", [])
        self.unknown_columns = unknown_columns(self.header)
        field_choices = [("", _("ignore this column"))] + [
            (column, label) for column, label in COLUMN_LABELS.items()
        ]
        for index in self.unknown_columns:
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=_("Column “%(name)s”") % {"name": self.header[index]},
                choices=field_choices,
                required=False,
                initial=self.mapping[index] if index < len(self.mapping) else "",
            )
        chosen = source.get("teams", {})
        team_choices = [(NEW_TEAM, _("create as new team"))] + [
            (str(team.pk), _("match to existing team %(name)s") % {"name": team.name})
            for team in teams
        ]
        for number, name in enumerate(self.unknown_teams):
            choice = chosen.get(validation.team_key(name))
            if choice is None:
                suggestion = suggest_team(name, teams)
                choice = suggestion.pk if suggestion else NEW_TEAM
            self.fields[f"team_{number}"] = forms.ChoiceField(
                label=_("Team “%(name)s”") % {"name": name},
                choices=team_choices,
                initial=str(choice),
                error_messages={"required": _("Choose what to do with this team.")},
            )

    def column_fields(self):
        return [self[f"column_{index}"] for index in self.unknown_columns]

    def team_fields(self):
        return [self[f"team_{number}"] for number in range(len(self.unknown_teams))]

    def clean(self):
        cleaned = super().clean()
        mapping = list(self.mapping) + [""] * (len(self.header) - len(self.mapping))
        for index in self.unknown_columns:
            mapping[index] = cleaned.get(f"column_{index}", "")
        for column, label in COLUMN_LABELS.items():
            if mapping.count(column) > 1:
                self.add_error(
                    None,
                    _("More than one column is the %(field)s. Choose it for one column only.")
                    % {"field": label},
                )
        team_choices = {}
        for number, name in enumerate(self.unknown_teams):
            value = cleaned.get(f"team_{number}")
            if value == NEW_TEAM and len(name.strip()) > TEAM_NAME_MAX_LENGTH:
                self.add_error(
                    f"team_{number}",
                    _(
                        "This name is too long for a team (at most %(max)s characters). "
                        "Match it to an existing team, or shorten it in your file."
                    )
                    % {"max": TEAM_NAME_MAX_LENGTH},
                )
            elif value:
                team_choices[validation.team_key(name)] = (
                    NEW_TEAM if value == NEW_TEAM else int(value)
                )
        cleaned["mapping"] = mapping
        cleaned["team_choices"] = team_choices
        return cleaned
