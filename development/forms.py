from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Action, CoreTask, DevelopmentPoint, Goal, QualityExpectation

MAX_FRAMEWORK_BYTES = 2 * 1024 * 1024


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


class ExpectationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {obj.title} ({obj.framework.name})"


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=200)
    description = forms.CharField(
        label=_("What you will see when it is reached"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Make it measurable: who, what, how much, by when."),
    )
    starts_on = forms.DateField(
        label=_("Start"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty: today."),
    )
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    expectations = ExpectationChoiceField(
        label=_("Quality expectations"),
        queryset=QualityExpectation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    core_tasks = forms.ModelMultipleChoiceField(
        label=_("Core tasks"),
        queryset=CoreTask.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expectations"].queryset = selectors.expectation_choices(access=access)
        self.fields["core_tasks"].queryset = selectors.core_tasks(access=access)


class FrameworkImportForm(forms.Form):
    name = forms.CharField(label=_("Name of the framework"), max_length=200)
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx)"),
        help_text=_(
            "First sheet: code, title, short description and rubric, one expectation per row "
            "under a header row. Second sheet (optional): the levels of the scale, one per row."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FRAMEWORK_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload


class CoreTaskForm(forms.Form):
    name = forms.CharField(label=_("Core task"), max_length=200)


class OwnerField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.user)


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=200)
    owner = OwnerField(
        label=_("Owner"),
        queryset=None,
        required=False,
        empty_label=_("— choose who carries it —"),
    )
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    evidence = forms.FileField(
        label=_("Evidence (file)"),
        required=False,
        help_text=_("A report, photo or minutes; at most 10 MB."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = selectors.owners(access=access)


class ActionMoveForm(forms.Form):
    status = forms.ChoiceField(choices=Action.Status.choices)
    version = forms.IntegerField(min_value=1)


# A date field's value as <input type="date"> needs it, whatever the language's date format.
ISO_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonalGoalForm(forms.Form):
    """A goal of one's own plan; `status` only when it is changed later."""

    title = forms.CharField(label=_("Goal"), max_length=200)
    description = forms.CharField(
        label=_("What you will see when it is reached"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Make it measurable: who, what, how much, by when."),
    )
    deadline = forms.DateField(label=_("Deadline"), widget=ISO_DATE)
    status = forms.ChoiceField(label=_("Status"), choices=Goal.Status.choices)

    def __init__(self, *args, with_status: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_status:
            del self.fields["status"]


class PersonalActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=200)
    deadline = forms.DateField(label=_("Deadline"), widget=ISO_DATE)


class CompareForm(forms.Form):
    """Two versions of a plan to compare (GET `van` and `tot`, keys as in the history)."""

    van = forms.RegexField(regex=r"^[ga]\d{1,12}$")
    tot = forms.RegexField(regex=r"^[ga]\d{1,12}$")
