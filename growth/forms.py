from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DevelopmentAgreement, JournalEntry


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
        self.fields["plg"].queryset = plgs
        if not groups.exists():
            del self.fields["learning_group"]
        if not plgs.exists():
            del self.fields["plg"]


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
