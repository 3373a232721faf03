import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Body


def _field(name):
    return Body._meta.get_field(name)


class BodyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=_field("name").max_length,
        error_messages={"required": _("Give the consultation body a name.")},
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", "---------")] + list(Body.Kind.choices),
        error_messages={"required": _("Choose what kind of body this is.")},
    )
    purpose = forms.CharField(
        label=_("Purpose"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    rhythm = forms.CharField(
        label=_("Rhythm"),
        max_length=_field("rhythm").max_length,
        required=False,
        help_text=_field("rhythm").help_text,
    )
    rule = forms.ChoiceField(
        label=_("Repeat rule for the calendar"), choices=Body.Rule.choices, required=False
    )
    rule_weeks = forms.IntegerField(
        label=_("Every how many weeks"),
        required=False,
        min_value=1,
        max_value=26,
        help_text=_("Only for the rule “every n weeks”."),
    )
    rule_date = forms.DateField(
        label=_("Date of the first meeting"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    rule_time = forms.TimeField(
        label=_("Start time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    rule_duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=15, max_value=480, initial=90
    )
    members = forms.MultipleChoiceField(
        label=_("Members"), required=False, widget=forms.CheckboxSelectMultiple
    )
    stakeholders = forms.CharField(
        label=_("Stakeholder groups"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One group per line, for example: parents, pupils, local community."),
    )
    is_public = forms.BooleanField(
        label=_field("is_public").verbose_name,
        help_text=_field("is_public").help_text,
        required=False,
    )

    def __init__(self, *args, staff, **kwargs):
        """`staff`: the school's people as (membership id, name)."""
        super().__init__(*args, **kwargs)
        self.fields["members"].choices = [(str(pk), name) for pk, name in staff]

    @classmethod
    def initial_for(cls, body: Body) -> dict:
        start = timezone.localtime(body.rule_start) if body.rule_start else None
        return {
            "name": body.name,
            "kind": body.kind,
            "purpose": body.purpose,
            "rhythm": body.rhythm,
            "rule": body.rule,
            "rule_weeks": body.rule_weeks,
            "rule_date": start.date() if start else None,
            "rule_time": start.time().replace(second=0, microsecond=0) if start else None,
            "rule_duration_minutes": body.rule_duration_minutes,
            "members": [str(pk) for pk in body.members.values_list("pk", flat=True)],
            "stakeholders": "\n".join(body.stakeholders),
            "is_public": body.is_public,
        }

    def save_kwargs(self) -> dict:
        data = self.cleaned_data
        start = None
        if data["rule_date"]:
            time = data["rule_time"] or datetime.time(15, 45)
            start = timezone.make_aware(datetime.datetime.combine(data["rule_date"], time))
        groups = data["stakeholders"].replace(",", "\n").splitlines()
        return {
            "name": data["name"],
            "kind": data["kind"],
            "purpose": data["purpose"],
            "rhythm": data["rhythm"],
            "rule": data["rule"],
            "rule_weeks": data["rule_weeks"],
            "rule_start": start,
            "rule_duration_minutes": data["rule_duration_minutes"],
            "member_ids": [int(pk) for pk in data["members"]],
            "stakeholders": groups,
            "is_public": data["is_public"],
        }
