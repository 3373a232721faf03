"""A provider's forms: programmes, editions, their questions, sessions and learning groups."""

from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from organisations.models import Membership

from ..models import (
    Application,
    Edition,
    LearningGroup,
    Participant,
    Programme,
    Question,
    Session,
)
from .widgets import DATE, DATETIME, TIME


def _trainers(provider):
    return Membership.objects.filter(
        organisation=provider, role=Membership.Role.TRAINER, is_active=True
    ).select_related("user", "organisation")


class TrainerField(forms.ModelChoiceField):
    """A trainer shown as "Name (Organisation)"."""

    def label_from_instance(self, obj):
        return f"{obj.user} ({obj.organisation})"


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "code",
            "title",
            "kind",
            "audience",
            "theme",
            "summary",
            "goals",
            "programme_text",
            "instruments",
            "trainer",
            "fee",
            "selection",
            "is_published",
        ]
        field_classes = {"trainer": TrainerField}

    def __init__(self, *args, provider, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.provider = provider
        self.fields["trainer"].queryset = _trainers(provider)


class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = [
            "name",
            "starts_on",
            "ends_on",
            "location",
            "city",
            "room",
            "is_online",
            "what_to_bring",
            "capacity",
            "capacity_unit",
            "registration_deadline",
            "offer_days",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE, "registration_deadline": DATETIME}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        # Places unless the trainer chooses group places (a form that leaves it out too).
        self.fields["capacity_unit"].required = False
        if self.instance.pk:
            # A changed deadline goes through DeadlineForm, which keeps a record of it.
            del self.fields["registration_deadline"]

    def clean_capacity_unit(self):
        return self.cleaned_data.get("capacity_unit") or Edition.CapacityUnit.PLACES

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The edition cannot end before it starts."))
        return data


class DeadlineForm(forms.Form):
    new_deadline = forms.DateTimeField(label=_("New deadline"), widget=DATETIME)
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["text", "kind", "choices", "required"]
        widgets = {"choices": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        if self.instance.pk is None:
            # A new question comes last; "move up" and "move down" order them afterwards.
            top = programme.questions.aggregate(top=Max("position"))["top"]
            self.instance.position = 0 if top is None else top + 1

    def clean(self):
        data = super().clean()
        if data.get("kind") == Question.Kind.CHOICE and not (data.get("choices") or "").strip():
            self.add_error("choices", _("A choice question needs at least one choice."))
        return data


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = [
            "kind",
            "title",
            "group",
            "date",
            "end_date",
            "start_time",
            "end_time",
            "location",
            "room",
            "online_link",
            "programme",
            "materials",
        ]
        widgets = {"date": DATE, "end_date": DATE, "start_time": TIME, "end_time": TIME}
        # A link typed without its scheme is a secure one.
        field_classes = {"online_link": partial(forms.URLField, assume_scheme="https")}

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.edition = edition
        self.fields["group"].queryset = edition.groups.all()
        self.fields["group"].empty_label = _("all participants")
        if self.instance.pk is None and not edition.is_online:
            # Most sessions take place where the edition does; an online one has no room.
            self.initial.setdefault("location", edition.location)
            self.initial.setdefault("room", edition.room)

    def clean(self):
        data = super().clean()
        end_date, date = data.get("end_date"), data.get("date")
        if end_date and date and end_date < date:
            self.add_error("end_date", _("The last day cannot be before the first."))
        same_day = not end_date or end_date == date
        start, end = data.get("start_time"), data.get("end_time")
        if same_day and start and end and end <= start:
            self.add_error("end_time", _("The session must end after it starts."))
        return data


class SessionSeriesForm(forms.ModelForm):
    """What each session of a series is (the dates come from core.forms.SeriesForm)."""

    class Meta:
        model = Session
        fields = ["kind", "title", "group", "end_time", "location", "room", "online_link"]
        widgets = {"end_time": TIME}
        field_classes = {"online_link": partial(forms.URLField, assume_scheme="https")}
        help_texts = {
            "title": _("Each session gets its number after the title: Training day 1, 2, …"),
        }

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.edition = edition
        self.fields["group"].queryset = edition.groups.all()
        self.fields["group"].empty_label = _("all participants")
        if not edition.is_online:
            self.initial.setdefault("location", edition.location)
            self.initial.setdefault("room", edition.room)


class LearningGroupForm(forms.ModelForm):
    class Meta:
        model = LearningGroup
        fields = ["name", "trainer"]
        field_classes = {"trainer": TrainerField}

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.edition = edition
        self.fields["trainer"].queryset = _trainers(edition.programme.provider)


class ParticipantsField(forms.ModelMultipleChoiceField):
    """Participants by id, where an id that is not a whole number in the range of the
    database's ids is no choice (rather than a query the database cannot run)."""

    def clean(self, value):
        low, high = connection.ops.integer_field_range(
            self.queryset.model._meta.pk.get_internal_type()
        )
        id_field = forms.IntegerField(min_value=max(low or 1, 1), max_value=high)
        for pk in value or []:
            try:
                id_field.clean(pk)
            except ValidationError:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                ) from None
        return super().clean(value)


class GroupMembersForm(forms.Form):
    """The members of a learning group, from the edition's accepted participants: an id
    that is none of them (or no id at all) is refused before anything changes."""

    participants = ParticipantsField(
        queryset=Participant.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": _("Only accepted participants of this edition can join a group."),
            "invalid_pk_value": _("Only accepted participants of this edition can join a group."),
        },
    )

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = Participant.objects.filter(
            edition=edition, is_active=True, application__status=Application.Status.ACCEPTED
        )


class IntakeForm(forms.Form):
    when = forms.DateTimeField(label=_("Date and time"), widget=DATETIME)
    note = forms.CharField(label=_("Note for the applicant"), max_length=300, required=False)
