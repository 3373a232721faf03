from django import forms
from django.utils.translation import gettext_lazy as _

from .models import (
    CONTRIBUTION_MAX_LENGTH,
    MIN_THRESHOLD,
    StakeholderGroup,
    Theme,
    VisionProcess,
)


class ProcessForm(forms.ModelForm):
    class Meta:
        model = VisionProcess
        fields = ["title", "question", "points", "threshold"]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 3}),
            "points": forms.NumberInput(attrs={"min": 1, "max": 100}),
            "threshold": forms.NumberInput(attrs={"min": MIN_THRESHOLD, "max": 50}),
        }
        error_messages = {
            "title": {"required": _("Give the process a title.")},
            "question": {"required": _("Write the question you ask the stakeholders.")},
        }


class GroupForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the group"),
        max_length=StakeholderGroup._meta.get_field("name").max_length,
        help_text=_("For example: the local sports club, the after-school care."),
    )


class ThemeForm(forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"name": {"required": _("Give the theme a name.")}}


class PublishForm(forms.Form):
    text = forms.CharField(
        label=_("The vision text"),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write the vision text before publishing it.")},
    )


class ContributionForm(forms.Form):
    text = forms.CharField(
        label=_("Your contribution"),
        max_length=CONTRIBUTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": CONTRIBUTION_MAX_LENGTH}),
        help_text=_("One idea per contribution. You can send more than one."),
        error_messages={"required": _("Write your contribution before sending it.")},
    )
