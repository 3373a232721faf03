from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DevelopmentPoint


class PointFilterForm(forms.Form):
    """The inbox's filters (GET). An unknown value shows an error and filters nothing."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("all statuses")), *DevelopmentPoint.Status.choices],
    )
    source = forms.ChoiceField(
        label=_("Source"),
        required=False,
        choices=[("", _("all sources")), *DevelopmentPoint.Source.choices],
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {"status": self.cleaned_data["status"], "source": self.cleaned_data["source"]}


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=200)
    description = forms.CharField(
        label=_("What you will see when it is reached"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Make it measurable: who, what, how much, by when."),
    )
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))
