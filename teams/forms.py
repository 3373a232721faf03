from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Appreciation, Charter, Decision, GoalMeasurement, Owner, TeamGoal, TeamRole

NO_OWNER = [("", _("— nobody yet —"))]
SCHOOL_DEFAULT = [("", _("as the school"))]


class CharterForm(forms.Form):
    """The charter's texts and, for each member, their role in the team (`role_<link pk>`)."""

    pupils = forms.CharField(
        label=Charter._meta.get_field("pupils").verbose_name,
        help_text=Charter._meta.get_field("pupils").help_text,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    mission = forms.CharField(
        label=_("Child-oriented mission, in the team's own words"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    meeting_rhythm = forms.CharField(
        label=Charter._meta.get_field("meeting_rhythm").verbose_name,
        help_text=Charter._meta.get_field("meeting_rhythm").help_text,
        max_length=200,
        required=False,
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        max_length = TeamRole._meta.get_field("role").max_length
        self.role_names = []
        for link in members:
            name = f"role_{link.pk}"
            self.fields[name] = forms.CharField(
                label=_("Role of %(person)s") % {"person": link.membership.user},
                max_length=max_length,
                required=False,
            )
            self.role_names.append((name, link.pk))

    def roles(self) -> dict[int, str]:
        return {pk: self.cleaned_data[name] for name, pk in self.role_names}

    def role_fields(self):
        return [self[name] for name, _pk in self.role_names]


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["theme", "name"]
        error_messages = {
            "name": {"required": _("Give the task or decision a name.")},
            "theme": {"required": _("Choose a theme for the row.")},
        }


class MatrixRowForm(forms.Form):
    """One row of the grid: the school's default owner, each team's own choice, a note and the
    date it moved. Every field is labelled for screen readers by row and column."""

    owner = forms.ChoiceField(choices=NO_OWNER + list(Owner.choices), required=False)
    note = forms.CharField(max_length=300, required=False)
    moved_on = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, decision, teams, **kwargs):
        kwargs.setdefault("prefix", f"d{decision.pk}")
        choices = {choice.team_id: choice.owner for choice in decision.team_owners.all()}
        initial = {"owner": decision.owner, "note": decision.note, "moved_on": decision.moved_on}
        initial |= {f"team_{team.pk}": choices.get(team.pk, "") for team in teams}
        super().__init__(*args, initial=initial, **kwargs)
        self.decision, self.teams = decision, teams
        row = decision.name
        self.fields["owner"].widget.attrs["aria-label"] = _("%(row)s: school default") % {
            "row": row
        }
        self.fields["note"].widget.attrs["aria-label"] = _("%(row)s: note") % {"row": row}
        self.fields["moved_on"].widget.attrs["aria-label"] = _("%(row)s: moved on") % {"row": row}
        for team in teams:
            field = forms.ChoiceField(choices=SCHOOL_DEFAULT + list(Owner.choices), required=False)
            field.widget.attrs["aria-label"] = _("%(row)s: %(team)s") % {
                "row": row,
                "team": team.name,
            }
            self.fields[f"team_{team.pk}"] = field

    def team_fields(self):
        return [self[f"team_{team.pk}"] for team in self.teams]

    def cells(self) -> dict:
        """The grid's cells of this row, for the matrix template to write out itself: a grid
        of 100 selects rendered one widget template at a time is several times slower than
        one loop. Each cell has its bound field (name, id, errors), label, value and, for a
        select, its choices."""

        def cell(name):
            bound = self[name]
            value = bound.value()
            return {
                "field": bound,
                "label": bound.field.widget.attrs["aria-label"],
                "value": "" if value is None else str(value),
                "choices": getattr(bound.field, "choices", None),
            }

        return {
            "owner": cell("owner"),
            "teams": [cell(f"team_{team.pk}") for team in self.teams],
            "note": cell("note"),
            "moved_on": cell("moved_on"),
        }

    def change(self) -> dict:
        data = self.cleaned_data
        return {
            "decision": self.decision,
            "owner": data["owner"],
            "note": data["note"],
            "moved_on": data["moved_on"],
            "teams": {team.pk: data[f"team_{team.pk}"] for team in self.teams},
        }


def _decimal(label, **kwargs):
    field = forms.DecimalField(
        label=label,
        max_digits=12,
        decimal_places=2,
        localize=True,
        error_messages={"required": _("Fill in a value.")},
        **kwargs,
    )
    field.widget.attrs["inputmode"] = "decimal"
    return field


class GoalForm(forms.Form):
    title = forms.CharField(
        label=_("Goal"),
        max_length=200,
        error_messages={"required": _("Give the goal a name.")},
    )
    kind = forms.ChoiceField(
        label=TeamGoal._meta.get_field("kind").verbose_name,
        choices=TeamGoal.Kind.choices,
        widget=forms.RadioSelect,
        initial=TeamGoal.Kind.NUMBER,
    )
    scale_max = forms.IntegerField(
        label=TeamGoal._meta.get_field("scale_max").verbose_name,
        help_text=TeamGoal._meta.get_field("scale_max").help_text,
        min_value=2,
        max_value=100,
        required=False,
    )
    unit = forms.CharField(
        label=TeamGoal._meta.get_field("unit").verbose_name,
        help_text=TeamGoal._meta.get_field("unit").help_text,
        max_length=40,
        required=False,
    )
    baseline = _decimal(_("Baseline (where we start)"))
    target = _decimal(_("Target (where we want to be)"))
    direction = forms.ChoiceField(
        label=_("Which way is better?"),
        choices=TeamGoal.Direction.choices,
        widget=forms.RadioSelect,
        initial=TeamGoal.Direction.HIGHER,
    )
    deadline = forms.DateField(
        label=_("Deadline (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    @classmethod
    def initial_for(cls, goal: TeamGoal) -> dict:
        return {name: getattr(goal, name) for name in cls.base_fields}


class MeasurementForm(forms.Form):
    date = forms.DateField(
        label=_("Date of the measurement"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Fill in the date of the measurement.")},
    )
    value = _decimal(_("Value"))
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=GoalMeasurement._meta.get_field("note").max_length,
        required=False,
    )


class AppreciationForm(forms.Form):
    """A note for the team or one of its members (`recipient`: "team" or "m<membership pk>")."""

    recipient = forms.ChoiceField(label=_("For"))
    text = forms.CharField(
        label=_("Your note"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a few words of appreciation.")},
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it?"),
        choices=Appreciation.Visibility.choices,
        widget=forms.RadioSelect,
        initial=Appreciation.Visibility.SCHOOL,
    )

    def __init__(self, *args, team, members, viewer=None, **kwargs):
        kwargs.setdefault("prefix", "appreciation")
        super().__init__(*args, **kwargs)
        self.people = {
            link.membership_id: link.membership
            for link in members
            if viewer is None or link.membership_id != viewer.pk
        }
        choices = [("team", _("the team %(team)s") % {"team": team.name})]
        choices += [(f"m{pk}", str(membership.user)) for pk, membership in self.people.items()]
        self.fields["recipient"].choices = choices

    def person(self):
        """The member the note is for, or None for the team."""
        value = self.cleaned_data["recipient"]
        return None if value == "team" else self.people[int(value[1:])]
