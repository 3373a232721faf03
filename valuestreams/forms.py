from django import forms
from django.utils.translation import gettext_lazy as _

from . import flow
from .models import PainPoint, Step, Unit, ValueStreamMap

TIME_ERRORS = {
    "number": _("Enter the time as a number, for example 2 or 1,5."),
    "negative": _("A time cannot be negative."),
    "too_long": _("A step takes or waits a year at most."),
    "unit": _("Choose minutes, hours or days."),
}


class MapForm(forms.ModelForm):
    class Meta:
        model = ValueStreamMap
        fields = ["process", "kind"]
        help_texts = {"process": _("For example: intake of a new pupil, ordering materials.")}
        error_messages = {"process": {"required": _("Name the process you map.")}}


class StepForm(forms.Form):
    """A step with its times as a number and a unit each; `cleaned_data` holds them in minutes
    (process_minutes, waiting_minutes), ready for the services."""

    name = forms.CharField(
        label=_("Step"),
        max_length=Step._meta.get_field("name").max_length,
        error_messages={"required": _("Name the step.")},
    )
    actor = forms.CharField(
        label=_("Who does it"),
        max_length=Step._meta.get_field("actor").max_length,
        required=False,
        help_text=_("A role or team, for example: secretariat, care coordinator."),
    )
    process_time = forms.CharField(label=_("Process time"), initial="0", max_length=20)
    process_unit = forms.ChoiceField(
        label=_("Unit of the process time"), choices=Unit.choices, initial=Unit.MINUTES
    )
    waiting_time = forms.CharField(
        label=_("Waiting time before the next step"), initial="0", max_length=20
    )
    waiting_unit = forms.ChoiceField(
        label=_("Unit of the waiting time"), choices=Unit.choices, initial=Unit.DAYS
    )
    value_adding = forms.BooleanField(
        label=_("This step adds value for the pupil or teacher"), required=False
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea({"rows": 2}))
    position = forms.ChoiceField(label=_("Place in the map"), required=False)

    def __init__(self, *args, steps=(), step=None, after=None, **kwargs):
        """`steps`: the map's steps, for the place to add a new one (`after` preselects);
        `step`: the step being changed, whose place is not asked."""
        if step is not None:
            kwargs.setdefault("initial", {}).update(
                {
                    "name": step.name,
                    "actor": step.actor,
                    "process_time": _number(flow.in_unit(step.process_minutes, step.process_unit)),
                    "process_unit": step.process_unit,
                    "waiting_time": _number(flow.in_unit(step.waiting_minutes, step.waiting_unit)),
                    "waiting_unit": step.waiting_unit,
                    "value_adding": step.value_adding,
                    "notes": step.notes,
                }
            )
        super().__init__(*args, **kwargs)
        if step is not None:
            del self.fields["position"]
            return
        choices = [("", _("at the end")), ("1", _("at the start"))]
        choices += [
            (str(item.position + 1), _("after %(step)s") % {"step": f"{item.position}. {item}"})
            for item in steps
        ]
        self.fields["position"].choices = choices
        if after is not None:
            self.initial["position"] = str(after.position + 1)

    def _minutes(self, field):
        value = self.cleaned_data.get(f"{field}_time")
        unit = self.cleaned_data.get(f"{field}_unit")
        if value is None or unit is None:
            return None
        try:
            return flow.to_minutes(value, unit)
        except flow.TimeError as error:
            self.add_error(f"{field}_time", TIME_ERRORS[str(error)])
            return None

    def clean(self):
        cleaned = super().clean()
        cleaned["process_minutes"] = self._minutes("process")
        cleaned["waiting_minutes"] = self._minutes("waiting")
        return cleaned

    def values(self) -> dict:
        data = self.cleaned_data
        return {field: data[field] for field in ("name", "actor", "value_adding", "notes")} | {
            "process_minutes": data["process_minutes"],
            "process_unit": data["process_unit"],
            "waiting_minutes": data["waiting_minutes"],
            "waiting_unit": data["waiting_unit"],
        }

    def chosen_position(self) -> int | None:
        value = self.cleaned_data.get("position")
        return int(value) if value else None


def _number(value) -> str:
    """1.0 → "1", 1.5 → "1,5": a number as a Dutch form shows it."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


class PainPointForm(forms.ModelForm):
    class Meta:
        model = PainPoint
        fields = ["description"]
        labels = {"description": _("Pain point")}
        error_messages = {"description": {"required": _("Describe the pain point.")}}
