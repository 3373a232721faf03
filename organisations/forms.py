from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Membership, Organisation, Team


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


class SchoolForm(forms.ModelForm):
    """A new school of a school community, with the e-mail address of its school leader."""

    leader_email = forms.EmailField(
        label=_("E-mail address of the school leader"),
        help_text=_("They become the school leader of the new school."),
    )

    class Meta:
        model = Organisation
        fields = ["name", "city", "institution_number"]
        labels = {"city": _("Place")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kind = Organisation.Kind.SCHOOL
        self.fields["city"].required = True
        self.fields["institution_number"].required = True


class OrganisationForm(forms.ModelForm):
    """A new school community or provider, optionally with its first administrator."""

    admin_email = forms.EmailField(
        label=_("E-mail address of its administrator"),
        required=False,
        help_text=_("Optional. This person becomes its administrator."),
    )

    class Meta:
        model = Organisation
        fields = ["kind", "name", "city"]
        labels = {"city": _("Place")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (kind.value, kind.label.capitalize())
            for kind in (Organisation.Kind.COMMUNITY, Organisation.Kind.PROVIDER)
        ]


class AuditFilterForm(forms.Form):
    """The audit trail's filters: who (name or e-mail address), what kind of object, when."""

    person = forms.CharField(
        label=_("Person (name or e-mail address)"), required=False, max_length=100
    )
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, object_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["object_type"].choices = [("", _("All object types"))] + [
            (value, value) for value in object_types
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period lies after its end."))
        return cleaned

    def filters(self) -> dict:
        """The valid filters, or none at all when the form is not valid (bad input shows
        every event rather than a wrong selection)."""
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}
