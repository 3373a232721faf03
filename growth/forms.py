from django import forms
from django.utils.translation import gettext_lazy as _

from .models import JournalEntry


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
