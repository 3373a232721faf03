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
