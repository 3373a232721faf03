from django import forms
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

from .models import PLG, Role


class PLGStartForm(forms.ModelForm):
    class Meta:
        model = PLG
        fields = [
            "type",
            "name",
            "learning_question",
            "focus",
            "subject",
            "is_open",
            "minutes_readers",
        ]
        widgets = {
            "learning_question": forms.Textarea(attrs={"rows": 3}),
            "minutes_readers": forms.RadioSelect,
        }


class PLGEditForm(forms.ModelForm):
    class Meta:
        model = PLG
        fields = [
            "name",
            "learning_question",
            "focus",
            "subject",
            "is_open",
            "minutes_readers",
            "learnings",
            "shared_with",
        ]
        widgets = {
            "learning_question": forms.Textarea(attrs={"rows": 3}),
            "learnings": forms.Textarea(attrs={"rows": 5}),
            "minutes_readers": forms.RadioSelect,
        }

    def __init__(self, *args, can_share: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if can_share:
            self.fields["shared_with"].queryset = Organisation.objects.filter(
                kind=Organisation.Kind.PROVIDER
            )
        else:
            # Sharing with a provider lets another organisation read the report: a decision
            # for the school's leaders, not for the group itself.
            del self.fields["shared_with"]


class RolesField(forms.MultipleChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=Role.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=kwargs.pop("label", _("Roles")),
            **kwargs,
        )


class MemberAddForm(forms.Form):
    person = forms.ModelChoiceField(queryset=None, label=_("Colleague"))
    roles = RolesField()

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = candidates
        self.fields["person"].label_from_instance = lambda m: (
            f"{m.user.get_full_name() or m.user.email} ({m.organisation.name})"
        )


class MemberRolesForm(forms.Form):
    roles = RolesField()


class AdvanceForm(forms.Form):
    conclusion = forms.CharField(
        label=_("What did this phase bring?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EvidenceForm(forms.Form):
    text = forms.CharField(label=_("Evidence"), widget=forms.Textarea(attrs={"rows": 3}))
    url = forms.URLField(label=_("Link (optional)"), required=False, assume_scheme="https")
