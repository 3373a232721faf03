import datetime

from django import forms
from django.utils import timezone
from django.utils.choices import BaseChoiceIterator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import Role


class MemberChoices(BaseChoiceIterator):
    """A PLG's members as (pk, name) choices, built once for every field that offers them.
    Django takes a choice iterator as it is, where a list would be normalised again for each
    field and its widget."""

    def __init__(self, members):
        self.by_pk = {str(m.pk): m for m in members}
        self.choices = [("", "---------")] + [
            (str(m.pk), m.person.user.get_full_name() or m.person.user.email) for m in members
        ]

    def __iter__(self):
        return iter(self.choices)


class MemberChoiceField(forms.ChoiceField):
    """A choice among the PLG's members, given as a list that is loaded once per page, in
    Django's own select. A ModelChoiceField would query the members again for every field
    that shows them: the meeting page has seven."""

    def __init__(self, *, members=(), **kwargs):
        super().__init__(choices=(), **kwargs)
        self.set_members(members)

    def set_members(self, members) -> None:
        """`members`: a list of members, or their `MemberChoices` shared with other fields."""
        offered = members if isinstance(members, MemberChoices) else MemberChoices(members)
        self._by_pk = offered.by_pk
        self.choices = offered

    def prepare_value(self, value):
        return str(value.pk) if hasattr(value, "pk") else value

    def clean(self, value):
        value = super().clean(value)
        return self._by_pk.get(str(value)) if value else None


def _date_input():
    # A browser's date field takes ISO dates only; the Dutch format would leave it empty.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class MeetingDetailsForm(forms.Form):
    """What a meeting is apart from its date: also each meeting of a series
    (core.forms.SeriesForm gives the dates)."""

    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=15, max_value=480, initial=90
    )
    place = forms.CharField(label=_("Place"), max_length=150, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")


class MeetingForm(MeetingDetailsForm):
    date = forms.DateField(label=_("Date"), widget=_date_input())
    time = forms.TimeField(label=_("Start time"), widget=_time_input())
    field_order = ["date", "time", "duration_minutes", "place", "online_url"]

    @classmethod
    def editing(cls, meeting, data=None) -> "MeetingForm":
        """The form filled in with a planned meeting's own date, time and place."""
        local = timezone.localtime(meeting.starts_at)
        initial = {
            "date": local.date(),
            "time": local.time().replace(second=0, microsecond=0),
            "duration_minutes": meeting.duration_minutes,
            "place": meeting.place,
            "online_url": meeting.online_url,
        }
        return cls(data, initial=initial)

    def starts_at(self) -> datetime.datetime:
        naive = datetime.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        return timezone.make_aware(naive)

    def changes(self) -> dict:
        """What `services.meeting_update` takes from a valid form."""
        return {
            "starts_at": self.starts_at(),
            **{
                name: self.cleaned_data[name]
                for name in ("duration_minutes", "place", "online_url")
            },
        }


class AgendaItemForm(forms.Form):
    time = forms.TimeField(
        label=_("Time"),
        widget=_time_input(),
        error_messages={"required": _("Give the agenda item a time.")},
    )
    title = forms.CharField(
        label=_("Agenda item"),
        max_length=200,
        error_messages={"required": _("An agenda item needs a title.")},
    )
    owner = MemberChoiceField(label=_("Owner"), required=False)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].set_members(members)


class BaseAgendaFormSet(forms.BaseFormSet):
    def __init__(self, *args, members, **kwargs):
        self.members = members
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"members": self.members}

    @property
    def empty_form(self):
        return self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            members=self.members,
            empty_permitted=True,
            use_required_attribute=False,
        )


AgendaFormSet = forms.formset_factory(AgendaItemForm, formset=BaseAgendaFormSet, extra=4)


class MeetingRolesForm(forms.Form):
    """Who holds each role at one meeting; a role left empty stays with its standing holder."""

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        offered = MemberChoices(members)
        for role, label in Role.choices:
            # The label in the active language once, not again wherever it is written.
            self.fields[role] = MemberChoiceField(
                label=capfirst(str(label)), required=False, members=offered
            )

    def holders(self) -> dict:
        return {role: self.cleaned_data[role] for role in Role.values}


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Markdown: **bold**, *italic*, lists with - or 1."),
    )


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("Decision"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write down what was decided.")},
    )


class ActionForm(forms.Form):
    description = forms.CharField(
        label=_("Action"),
        max_length=300,
        error_messages={"required": _("Describe the action.")},
    )
    owner = MemberChoiceField(
        label=_("Owner"),
        error_messages={"required": _("Every action needs an owner: choose who takes it on.")},
    )
    deadline = forms.DateField(
        label=_("Deadline"),
        widget=_date_input(),
        error_messages={"required": _("Give the action a deadline.")},
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].set_members(members)
