from django import forms
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


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, membership):
        if membership.function:
            return f"{membership.user} ({membership.function})"
        return str(membership.user)


class TeamMemberAddForm(forms.Form):
    person = PersonChoiceField(queryset=Membership.objects.none(), label=_("Person"))
    is_home = forms.BooleanField(
        label=_("This becomes their home team"),
        required=False,
        help_text=_("A person has one home team per school; their old one stays a team of theirs."),
    )

    def __init__(self, *args, team: Team, **kwargs):
        super().__init__(*args, **kwargs)
        # What the page offers is what a POST may choose.
        self.fields["person"].queryset = selectors.team_candidates(team=team)


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
    not_activated = forms.BooleanField(label=_("Only who has not activated"), required=False)
