from html import escape

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Membership, Team


class TeamForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name", "mission"]
        widgets = {"mission": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation


def person_label(name: str, function: str) -> str:
    """How a person is offered in a choice: their name, and their function if they have one."""
    return f"{name} ({function})" if function else name


class _Choices(BaseChoiceIterator):
    """Choices already as (value, label) pairs. A plain list of a few hundred would be
    normalised again by the field and by its widget."""

    def __init__(self, choices: list[tuple]):
        self.choices = choices

    def __iter__(self):
        return iter(self.choices)


class PlainOptionsSelect(forms.Select):
    """A single select whose <option>s are written in one pass: Django's Select renders each
    option through its own template, which for a school's few hundred people cost more than
    the rest of the page. The <select> element itself (name, id, required, aria-*) is still
    Django's template; only flat choices (no groups) are supported."""

    template_name = "organisations/widgets/plain_options_select.html"

    def get_context(self, name, value, attrs):
        # Widget's context, not Select's: that builds the per-option dicts this one avoids.
        context = forms.Widget.get_context(self, name, value, attrs)
        selected = set(context["widget"]["value"])
        options = []
        for choice_value, label in self.choices:
            raw = "" if choice_value is None else str(choice_value)
            text = raw if type(choice_value) is int else escape(raw)  # ids need no escaping
            mark = ""
            if raw in selected:
                mark = " selected"
                selected = ()  # a single select marks its first match only, like Django's
            options.append(f'<option value="{text}"{mark}>{escape(str(label))}</option>')
        context["widget"]["options_html"] = mark_safe("\n".join(options))  # escaped above
        return context


class TeamMemberAddForm(forms.Form):
    # The choices are selectors.team_candidates(): what the page offers is what a POST may
    # choose. clean_person() turns the chosen id into the Membership.
    person = forms.TypedChoiceField(
        coerce=int,
        label=_("Person"),
        widget=PlainOptionsSelect,
        error_messages={
            "invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]
        },
    )
    is_home = forms.BooleanField(
        label=_("This becomes their home team"),
        required=False,
        help_text=_("A person has one home team per school; their old one stays a team of theirs."),
    )

    def __init__(self, *args, team: Team, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team
        self.fields["person"].choices = _Choices(
            [
                ("", "---------"),
                *(
                    (pk, person_label(name, function))
                    for pk, name, function in selectors.team_candidates(team=team)
                ),
            ]
        )

    def clean_person(self) -> Membership:
        people = self.team.organisation.memberships.select_related("user")
        try:
            return people.get(pk=self.cleaned_data["person"])
        except Membership.DoesNotExist:  # left the school since the choices were read
            raise forms.ValidationError(
                self.fields["person"].error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": self.cleaned_data["person"]},
            ) from None


class PersonTeamsForm(forms.Form):
    home_team = forms.ModelChoiceField(
        queryset=Team.objects.none(),
        label=_("Home team"),
        help_text=_("Every staff member has exactly one home team (nest) in this school."),
    )
    other_teams = forms.ModelMultipleChoiceField(
        queryset=Team.objects.none(),
        label=_("Other teams"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        teams = membership.organisation.teams.order_by("name")
        self.fields["home_team"].queryset = teams
        self.fields["other_teams"].queryset = teams

    def clean(self):
        cleaned = super().clean()
        home, others = cleaned.get("home_team"), cleaned.get("other_teams") or []
        if home is not None and home in others:
            self.add_error("other_teams", _("The home team is already one of this person's teams."))
        return cleaned


class PersonForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "function"]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
