from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DevelopmentAgreement, JournalEntry, Need, ProfessionalisationPlan, Response


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class JournalEntryForm(forms.ModelForm):
    class Meta:
        model = JournalEntry
        fields = [
            "date",
            "what_happened",
            "what_i_learned",
            "what_i_will_try",
            "sharing",
            "coach",
            "learning_group",
            "plg",
        ]
        widgets = {
            "date": DateInput(),
            "what_happened": forms.Textarea(attrs={"rows": 4}),
            "what_i_learned": forms.Textarea(attrs={"rows": 3}),
            "what_i_will_try": forms.Textarea(attrs={"rows": 3}),
            "sharing": forms.RadioSelect,
        }
        error_messages = {
            "date": {"required": _("Give the date of the entry.")},
            "what_happened": {"required": _("Write down what happened.")},
        }
        help_texts = {
            "coach": _("Only when you share the entry with a coach."),
            "learning_group": _("Only when you share the entry with a learning group."),
            "plg": _("Only when you share the entry with a PLG."),
        }

    def __init__(self, *args, coaches, groups, plgs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coaches
        self.fields["coach"].label_from_instance = lambda m: str(m.user)
        self.fields["learning_group"].queryset = groups
        # Every list is shown, even an empty one, so that the page reads the same whatever the
        # person is in.
        self.fields["plg"].queryset = plgs


class AgreementForm(forms.ModelForm):
    class Meta:
        model = DevelopmentAgreement
        fields = ["person", "conversation_on", "goal", "support", "due_on", "status"]
        widgets = {
            "conversation_on": DateInput(),
            "due_on": DateInput(),
            "goal": forms.Textarea(attrs={"rows": 3}),
            "support": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "person": {"required": _("Choose the person you made the agreement with.")},
            "goal": {"required": _("Write down the goal of the agreement.")},
            "due_on": {"required": _("Say by when the goal should be reached.")},
            "conversation_on": {"required": _("Give the date of the conversation.")},
        }

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["person"]
        else:
            del self.fields["status"]
            self.fields["person"].queryset = people
            self.fields["person"].label_from_instance = lambda m: str(m.user)


class ProgressNoteForm(forms.Form):
    text = forms.CharField(
        label=_("How is it going?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write down how it is going.")},
    )


class PlanForm(forms.ModelForm):
    class Meta:
        model = ProfessionalisationPlan
        fields = ["school_year", "focus"]
        widgets = {"focus": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "school_year": {"required": _("Give the school year, such as 2026-2027.")}
        }

    def validate_unique(self):
        # The service checks the plan (the organisation is not a field of the form).
        pass


class NeedForm(forms.ModelForm):
    class Meta:
        model = Need
        fields = ["dimension", "team", "person", "description", "source"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "dimension": {"required": _("Choose the dimension of the need.")},
            "description": {"required": _("Describe the need.")},
        }
        help_texts = {
            "team": _("Optional: the team the need belongs to."),
            "person": _("Optional: the person, for an individual need."),
        }

    def __init__(self, *args, teams, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda m: str(m.user)


class ResponseForm(forms.ModelForm):
    class Meta:
        model = Response
        fields = ["kind", "edition", "description", "budget", "hours", "status"]
        error_messages = {"kind": {"required": _("Choose what the response is.")}}

    def __init__(self, *args, editions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = editions
        for name in ("budget", "hours"):
            # Localized, so that "12,5" is read as people in Flanders write it.
            field = self.fields[name]
            field.localize = True
            field.widget = forms.TextInput(attrs={"inputmode": "decimal"})
            field.widget.is_localized = True
